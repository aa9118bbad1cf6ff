import { actorHref, parseRoute, routeHash, timelineHref } from './routes';
import type { Route } from './routes';

describe('parseRoute', () => {
  it('opens the timeline without a hash', () => {
    for (const hash of ['', '#', '#/']) {
      expect(parseRoute(hash)).toEqual({
        page: 'timeline',
        filters: { includeRetracted: false, order: 'asc' },
      });
    }
  });

  it('reads the timeline filters from the hash query', () => {
    expect(parseRoute('#/?from=2025-12-01&topic=peace-plan&includeRetracted=true')).toEqual({
      page: 'timeline',
      filters: { from: '2025-12-01', topic: 'peace-plan', includeRetracted: true, order: 'asc' },
    });
  });

  it('reads actors, topics and developments, Unicode ids included', () => {
    expect(parseRoute('#/actors/vladimir-putin')).toEqual({
      page: 'actor',
      actorId: 'vladimir-putin',
    });
    expect(parseRoute(`#/actors/${encodeURIComponent('зеленський')}`)).toEqual({
      page: 'actor',
      actorId: 'зеленський',
    });
    expect(parseRoute('#/topics')).toEqual({ page: 'topics' });
    expect(parseRoute('#/topics/')).toEqual({ page: 'topics' });
    expect(parseRoute('#/topics/peace-plan')).toEqual({ page: 'topic', topic: 'peace-plan' });
    expect(parseRoute('#/developments/0b6f')).toEqual({
      page: 'development',
      developmentId: '0b6f',
    });
    expect(parseRoute('#/status')).toEqual({ page: 'status' });
  });

  it('says not found for anything else, malformed escapes included', () => {
    for (const hash of ['#/elsewhere', '#/actors', '#/actors/%E0%A4%A', '#/topics/a/b', '#page']) {
      expect(parseRoute(hash)).toEqual({ page: 'not-found', hash });
    }
  });
});

describe('routeHash', () => {
  const routes: Route[] = [
    { page: 'timeline', filters: { includeRetracted: false, order: 'asc' } },
    {
      page: 'timeline',
      filters: { q: 'Зеленський & "talks"', actor: 'usa', includeRetracted: true, order: 'desc' },
    },
    { page: 'actor', actorId: 'зеленський' },
    { page: 'actor', actorId: 'a/b?c#d' },
    { page: 'topics' },
    { page: 'topic', topic: 'peace-plan' },
    { page: 'development', developmentId: '1c1f3b8e-8d52-5bd4-9d1e-3b7c2f1a0e11' },
    { page: 'status' },
  ];

  it.each(routes)('is read back as the same route: %j', (route) => {
    expect(parseRoute(routeHash(route))).toEqual(route);
  });

  it('makes plain links', () => {
    expect(routeHash(routes[0]!)).toBe('#/');
    expect(actorHref('vladimir-putin')).toBe('#/actors/vladimir-putin');
    expect(timelineHref({ topic: 'peace-plan' })).toBe('#/?topic=peace-plan');
  });
});
