import type { ValidationDetail } from '@app/client';
import type { RowList, RowMap } from './form-values';

/** A problem the API found, placed on a field of the form ('' for the form as a whole). */
export interface FieldError {
  /**
   * The form's key for the field, with form row numbers: `title`, `topics[2]`,
   * `actors[0].name`, `statements[1].stance`, `source.url`; a list or a row (`statements`,
   * `statements[1]`) when the problem is about it as a whole.
   */
  field: string;
  message: string;
}

const ROW_FIELDS: Record<RowList, readonly string[]> = {
  topics: [],
  actors: ['name', 'id', 'affiliation'],
  statements: ['actor', 'topic', 'stance', 'quote', 'summary'],
};
const PLAIN_FIELDS = ['occurredOn', 'occurredUntil', 'title', 'body', 'location'];
const SOURCE_FIELDS = ['name', 'url', 'publishedAt'];

const isRowList = (name: string): name is RowList => Object.hasOwn(ROW_FIELDS, name);

/** `statements[0].stance` as ['statements', 0, 'stance']. */
function segmentsOf(path: string): (string | number)[] {
  const segments: (string | number)[] = [];
  for (const part of path.split('.')) {
    const match = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!match) return [path];
    if (match[1]) segments.push(match[1]);
    for (const index of (match[2] ?? '').matchAll(/\[(\d+)\]/g)) segments.push(Number(index[1]));
  }
  return segments;
}

/** The form's field for one `details` path of a 400 answer. */
export function fieldOfPath(path: string, rows: RowMap): string {
  const [first, second, third] = segmentsOf(path);
  if (typeof first !== 'string') return '';
  if (PLAIN_FIELDS.includes(first)) return first;
  if (first === 'source') {
    return typeof second === 'string' && SOURCE_FIELDS.includes(second)
      ? `source.${second}`
      : 'source';
  }
  if (!isRowList(first)) return '';
  if (typeof second !== 'number') return first;
  const row = rows[first][second];
  if (row === undefined) return first;
  const inner = first === 'topics' ? undefined : third;
  if (first === 'topics' || typeof inner !== 'string' || !ROW_FIELDS[first].includes(inner)) {
    return `${first}[${row}]`;
  }
  return `${first}[${row}].${inner}`;
}

/**
 * The problems of a 400 answer, each on the field of the form it is about. The paths of the
 * answer count the items sent; the keys count the rows of the form (empty rows are not sent).
 */
export function fieldErrors(details: readonly ValidationDetail[], rows: RowMap): FieldError[] {
  return details.map((detail) => ({
    field: fieldOfPath(detail.path, rows),
    message: detail.message,
  }));
}

/** The error's key without its last part: where to show it when the form has no such field. */
export function enclosingField(field: string): string {
  const dot = field.lastIndexOf('.');
  if (dot !== -1) return field.slice(0, dot);
  const bracket = field.lastIndexOf('[');
  return bracket !== -1 ? field.slice(0, bracket) : '';
}
