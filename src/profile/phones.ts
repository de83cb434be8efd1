// The test accounts a run signs up: a phone pattern and the login code that goes with it. The
// default is the binding's (and Telegram's public test servers'): 99966XYYYY, signed in with X
// repeated five times. In a pattern X is one digit 1–9 (the code digit) and each Y a digit 0–9;
// in a code X stands for the phone's X digit and other digits are kept.
import { randomInt } from "node:crypto";

export type PhoneRule = {
  pattern: string;
  code: string;
};

export const DEFAULT_PHONE_RULE: PhoneRule = { pattern: "99966XYYYY", code: "XXXXX" };

/** Why a rule cannot work, or undefined when it can. */
export function phoneRuleProblem(rule: PhoneRule): string | undefined {
  if (!/^[0-9XY]{5,15}$/.test(rule.pattern))
    return `the phone pattern must be 5 to 15 of the characters 0-9, X and Y, got "${rule.pattern}"`;
  const xs = rule.pattern.split("X").length - 1;
  if (xs > 1) return `the phone pattern may hold one X (the code digit), got ${xs}`;
  if (!/Y{3,}/.test(rule.pattern.replaceAll("X", "Y")))
    return `the phone pattern needs at least three random digits (X or Y), got "${rule.pattern}"`;
  if (!/^[0-9X]{1,10}$/.test(rule.code))
    return `the login code must be 1 to 10 of the characters 0-9 and X, got "${rule.code}"`;
  if (rule.code.includes("X") && xs === 0)
    return `the login code uses X but the phone pattern "${rule.pattern}" has no X`;
  return undefined;
}

/** A fresh phone of the pattern and the code that signs it in. */
export function drawTestPhone(
  rule: PhoneRule,
  random: (min: number, max: number) => number = randomInt,
): { phone: string; code: string } {
  const x = String(random(1, 10));
  const phone = rule.pattern.replace(/[XY]/g, (c) => (c === "X" ? x : String(random(0, 10))));
  return { phone, code: rule.code.replaceAll("X", x) };
}
