// PRIVACY: searches a whole answer, not only User objects, for phones the caller may not see.
// The one exception is messageMediaContact.phone_number: a number a user chose to send is the
// message's content. The walk is iterative and bounded: a hostile answer may be deep or huge.
const MAX_NODES = 500_000;

export interface PhoneHit {
  phone: string;
  pointer: string;
  /** The phone stands in a User object's phone field: the user was presented as revealed. */
  inUser: boolean;
}

const USER_CONSTRUCTORS = new Set(["userSelf", "userContact", "userRequest", "userForeign"]);

function escapePointer(key: string): string {
  return key.replaceAll("~", "~0").replaceAll("/", "~1");
}

export function findPhones(body: unknown, phones: readonly string[]): PhoneHit | undefined {
  if (phones.length === 0) return undefined;
  const stack: [value: unknown, pointer: string, inUser: boolean][] = [[body, "", false]];
  let nodes = 0;
  while (stack.length > 0 && nodes++ < MAX_NODES) {
    const [value, pointer, inUser] = stack.pop() as [unknown, string, boolean];
    if (typeof value === "string" || typeof value === "number") {
      const text = String(value);
      const phone = phones.find((p) => text.includes(p));
      if (phone) return { phone, pointer, inUser };
    } else if (typeof value === "object" && value !== null) {
      const tag = Array.isArray(value) ? undefined : (value as { _?: unknown })._;
      const isUser = typeof tag === "string" && USER_CONSTRUCTORS.has(tag);
      for (const [key, inner] of Object.entries(value)) {
        if (tag === "messageMediaContact" && key === "phone_number") continue;
        const keyHit = phones.find((p) => key.includes(p));
        if (keyHit) return { phone: keyHit, pointer: `${pointer}/${escapePointer(key)}`, inUser: false };
        stack.push([inner, `${pointer}/${escapePointer(key)}`, isUser && key === "phone"]);
      }
    }
  }
  return undefined;
}
