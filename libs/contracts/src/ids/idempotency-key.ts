import { createHash } from 'node:crypto';
import { v5 as uuidv5 } from 'uuid';
import { canonicalText, isAscii } from '../development/text';

/** Fixed namespace of newsline's name-based ids; changing it would change every id. */
export const DEVELOPMENT_ID_NAMESPACE = '6f1d3c8e-2b7a-5e4f-9a0c-4d5e6f7a8b9c';

const VISIBLE_ASCII = /^[\x21-\x7e]{1,200}$/;

export function isValidIdempotencyKey(key: string): boolean {
  return VISIBLE_ASCII.test(key);
}

/**
 * Without an Idempotency-Key, the same JSON content (in any key order or spacing, its text
 * composed or decomposed) is the same key.
 */
export function contentIdempotencyKey(body: unknown): string {
  return `sha256:${createHash('sha256').update(canonicalJson(body)).digest('hex')}`;
}

/** developmentId is a UUID v5 of the key, so a retry always maps to the same development. */
export function developmentIdFor(idempotencyKey: string): string {
  return uuidv5(idempotencyKey, DEVELOPMENT_ID_NAMESPACE);
}

/**
 * JSON with object keys sorted at every level and every string (key or value) in NFC, so
 * that the same text sent composed or decomposed is the same content.
 */
export function canonicalJson(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(canonicalText(value));
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    return canonicalObject(value as Record<string, unknown>);
  }
  return JSON.stringify(value);
}

/** Keys are sorted once normalized; a development's keys are ASCII and skip that. */
function canonicalObject(object: Record<string, unknown>): string {
  const keys = Object.keys(object);
  const entries = keys.every(isAscii)
    ? keys.sort().map((key) => canonicalEntry(key, object[key]))
    : keys
        .map((key) => ({ name: canonicalText(key), value: object[key] }))
        .sort((one, other) => (one.name < other.name ? -1 : one.name > other.name ? 1 : 0))
        .map(({ name, value }) => canonicalEntry(name, value));
  return `{${entries.join(',')}}`;
}

function canonicalEntry(name: string, value: unknown): string {
  return `${JSON.stringify(name)}:${canonicalJson(value)}`;
}

/**
 * The eventId of a correction or retraction sent with an Idempotency-Key: the same request
 * sent again maps to the same event, which the development's events then already hold.
 */
export function editEventIdFor(
  developmentId: string,
  kind: string,
  idempotencyKey: string,
): string {
  return uuidv5(`${developmentId}/${kind}/${idempotencyKey}`, DEVELOPMENT_ID_NAMESPACE);
}
