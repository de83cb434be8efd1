// The shape of a requirement as docs/requirements.yaml writes it and the generated registry holds
// it. The names of the generic checks and of the pair facts are the code's (src/requirements/
// checks.ts): the schema of the data file is generated from them, so the file can name no check
// the suite does not have.
import type { CheckName, PairFact } from "./checks.ts";
import type { GridSpec } from "./grid.ts";

export type RequirementLevel = "MUST" | "SHOULD";

/** One generic check a failure of which this requirement may be reported as. */
export interface SpeaksFor {
  check: CheckName;
  /** The requirement comes first among the check's candidates when this fact holds... */
  when?: PairFact;
  /** ...or when this one does not. */
  unless?: PairFact;
  /** Before others that apply equally: higher first; default 0. */
  priority?: number;
}

export interface Requirement {
  readonly id: string;
  level: RequirementLevel;
  /** The sentence of the spec (or the binding) this requirement comes from. */
  source: string;
  /** What the suite checks, in one line. */
  check: string;
  speaksFor?: readonly SpeaksFor[];
  /**
   * The send kinds, layers and directions its scenarios must exercise (docs/requirements.md, the
   * grid), as blocks: each block every send × layer × direction it names.
   */
  grid?: readonly GridSpec[];
}
