// Small tools for mutants that rewrite the reference server's answers.
import type { TlObject } from "../../src/server/index.ts";

/**
 * A copy of a value with `edit` applied to every TL object in it. A copy, because the server's
 * answers may share objects with its state; a mutant must change what is sent, nothing else.
 */
export function everyObject(value: unknown, edit: (object: TlObject) => void): unknown {
  const copy = structuredClone(value);
  const stack: unknown[] = [copy];
  while (stack.length > 0) {
    const item = stack.pop();
    if (typeof item !== "object" || item === null) continue;
    if (!Array.isArray(item) && typeof (item as TlObject)._ === "string") edit(item as TlObject);
    stack.push(...Object.values(item));
  }
  return copy;
}

/** A copy of a User as a viewer who does not see the phone would get it. */
export function asForeign(user: TlObject): TlObject {
  const { phone: _phone, ...rest } = user;
  return { ...rest, _: "userForeign" };
}

/** A contacts.link with the given pair, for mutants that put a link where none belongs. */
export function linkOf(user: TlObject, myLink: string, foreignLink: string): TlObject {
  return { _: "contacts.link", my_link: { _: myLink }, foreign_link: { _: foreignLink }, user };
}
