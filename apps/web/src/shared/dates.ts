/**
 * Calendar dates of the API are `YYYY-MM-DD` days without a time zone: they are read and
 * formatted in UTC so that no browser time zone can move them to the day before.
 */

/** The page's language: English labels, day-month-year dates ("2 Dec 2025"). */
export const LOCALE = 'en-GB';

const DAY_MS = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

const dayFormat = new Intl.DateTimeFormat(LOCALE, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

const monthFormat = new Intl.DateTimeFormat(LOCALE, {
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

const dayOfMonthFormat = new Intl.DateTimeFormat(LOCALE, {
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
});

const shortMonthFormat = new Intl.DateTimeFormat(LOCALE, { month: 'short', timeZone: 'UTC' });

/** Whether `value` is a calendar date that exists, as `YYYY-MM-DD`. */
export function isIsoDay(value: string): boolean {
  const match = ISO_DAY.exec(value);
  if (!match) return false;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` date. */
export function dayNumber(isoDay: string): number {
  return Math.round(Date.parse(`${isoDay}T00:00:00Z`) / DAY_MS);
}

/** The `YYYY-MM-DD` date of a day number. */
export function isoDayOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function utcDate(isoDay: string): Date {
  return new Date(`${isoDay}T00:00:00Z`);
}

/** "2 Dec 2025". */
export function formatDay(isoDay: string): string {
  return dayFormat.format(utcDate(isoDay));
}

/** "2 Dec 2025", or a range such as "14–15 Dec 2025" when the last day differs. */
export function formatDayRange(from: string, until: string | undefined): string {
  if (!until || until === from) return formatDay(from);
  return dayFormat.formatRange(utcDate(from), utcDate(until));
}

/** "8 Dec". */
export function formatDayOfMonth(isoDay: string): string {
  return dayOfMonthFormat.format(utcDate(isoDay));
}

/** "Dec 2025". */
export function formatMonth(isoDay: string): string {
  return monthFormat.format(utcDate(isoDay));
}

/** "Dec". */
export function formatShortMonth(isoDay: string): string {
  return shortMonthFormat.format(utcDate(isoDay));
}

/**
 * A moment (ISO 8601 date-time) to the minute, "16 Dec 2025, 08:00", in the reader's time zone
 * unless one is given. With `secondsIfAny`, a moment with seconds shows them too.
 */
export function formatMoment(
  isoDateTime: string,
  timeZone?: string,
  { secondsIfAny = false }: { secondsIfAny?: boolean } = {},
): string {
  const moment = new Date(isoDateTime);
  if (Number.isNaN(moment.getTime())) return isoDateTime;
  return new Intl.DateTimeFormat(LOCALE, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    ...(secondsIfAny && moment.getUTCSeconds() !== 0 && { second: '2-digit' }),
    timeZone,
  }).format(moment);
}

/** The first day of every month within [from, to], as `YYYY-MM-DD`. */
export function monthStartsBetween(from: string, to: string): string[] {
  const starts: string[] = [];
  const [year, month] = from.split('-').map(Number) as [number, number];
  let cursor = new Date(Date.UTC(year, month - 1, 1));
  if (cursor.toISOString().slice(0, 10) < from) cursor = new Date(Date.UTC(year, month, 1));
  while (cursor.toISOString().slice(0, 10) <= to) {
    starts.push(cursor.toISOString().slice(0, 10));
    cursor = new Date(Date.UTC(cursor.getUTCFullYear(), cursor.getUTCMonth() + 1, 1));
  }
  return starts;
}

/** Every Monday within [from, to], as `YYYY-MM-DD`. */
export function mondaysBetween(from: string, to: string): string[] {
  const first = dayNumber(from);
  // Day 0 (1970-01-01) was a Thursday, so Mondays are the days with day % 7 === 4.
  const offset = (((4 - first) % 7) + 7) % 7;
  const mondays: string[] = [];
  for (let day = first + offset; day <= dayNumber(to); day += 7) mondays.push(isoDayOf(day));
  return mondays;
}
