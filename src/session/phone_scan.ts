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

const writings = new Map<string, RegExp>();

/** The phone in any usual writing; compiled once per phone (a run meets a few hundred). */
function writingOf(phone: string): RegExp {
  let pattern = writings.get(phone);
  if (!pattern) {
    if (writings.size > 10_000) writings.clear();
    pattern = new RegExp([...phone].join(SEPARATOR), "u");
    writings.set(phone, pattern);
  }
  return pattern;
}

/**
 * A matcher for a set of phones (digits only), in any writing. The text's digits alone come
 * first: a phone whose digits are not among them in order cannot be written there, so the
 * precise pattern runs only where a phone may be (the common answer holds none).
 */
export class PhoneMatcher {
  constructor(readonly phones: readonly string[]) {}

  /** The phone (digits) written in this text, if any. */
  find(text: string): string | undefined {
    if (this.phones.length === 0) return undefined;
    const digits = text.replace(/\D+/g, "");
    for (const phone of this.phones) {
      if (digits.includes(phone) && writingOf(phone).test(text)) return phone;
    }
    return undefined;
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
