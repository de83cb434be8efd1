// What a suite worker (test/suite_worker.ts) is asked to do and what it answers. Both sides name
// targets by their catalogue entry, not by URL: the target is started inside the worker, so the
// server's work stays off the test runner's thread too.
import type { Cell } from "./mutants/cell_mutants.ts";
import type { MatrixRow, RunChoice } from "./mutants/run_against.ts";

export type Wire = "http-json" | "mtproto";

export type SuiteJob =
  /** The suite (or `choice` of it) against a mutant of test/mutants/catalogue.ts. */
  | { kind: "mutant"; name: string; wire: Wire; choice?: RunChoice }
  /** The suite against a variant of test/variants/catalogue.ts, with the choices it met. */
  | { kind: "variant"; name: string; wire: Wire }
  /** `choice` of the suite against the mutant that breaks one cell of a grid (test/mutants/cell_mutants.ts). */
  | { kind: "cell"; cell: Cell; choice: RunChoice }
  /** explore's survey run (test/explore/survey.ts) against a mutant: what it finds by itself. */
  | { kind: "explore"; name: string };

export type SuiteJobResult =
  | { kind: "row"; row: MatrixRow; exercised: string[] }
  | { kind: "found"; found: string | null }
  /** The target cannot be put on this wire (its deviation or choice is made by a TL-JSON proxy). */
  | { kind: "not-on-wire" };

export type WorkerMessage =
  | { id: number; ok: true; result: SuiteJobResult }
  | { id: number; ok: false; error: string };
