// What the head of a POST /rpc must say: a JSON content type (UTF-8 if it names a charset), a
// declared length within the limit, and the caller's key, if any, as a bearer key.
const JSON_TYPE = /^application\/json[ \t]*(?:;[ \t]*charset[ \t]*=[ \t]*(?:utf-8|"utf-8")[ \t]*)?$/i;
const BEARER = /^Bearer ([0-9a-f]{64})$/i;

export function isJsonUtf8(contentType: string | undefined): boolean {
  return contentType !== undefined && JSON_TYPE.test(contentType);
}

/** The session key of an Authorization header; undefined when it is missing or malformed. */
export function keyOf(authorization: string | undefined): string | undefined {
  return BEARER.exec(authorization ?? "")?.[1]?.toLowerCase();
}

/** Whether the declared Content-Length is over the limit (no declaration: not yet known). */
export function declaredTooLong(contentLength: string | undefined, limit: number): boolean {
  return contentLength !== undefined && Number(contentLength) > limit;
}
