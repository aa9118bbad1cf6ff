/**
 * An opaque cursor for lists ordered by (sort key, id): where the last page ended and the
 * ordering it was issued for, so it cannot silently be used with another.
 */
export interface KeysetCursor {
  sort: string;
  key: string | number;
  id: string;
}

export function encodeKeysetCursor(cursor: KeysetCursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.key, cursor.id])).toString('base64url');
}

export function decodeKeysetCursor(encoded: string): KeysetCursor | null {
  try {
    const packed: unknown = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
    if (!Array.isArray(packed) || packed.length !== 3) return null;
    const [sort, key, id] = packed as unknown[];
    if (typeof sort !== 'string' || typeof id !== 'string') return null;
    if (typeof key !== 'string' && !Number.isSafeInteger(key)) return null;
    return { sort, key: key as string | number, id };
  } catch {
    return null;
  }
}
