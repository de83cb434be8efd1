// Phones as the API carries them: digits, with the spaces, plus signs, brackets and dashes a
// client may leave in removed.
export function normalisePhone(raw: unknown): string {
  return String(raw).replace(/[\s+()-]/g, "");
}
