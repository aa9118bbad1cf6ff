import { aChange } from '../testing/position-change-fixture';
import {
  changeMatches,
  changesQuery,
  parseChangeFilters,
  sameChangeFilters,
  serializeChangeFilters,
} from './change-filters';

describe('the filters of What changed', () => {
  it('are read from the hash query, blanks left out', () => {
    expect(parseChangeFilters(new URLSearchParams('actor=usa&topic=peace-plan'))).toEqual({
      actor: 'usa',
      topic: 'peace-plan',
    });
    expect(parseChangeFilters(new URLSearchParams('actor=%20&topic='))).toEqual({});
    expect(parseChangeFilters(new URLSearchParams(' '))).toEqual({});
  });

  it('are written back without what is not set', () => {
    expect(serializeChangeFilters({})).toBe('');
    expect(serializeChangeFilters({ topic: 'peace-plan' })).toBe('topic=peace-plan');
    const filters = { actor: 'умєров', topic: 'peace-plan' };
    expect(parseChangeFilters(new URLSearchParams(serializeChangeFilters(filters)))).toEqual(
      filters,
    );
    expect(sameChangeFilters({ actor: 'usa' }, { actor: 'usa' })).toBe(true);
    expect(sameChangeFilters({ actor: 'usa' }, {})).toBe(false);
  });

  it('make the query of GET /v1/changes', () => {
    expect(changesQuery({}, { limit: 100 })).toEqual({ limit: 100 });
    expect(
      changesQuery({ actor: 'usa', topic: 'peace-plan' }, { limit: 50, after: 0, cursor: 'c2' }),
    ).toEqual({ after: 0, actor: 'usa', topic: 'peace-plan', limit: 50, cursor: 'c2' });
    expect(changesQuery({}, { limit: 50, cursor: null })).toEqual({ limit: 50 });
  });
});

describe('changeMatches', () => {
  const change = aChange({ sequence: 3 });

  it('keeps every change without filters', () => {
    expect(changeMatches(change, {})).toBe(true);
  });

  it('tells by the topic', () => {
    expect(changeMatches(change, { topic: 'peace-plan' })).toBe(true);
    expect(changeMatches(change, { topic: 'ceasefire' })).toBe(false);
    expect(changeMatches(change, { topic: 'ceasefire', actor: 'someone-else' })).toBe(false);
  });

  it('leaves another actor id to the server, which knows the merges', () => {
    expect(changeMatches(change, { actor: 'rustem-umerov' })).toBe(true);
    expect(changeMatches(change, { actor: 'умєров' })).toBe('ask');
  });
});
