// A TL text that cannot be parsed. The message always starts with `file:line:column:` so an
// editor or a CI log can jump to the spot.
export class TlParseError extends Error {
  override name = "TlParseError";
  readonly code = "TL_PARSE_ERROR";

  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}:${column}: ${reason}`);
  }
}
