// Which phone numbers are test accounts and which code signs each in. The default is the
// binding's: 99966XYYYY signs in with X repeated five times, as on the public test servers.
export interface PhonePolicy {
  /** The code that signs this phone in, or undefined when the phone is not accepted. */
  codeFor(phone: string): string | undefined;
}

export const TEST_PHONES: PhonePolicy = {
  codeFor(phone) {
    const match = /^99966([1-9])\d{4}$/.exec(phone);
    return match?.[1]?.repeat(5);
  },
};
