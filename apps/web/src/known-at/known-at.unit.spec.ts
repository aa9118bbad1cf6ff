import { ApiRequestError } from '@app/client';
import {
  formatKnownAtMoment,
  isSequence,
  knownAtFromLocalInput,
  knownAtProblemText,
  knownAtQuery,
  knownAtText,
  localInputOf,
  parseKnownAt,
  parseKnownAtHeader,
} from './known-at';

/** A moment as the browser's clock shows it, wherever the tests run, in UTC. */
const localMoment = (...fields: [number, number, number, number, number, number?]) => {
  const [year, month, day, hour, minute, second = 0] = fields;
  return new Date(year, month - 1, day, hour, minute, second).toISOString().replace('.000Z', 'Z');
};

describe('parseKnownAt', () => {
  it('keeps a log sequence, without leading zeros', () => {
    expect(parseKnownAt('1234')).toBe('1234');
    expect(parseKnownAt('0042')).toBe('42');
    expect(parseKnownAt('0')).toBe('0');
  });

  it('turns an RFC 3339 date-time into UTC', () => {
    expect(parseKnownAt('2026-12-07T10:00:00Z')).toBe('2026-12-07T10:00:00Z');
    expect(parseKnownAt('2026-12-07T12:00:00+02:00')).toBe('2026-12-07T10:00:00Z');
    expect(parseKnownAt('2026-12-07t10:00:00.250z')).toBe('2026-12-07T10:00:00.250Z');
    expect(parseKnownAt('2026-12-07T10:00Z')).toBe('2026-12-07T10:00:00Z');
    expect(parseKnownAt('2026-12-07T00:30:00-01:00')).toBe('2026-12-07T01:30:00Z');
  });

  it.each([
    null,
    undefined,
    '',
    ' ',
    '-1',
    '1.5',
    '12345678901234567',
    '2026-12-07',
    '2026-12-07T10:00:00',
    '2026-02-30T10:00:00Z',
    '2026-12-07T25:00:00Z',
    '2026-12-07T10:61:00Z',
    'yesterday',
  ])('refuses %p', (value) => {
    expect(parseKnownAt(value)).toBeUndefined();
  });
});

describe('isSequence', () => {
  it('tells sequences from instants', () => {
    expect(isSequence('12')).toBe(true);
    expect(isSequence('2026-12-07T10:00:00Z')).toBe(false);
  });
});

describe('the datetime-local picker', () => {
  it('is read in the browser’s time zone and sent in UTC', () => {
    expect(knownAtFromLocalInput('2026-12-07T12:00')).toBe(localMoment(2026, 12, 7, 12, 0));
    expect(knownAtFromLocalInput('2026-07-07T12:00:05')).toBe(localMoment(2026, 7, 7, 12, 0, 5));
    expect(knownAtFromLocalInput('2026-12-07T12:00')).toMatch(/^2026-12-0\dT\d\d:\d\d:00Z$/);
  });

  it('has nothing to send while incomplete or impossible', () => {
    expect(knownAtFromLocalInput('')).toBeUndefined();
    expect(knownAtFromLocalInput('2026-12-07')).toBeUndefined();
    expect(knownAtFromLocalInput('2026-12-07T12')).toBeUndefined();
    expect(knownAtFromLocalInput('2026-02-30T10:00')).toBeUndefined();
    expect(knownAtFromLocalInput('2026-12-07T24:00')).toBeUndefined();
  });

  it('shows a known-at in the browser’s time zone, seconds only when there are some', () => {
    expect(localInputOf(localMoment(2026, 12, 7, 12, 0))).toBe('2026-12-07T12:00');
    expect(localInputOf(localMoment(2026, 12, 7, 12, 0, 6))).toBe('2026-12-07T12:00:06');
    expect(localInputOf('1234')).toBe('');
    expect(localInputOf(undefined)).toBe('');
  });

  it('gives back what was picked', () => {
    for (const picked of ['2026-12-07T12:00', '2026-01-31T23:59:59', '2026-06-01T00:00']) {
      expect(localInputOf(knownAtFromLocalInput(picked))).toBe(picked);
    }
  });
});

describe('the banner', () => {
  it('says the moment and the sequence it stands for', () => {
    expect(knownAtText('2026-12-07T10:00:00Z', 1234, 'UTC')).toBe(
      'As known at 7 Dec 2026, 10:00 (log sequence 1234)',
    );
    expect(knownAtText('2026-12-07T10:00:00Z', 1234, 'Europe/Kyiv')).toBe(
      'As known at 7 Dec 2026, 12:00 (log sequence 1234)',
    );
    expect(knownAtText('2026-12-07T10:00:06Z', undefined, 'UTC')).toBe(
      'As known at 7 Dec 2026, 10:00:06',
    );
  });

  it('says when nothing had been recorded', () => {
    expect(knownAtText('2020-01-01T00:00:00Z', 0, 'UTC')).toBe(
      'As known at 1 Jan 2020, 00:00 (nothing had been recorded yet)',
    );
    expect(knownAtText('0', 0)).toBe('As known before anything was recorded (log sequence 0)');
  });

  it('names a sequence as it is', () => {
    expect(knownAtText('57', 57)).toBe('As known at log sequence 57');
  });

  it('formats moments day month year', () => {
    expect(formatKnownAtMoment('2026-12-07T09:05:00Z', 'UTC')).toBe('7 Dec 2026, 09:05');
    expect(formatKnownAtMoment('not a date')).toBe('not a date');
  });
});

describe('the Newsline-Known-At header', () => {
  it('names a sequence', () => {
    expect(parseKnownAtHeader('1234')).toBe(1234);
    expect(parseKnownAtHeader(' 0 ')).toBe(0);
    expect(parseKnownAtHeader(null)).toBeUndefined();
    expect(parseKnownAtHeader('')).toBeUndefined();
    expect(parseKnownAtHeader('12a')).toBeUndefined();
  });
});

describe('knownAtQuery', () => {
  it('adds knownAt only when one is set', () => {
    expect(knownAtQuery(undefined)).toEqual({});
    expect(knownAtQuery('12')).toEqual({ knownAt: '12' });
  });
});

describe('knownAtProblemText', () => {
  it('explains a known-at the projector has not reached, in its own words too', () => {
    const error = new ApiRequestError(
      409,
      'not_yet_known',
      'The read model has applied the log up to sequence 40; sequence 99 is not known yet',
    );
    expect(knownAtProblemText(error)).toBe(
      'That point of the log is not known here yet. The read model has applied the log up to sequence 40; sequence 99 is not known yet. Choose an earlier moment, or show the page as known now.',
    );
    expect(knownAtProblemText(new ApiRequestError(409, 'not_yet_known', ' '))).toBe(
      'That point of the log is not known here yet. Choose an earlier moment, or show the page as known now.',
    );
  });

  it('explains a known-at older than the history kept', () => {
    const error = new ApiRequestError(
      409,
      'history_not_kept',
      'The read model keeps what was known from sequence 12 on.',
    );
    expect(knownAtProblemText(error)).toBe(
      'This server no longer keeps what was known at that point of the log. The read model keeps what was known from sequence 12 on. Choose a later moment, or show the page as known now.',
    );
  });

  it('leaves other failures to the page', () => {
    expect(knownAtProblemText(new ApiRequestError(409, 'conflict', 'x'))).toBeUndefined();
    expect(knownAtProblemText(new ApiRequestError(400, 'not_yet_known', 'x'))).toBeUndefined();
    expect(knownAtProblemText(new Error('x'))).toBeUndefined();
  });
});
