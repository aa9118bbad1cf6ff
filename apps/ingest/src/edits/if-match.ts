import { ValidationDetail } from '@app/contracts';

export type ParsedIfMatch =
  { ok: true; revision?: number } | { ok: false; detail: ValidationDetail };

const ENTITY_TAG = /^(?:W\/)?"?([1-9][0-9]{0,9})"?$/;

/**
 * `If-Match: <revision>`, as a bare number or an entity tag (`"3"`, `W/"3"`); `*` or no header
 * means any revision.
 */
export function parseIfMatch(header: string | undefined): ParsedIfMatch {
  if (header === undefined || header.trim() === '*') return { ok: true };
  const match = ENTITY_TAG.exec(header.trim());
  if (!match) {
    return {
      ok: false,
      detail: { path: 'If-Match', message: 'must be a revision number, such as "2"' },
    };
  }
  return { ok: true, revision: Number(match[1]) };
}
