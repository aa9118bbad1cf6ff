import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Whether an Authorization header carries the expected bearer token. Both sides are hashed
 * first so the comparison takes the same time whatever the token's length or content.
 */
export function bearerTokenMatches(header: string | undefined, expected: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  const given = match?.[1] ?? '';
  return timingSafeEqual(digest(given), digest(expected)) && match !== null;
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
