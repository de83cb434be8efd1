// Compares every written id of a schema with the id computed from its text.
import { type KnownIdException, knownIdException } from "./known_id_exceptions.ts";
import type { TlCombinator, TlSchema } from "./types.ts";

export interface IdMismatch {
  combinator: TlCombinator;
  explicitId: number;
  /** Set when a named exception excuses the mismatch. */
  exception: KnownIdException | undefined;
}

export interface IdCheck {
  declarations: number;
  /** Declarations that carry an explicit id. */
  checked: number;
  /** Mismatches no exception excuses: each one fails the check. */
  mismatches: IdMismatch[];
  excused: IdMismatch[];
}

export function checkIds(schema: TlSchema): IdCheck {
  const all = [...schema.constructors, ...schema.functions];
  const result: IdCheck = { declarations: all.length, checked: 0, mismatches: [], excused: [] };
  for (const combinator of all) {
    const explicitId = combinator.explicitId;
    if (explicitId === undefined) continue;
    result.checked += 1;
    if (explicitId === combinator.computedId) continue;
    const exception = knownIdException(combinator.name, explicitId);
    (exception ? result.excused : result.mismatches).push({ combinator, explicitId, exception });
  }
  return result;
}
