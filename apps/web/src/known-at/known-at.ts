import { ApiRequestError } from '@app/client';
import { formatMoment } from '../shared/dates';

/**
 * A point of the log that a page is shown at (`knownAt` of the API): a log sequence such as
 * `1234`, or an instant in UTC such as `2026-12-07T10:00:00Z`, which stands for the last
 * sequence recorded at or before it. Kept in the hash query, so a link shows the same view.
 */
export type KnownAt = string;

/** The response header that names the sequence an answer with `knownAt` was given at. */
export const KNOWN_AT_HEADER = 'Newsline-Known-At';

const SEQUENCE = /^\d{1,15}$/;
const RFC_3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?([Zz]|[+-]\d{2}:\d{2})$/;
const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,3})?)?$/;

interface Fields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

function fieldsOf(match: RegExpExecArray): Fields {
  const [, year, month, day, hour, minute, second, fraction] = match;
  return {
    year: Number(year),
    month: Number(month),
    day: Number(day),
    hour: Number(hour),
    minute: Number(minute),
    second: Number(second ?? 0),
    millisecond: fraction ? Math.floor(Number(`0${fraction}`) * 1000) : 0,
  };
}

/**
 * Whether the fields name a real day and time of day (no 30 February, no 25 o'clock), as
 * `date`, made from them, reads them back in UTC or in the browser's time zone.
 */
function exists(fields: Fields, date: Date, local: boolean): boolean {
  const read = local
    ? [date.getFullYear(), date.getMonth() + 1, date.getDate()]
    : [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
  const wanted = [fields.year, fields.month, fields.day];
  return (
    fields.hour < 24 &&
    fields.minute < 60 &&
    fields.second < 60 &&
    read.every((value, index) => value === wanted[index])
  );
}

/** `2026-12-07T10:00:00Z`, with milliseconds only when there are some. */
function utcText(moment: Date): string {
  return moment.toISOString().replace('.000Z', 'Z');
}

/** Whether a known-at is a log sequence (rather than an instant). */
export function isSequence(knownAt: KnownAt): boolean {
  return SEQUENCE.test(knownAt);
}

/**
 * A known-at of a hash query: a log sequence, or an RFC 3339 date-time turned into UTC;
 * undefined for an empty or malformed value.
 */
export function parseKnownAt(value: string | null | undefined): KnownAt | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (SEQUENCE.test(text)) return String(Number(text));
  const match = RFC_3339.exec(text);
  if (!match) return undefined;
  const fields = fieldsOf(match);
  const asWritten = new Date(
    Date.UTC(fields.year, fields.month - 1, fields.day, fields.hour, fields.minute, fields.second),
  );
  if (Number.isNaN(asWritten.getTime()) || !exists(fields, asWritten, false)) return undefined;
  const moment = new Date(Date.parse(text.replace(' ', 'T').toUpperCase()));
  return Number.isNaN(moment.getTime()) ? undefined : utcText(moment);
}

/**
 * The instant, in UTC, of a `datetime-local` input's value (`2026-12-07T12:00`), which is in
 * the browser's time zone; undefined for an empty or incomplete value.
 */
export function knownAtFromLocalInput(value: string): KnownAt | undefined {
  const match = LOCAL_INPUT.exec(value.trim());
  if (!match) return undefined;
  const fields = fieldsOf(match);
  const moment = new Date(
    fields.year,
    fields.month - 1,
    fields.day,
    fields.hour,
    fields.minute,
    fields.second,
    fields.millisecond,
  );
  // A time the clocks skipped (a change to summer time) is taken as the browser takes it.
  if (Number.isNaN(moment.getTime()) || !exists(fields, moment, true)) return undefined;
  return utcText(moment);
}

const twoDigits = (value: number) => String(value).padStart(2, '0');

/**
 * The `datetime-local` value showing a known-at in the browser's time zone, with seconds only
 * when it has some; '' for a log sequence, which has no time of its own.
 */
export function localInputOf(knownAt: KnownAt | undefined): string {
  if (!knownAt || isSequence(knownAt)) return '';
  const moment = new Date(knownAt);
  if (Number.isNaN(moment.getTime())) return '';
  const day = `${moment.getFullYear()}-${twoDigits(moment.getMonth() + 1)}-${twoDigits(moment.getDate())}`;
  const minutes = `${twoDigits(moment.getHours())}:${twoDigits(moment.getMinutes())}`;
  const seconds = moment.getSeconds() === 0 ? '' : `:${twoDigits(moment.getSeconds())}`;
  return `${day}T${minutes}${seconds}`;
}

/** "7 Dec 2026, 10:00", or "7 Dec 2026, 10:00:06" when there are seconds. */
export function formatKnownAtMoment(instant: string, timeZone?: string): string {
  return formatMoment(instant, timeZone, { secondsIfAny: true });
}

/**
 * What the banner of a page shown at a known-at says: "As known at 7 Dec 2026, 10:00 (log
 * sequence 1234)". `sequence` is the one the answers were given at, once known.
 */
export function knownAtText(
  knownAt: KnownAt,
  sequence: number | undefined,
  timeZone?: string,
): string {
  if (isSequence(knownAt)) {
    return Number(knownAt) === 0
      ? 'As known before anything was recorded (log sequence 0)'
      : `As known at log sequence ${knownAt}`;
  }
  const when = `As known at ${formatKnownAtMoment(knownAt, timeZone)}`;
  if (sequence === undefined) return when;
  return sequence === 0
    ? `${when} (nothing had been recorded yet)`
    : `${when} (log sequence ${sequence})`;
}

/** The sequence of a `Newsline-Known-At` header, if it holds one. */
export function parseKnownAtHeader(value: string | null | undefined): number | undefined {
  const text = value?.trim();
  return text && SEQUENCE.test(text) ? Number(text) : undefined;
}

/** What to add to the query of every read of a page shown at a known-at. */
export function knownAtQuery(knownAt: KnownAt | undefined): { knownAt?: string } {
  return knownAt === undefined ? {} : { knownAt };
}

const REFUSALS: Record<string, { what: string; instead: string }> = {
  not_yet_known: {
    what: 'That point of the log is not known here yet.',
    instead: 'Choose an earlier moment, or show the page as known now.',
  },
  history_not_kept: {
    what: 'This server no longer keeps what was known at that point of the log.',
    instead: 'Choose a later moment, or show the page as known now.',
  },
};

/**
 * What to tell the reader of a known-at the projector refused (409): one it has not applied
 * yet (`not_yet_known`), or one older than the history it keeps (`history_not_kept`), with
 * the server's own explanation; undefined for any other failure.
 */
export function knownAtProblemText(error: unknown): string | undefined {
  if (!(error instanceof ApiRequestError) || error.status !== 409) return undefined;
  const refusal = REFUSALS[error.code];
  if (!refusal) return undefined;
  const reason = error.message.trim().replace(/[^.!?]$/, (last) => `${last}.`);
  return [refusal.what, reason, refusal.instead].filter((part) => part !== '').join(' ');
}
