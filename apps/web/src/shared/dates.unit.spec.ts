import {
  dayNumber,
  formatDay,
  formatDayOfMonth,
  formatDayRange,
  formatMoment,
  formatMonth,
  isIsoDay,
  isoDayOf,
  mondaysBetween,
  monthStartsBetween,
} from './dates';

describe('calendar days', () => {
  it('are formatted day month year, whatever the time zone of the reader', () => {
    expect(formatDay('2025-12-02')).toBe('2 Dec 2025');
    expect(formatDay('2025-01-01')).toBe('1 Jan 2025');
    expect(formatDay('2025-12-31')).toBe('31 Dec 2025');
  });

  // The spaces around the dash (none, thin or plain) depend on the ICU version.
  it('make ranges within a month, across months and across years', () => {
    expect(formatDayRange('2025-12-14', '2025-12-15')).toMatch(/^14\s?–\s?15 Dec 2025$/);
    expect(formatDayRange('2025-11-30', '2025-12-02')).toMatch(/^30 Nov\s?–\s?2 Dec 2025$/);
    expect(formatDayRange('2025-12-31', '2026-01-02')).toMatch(/^31 Dec 2025\s?–\s?2 Jan 2026$/);
  });

  it('show one day when the range ends where it starts', () => {
    expect(formatDayRange('2025-12-14', '2025-12-14')).toBe('14 Dec 2025');
    expect(formatDayRange('2025-12-14', undefined)).toBe('14 Dec 2025');
  });

  it('name months and days of a month', () => {
    expect(formatMonth('2025-12-01')).toBe('Dec 2025');
    expect(formatDayOfMonth('2025-12-08')).toBe('8 Dec');
  });

  it('are only the dates that exist', () => {
    expect(isIsoDay('2025-12-02')).toBe(true);
    expect(isIsoDay('2024-02-29')).toBe(true);
    expect(isIsoDay('2025-02-29')).toBe(false);
    expect(isIsoDay('2025-2-1')).toBe(false);
    expect(isIsoDay('yesterday')).toBe(false);
  });

  it('convert to day numbers and back', () => {
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(isoDayOf(dayNumber('2025-12-02'))).toBe('2025-12-02');
    expect(dayNumber('2025-03-31') - dayNumber('2025-03-30')).toBe(1);
  });
});

describe('moments', () => {
  it('are shown in the given time zone', () => {
    expect(formatMoment('2025-12-16T08:00:00Z', 'UTC')).toBe('16 Dec 2025, 08:00');
    expect(formatMoment('2025-12-16T23:30:00Z', 'Europe/Kyiv')).toBe('17 Dec 2025, 01:30');
  });

  it('are left as they are when they cannot be read', () => {
    expect(formatMoment('soon')).toBe('soon');
  });
});

describe('axis days', () => {
  it('are the first days of the months within a span', () => {
    expect(monthStartsBetween('2025-11-30', '2026-02-01')).toEqual([
      '2025-12-01',
      '2026-01-01',
      '2026-02-01',
    ]);
    expect(monthStartsBetween('2025-12-01', '2025-12-21')).toEqual(['2025-12-01']);
    expect(monthStartsBetween('2025-12-02', '2025-12-21')).toEqual([]);
  });

  it('are the Mondays within a span', () => {
    expect(mondaysBetween('2025-11-30', '2025-12-21')).toEqual([
      '2025-12-01',
      '2025-12-08',
      '2025-12-15',
    ]);
    expect(mondaysBetween('2025-12-01', '2025-12-01')).toEqual(['2025-12-01']);
    expect(mondaysBetween('2025-12-02', '2025-12-07')).toEqual([]);
  });
});
