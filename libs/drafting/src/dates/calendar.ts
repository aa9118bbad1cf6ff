/** Calendar days as `YYYY-MM-DD` strings, computed in UTC so no time zone shifts a day. */

export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

export function toIsoDate({ year, month, day }: CalendarDay): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function fromIsoDate(value: string): CalendarDay {
  const [year, month, day] = value.split('-').map(Number);
  return { year, month, day };
}

/** Whether the day exists (no 31 June, no 29 February outside leap years). */
export function isRealDay({ year, month, day }: CalendarDay): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

export function addDays(value: string, days: number): string {
  const { year, month, day } = fromIsoDate(value);
  const date = new Date(Date.UTC(year, month - 1, day + days));
  return toIsoDate({
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
  });
}

/** 0 for Sunday to 6 for Saturday. */
export function weekdayOf(value: string): number {
  const { year, month, day } = fromIsoDate(value);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/** The latest day on or before `value` that falls on `weekday` (0 Sunday .. 6 Saturday). */
export function latestWeekday(value: string, weekday: number): string {
  return addDays(value, -((weekdayOf(value) - weekday + 7) % 7));
}

/** Whether month and day come later in the year than those of `than`. */
export function isLaterInYear(month: number, day: number, than: CalendarDay): boolean {
  return month > than.month || (month === than.month && day > than.day);
}
