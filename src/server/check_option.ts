// Options are checked one by one at the boundary, each with a message that names it.
export function checkOption(condition: boolean, message: string): void {
  if (!condition) throw new TypeError(message);
}
