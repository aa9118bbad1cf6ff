import { createHash, timingSafeEqual } from 'node:crypto';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** The token of an `Authorization: Bearer <token>` header; undefined for any other header. */
export function bearerTokenOf(header: string | undefined): string | undefined {
  return BEARER.exec(header ?? '')?.[1];
}

/**
 * Whether an Authorization header carries the expected bearer token. Both sides are hashed
 * first so the comparison takes the same time whatever the token's length or content.
 */
export function bearerTokenMatches(header: string | undefined, expected: string): boolean {
  const given = bearerTokenOf(header);
  return timingSafeEqual(digest(given ?? ''), digest(expected)) && given !== undefined;
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
