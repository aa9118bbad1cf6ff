import { idempotencyKeySchema, parseParameter, ValidationDetail } from '@app/contracts';
import { NdjsonBody, parseNdjsonLine } from '@app/http';
import { prepareRecording, PreparedRecording } from '../prepare-recording';

export const MAX_BATCH_ITEMS = 1000;

/** One item of a batch as it came: its JSON value, its NDJSON line, or why it has neither. */
export interface BatchEntry {
  index: number;
  /** The item's line in an NDJSON body (1-based). */
  line?: number;
  item:
    | { ok: true; value: unknown }
    | { ok: true; ndjson: string }
    | { ok: false; details: ValidationDetail[] };
}

export type SplitBatch =
  { ok: true; entries: BatchEntry[] } | { ok: false; details: ValidationDetail[] };

/**
 * A JSON array or NDJSON body, item by item; no I/O. Items are validated one at a time as
 * they are recorded (`prepareBatchEntry`), so a batch never holds every item in all its forms.
 */
export function splitBatch(body: unknown): SplitBatch {
  const items: Array<Omit<BatchEntry, 'index'>> = [];
  if (body instanceof NdjsonBody) {
    for (const entry of body.lines) {
      items.push({
        line: entry.line,
        item: entry.ok ? { ok: true, ndjson: entry.text } : brokenLine(entry.line, entry.message),
      });
    }
  } else if (Array.isArray(body)) {
    for (const value of body) items.push({ item: { ok: true, value } });
  } else {
    return {
      ok: false,
      details: [{ path: '', message: 'must be a JSON array of developments, or NDJSON' }],
    };
  }
  if (items.length === 0) {
    return { ok: false, details: [{ path: '', message: 'must hold at least one development' }] };
  }
  if (items.length > MAX_BATCH_ITEMS) {
    return {
      ok: false,
      details: [
        {
          path: '',
          message: `must hold at most ${MAX_BATCH_ITEMS} developments (it holds ${items.length})`,
        },
      ],
    };
  }
  return { ok: true, entries: items.map((item, index) => ({ index, ...item })) };
}

const WRAPPER_KEYS = new Set(['idempotencyKey', 'development']);

/** A batch item validated, with its ids derived, as if it had been posted alone. */
export function prepareBatchEntry({ item, line }: BatchEntry): PreparedRecording {
  if (!item.ok) return item;
  if ('value' in item) return prepareBatchItem(item.value);
  const parsed = parseNdjsonLine(item.ndjson);
  return parsed.ok ? prepareBatchItem(parsed.value) : brokenLine(line ?? 0, parsed.message);
}

function brokenLine(line: number, message: string): { ok: false; details: ValidationDetail[] } {
  return { ok: false, details: [{ path: '', message: `line ${line} ${message}` }] };
}

/**
 * A development, or `{"idempotencyKey"?, "development"}` to give it a key. A development has
 * no `development` field, so that field marks the wrapper.
 */
export function prepareBatchItem(item: unknown): PreparedRecording {
  if (!isWrapper(item)) return prepareRecording(item);
  const details: ValidationDetail[] = Object.keys(item)
    .filter((key) => !WRAPPER_KEYS.has(key))
    .map((key) => ({ path: key, message: 'is not a known field' }));
  const key = parseParameter('idempotencyKey', idempotencyKeySchema, item.idempotencyKey);
  if (!key.ok) details.push(key.detail);
  const prepared = prepareRecording(
    item.development,
    key.ok && details.length === 0 ? key.value : undefined,
  );
  if (prepared.ok && details.length === 0) return prepared;
  const developmentDetails = prepared.ok
    ? []
    : prepared.details.map((detail) => ({
        path: detail.path === '' ? 'development' : `development.${detail.path}`,
        message: detail.message,
      }));
  return { ok: false, details: [...details, ...developmentDetails] };
}

function isWrapper(item: unknown): item is { development: unknown; idempotencyKey?: unknown } {
  return (
    typeof item === 'object' &&
    item !== null &&
    !Array.isArray(item) &&
    Object.hasOwn(item, 'development')
  );
}
