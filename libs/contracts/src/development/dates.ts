const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export const MIN_DATE = '1900-01-01';
export const MAX_DATE = '2100-12-31';

/** A `YYYY-MM-DD` string naming a day that exists in the Gregorian calendar. */
export function isCalendarDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

export function isDateInRange(value: string): boolean {
  return value >= MIN_DATE && value <= MAX_DATE;
}
