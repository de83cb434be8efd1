// Text safe inside XML and HTML: markup escaped, and the characters XML 1.0 forbids removed, so a
// hostile target's bytes can neither inject markup nor make a CI's parser reject the file.
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters XML 1.0 forbids; finding them is the point.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
// A surrogate not in a pair is not a character at all; a valid pair (an emoji) stays.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeMarkup(text: string): string {
  return text
    .replace(FORBIDDEN, "\uFFFD")
    .replace(LONE_SURROGATE, "\uFFFD")
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}
