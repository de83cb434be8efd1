// PRIVACY: finds a phone in any usual writing (digits alone, with +, spaces, dashes, dots,
// slashes or brackets between them, Unicode spaces and dashes too) anywhere in an answer: every
// string and number of the body, every key, and the headers. The one exception is the
// phone_number of a contact card that a user of the scenario really sent to the viewer.
import { escapePointer, isTlObject } from "./tl_json.ts";

const MAX_NODES = 500_000;
// What may stand between two digits of a number as people write it.
const SEPARATOR = String.raw`[\s\p{Zs}+\-\u2010-\u2015\u2212.()\[\]/]*`;

export interface PhoneHit {
  phone: string;
  pointer: string;
}

/** A matcher for a set of phones (digits only), in any writing. */
export class PhoneMatcher {
  private readonly pattern: RegExp | undefined;

  constructor(readonly phones: readonly string[]) {
    const alternatives = phones.map((p) => [...p].join(SEPARATOR));
    this.pattern = phones.length === 0 ? undefined : new RegExp(alternatives.join("|"), "u");
  }

  /** The phone (digits) written in this text, if any. */
  find(text: string): string | undefined {
    if (!this.pattern) return undefined;
    const match = this.pattern.exec(text);
    if (!match) return undefined;
    const digits = match[0].replace(/\D/g, "");
    return this.phones.find((p) => digits === p);
  }
}

/** The digits of a phone as written in a card (for comparing cards). */
export function phoneDigits(text: unknown): string {
  return String(text).replace(/\D/g, "");
}

/**
 * The first forbidden phone in a decoded answer. `exempt(phone)` says whether a contact card's
 * phone_number with those digits was really sent to the viewer.
 */
export function findPhone(
  body: unknown,
  matcher: PhoneMatcher,
  exempt: (digits: string) => boolean,
): PhoneHit | undefined {
  const stack: [value: unknown, pointer: string][] = [[body, ""]];
  let nodes = 0;
  while (stack.length > 0 && nodes++ < MAX_NODES) {
    const [value, pointer] = stack.pop() as [unknown, string];
    if (typeof value === "string" || typeof value === "number") {
      const phone = matcher.find(String(value));
      if (phone) return { phone, pointer };
    } else if (typeof value === "object" && value !== null) {
      const card = isTlObject(value) && value._ === "messageMediaContact";
      for (const [key, inner] of Object.entries(value)) {
        const at = `${pointer}/${escapePointer(key)}`;
        const inKey = matcher.find(key);
        if (inKey) return { phone: inKey, pointer: at };
        if (card && key === "phone_number" && exempt(phoneDigits(inner))) continue;
        stack.push([inner, at]);
      }
    }
  }
  return undefined;
}
