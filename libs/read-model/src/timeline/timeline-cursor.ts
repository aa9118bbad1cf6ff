import { isCalendarDate } from '@app/contracts';

/** Where a timeline page ended: the last item's (occurredOn, sequence) and the page's order. */
export interface TimelineCursor {
  occurredOn: string;
  sequence: number;
  order: 'asc' | 'desc';
}

export function encodeTimelineCursor(cursor: TimelineCursor): string {
  const packed = [cursor.occurredOn, cursor.sequence, cursor.order];
  return Buffer.from(JSON.stringify(packed)).toString('base64url');
}

/** The cursor, or null if the string is not one this API issued. */
export function decodeTimelineCursor(encoded: string): TimelineCursor | null {
  try {
    const packed: unknown = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
    if (!Array.isArray(packed) || packed.length !== 3) return null;
    const [occurredOn, sequence, order] = packed as unknown[];
    if (typeof occurredOn !== 'string' || !isCalendarDate(occurredOn)) return null;
    if (!Number.isSafeInteger(sequence) || (sequence as number) < 0) return null;
    if (order !== 'asc' && order !== 'desc') return null;
    return { occurredOn, sequence: sequence as number, order };
  } catch {
    return null;
  }
}
