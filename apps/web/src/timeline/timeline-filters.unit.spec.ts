import { aDevelopment } from '../testing/development-fixture';
import {
  matchesFilters,
  NO_FILTERS,
  parseFilters,
  sameFilters,
  serializeFilters,
  timelineQuery,
} from './timeline-filters';
import type { TimelineFilters } from './timeline-filters';

describe('timeline filters in the hash', () => {
  it('are written without defaults and read back the same', () => {
    const filters: TimelineFilters = {
      from: '2025-12-01',
      to: '2025-12-31',
      actor: 'volodymyr-zelensky',
      topic: 'peace-plan',
      q: 'trilateral "talks" -Moscow',
      includeRetracted: true,
      order: 'desc',
    };
    expect(parseFilters(new URLSearchParams(serializeFilters(filters)))).toEqual(filters);
    expect(serializeFilters(NO_FILTERS)).toBe('');
  });

  it('leave out what the API would refuse', () => {
    expect(
      parseFilters(
        new URLSearchParams(
          'from=2025-02-30&to=tomorrow&actor=%20&q=&order=sideways&includeRetracted=1',
        ),
      ),
    ).toEqual(NO_FILTERS);
  });

  it('keep Cyrillic search text as it is', () => {
    const filters = parseFilters(
      new URLSearchParams(serializeFilters({ ...NO_FILTERS, q: 'Зеленського' })),
    );
    expect(filters.q).toBe('Зеленського');
  });

  it('compare by what they filter', () => {
    expect(sameFilters(NO_FILTERS, { includeRetracted: false, order: 'asc' })).toBe(true);
    expect(sameFilters(NO_FILTERS, { ...NO_FILTERS, topic: 'peace-plan' })).toBe(false);
  });
});

describe('timelineQuery', () => {
  it('asks the API for a page with the filters', () => {
    const query = timelineQuery(
      { ...NO_FILTERS, topic: 'peace-plan', includeRetracted: true },
      { limit: 50, cursor: 'abc' },
    );
    expect(query).toEqual({
      topic: ['peace-plan'],
      includeRetracted: 'true',
      order: 'asc',
      limit: 50,
      cursor: 'abc',
    });
  });
});

describe('matchesFilters', () => {
  const development = aDevelopment({
    developmentId: 'berlin',
    occurredOn: '2025-12-14',
    occurredUntil: '2025-12-15',
    topics: ['peace-plan'],
    actors: [{ id: 'volodymyr-zelensky', name: 'Volodymyr Zelensky' }],
  });

  it('matches a window that overlaps the development', () => {
    expect(matchesFilters(development, { ...NO_FILTERS, from: '2025-12-15' })).toBe(true);
    expect(matchesFilters(development, { ...NO_FILTERS, to: '2025-12-14' })).toBe(true);
    expect(matchesFilters(development, { ...NO_FILTERS, from: '2025-12-16' })).toBe(false);
    expect(matchesFilters(development, { ...NO_FILTERS, to: '2025-12-13' })).toBe(false);
  });

  it('matches on actor and topic', () => {
    expect(matchesFilters(development, { ...NO_FILTERS, actor: 'volodymyr-zelensky' })).toBe(true);
    expect(matchesFilters(development, { ...NO_FILTERS, actor: 'vladimir-putin' })).toBe(false);
    expect(matchesFilters(development, { ...NO_FILTERS, topic: 'peace-plan' })).toBe(true);
    expect(matchesFilters(development, { ...NO_FILTERS, topic: 'sanctions' })).toBe(false);
  });

  it('leaves retracted developments out unless they are asked for', () => {
    const retracted = { ...development, retracted: { reason: 'denied', sequence: 9 } };
    expect(matchesFilters(retracted, NO_FILTERS)).toBe(false);
    expect(matchesFilters(retracted, { ...NO_FILTERS, includeRetracted: true })).toBe(true);
  });

  it('cannot tell for a full-text search, which only the server runs', () => {
    expect(matchesFilters(development, { ...NO_FILTERS, q: 'Berlin' })).toBe('unknown');
    expect(matchesFilters(development, { ...NO_FILTERS, q: 'Berlin', topic: 'sanctions' })).toBe(
      false,
    );
  });
});
