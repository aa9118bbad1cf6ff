import { actorHref, changesHref, parseRoute, routeHash, timelineHref } from './routes';
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

  it('reads the known-at of the timeline, an actor and a topic', () => {
    expect(parseRoute('#/?knownAt=2026-12-07T10:00:00Z')).toEqual({
      page: 'timeline',
      filters: { includeRetracted: false, order: 'asc' },
      knownAt: '2026-12-07T10:00:00Z',
    });
    expect(parseRoute('#/?topic=peace-plan&knownAt=2026-12-07T12:00:00%2B02:00')).toEqual({
      page: 'timeline',
      filters: { topic: 'peace-plan', includeRetracted: false, order: 'asc' },
      knownAt: '2026-12-07T10:00:00Z',
    });
    expect(parseRoute('#/actors/rustem-umerov?knownAt=1234')).toEqual({
      page: 'actor',
      actorId: 'rustem-umerov',
      knownAt: '1234',
    });
    expect(parseRoute('#/topics/peace-plan?knownAt=2026-12-07T10:00:00Z')).toEqual({
      page: 'topic',
      topic: 'peace-plan',
      knownAt: '2026-12-07T10:00:00Z',
    });
  });

  it('leaves out a known-at that is not a sequence or an instant', () => {
    expect(parseRoute('#/actors/usa?knownAt=yesterday')).toEqual({ page: 'actor', actorId: 'usa' });
    expect(parseRoute('#/?knownAt=')).toEqual({
      page: 'timeline',
      filters: { includeRetracted: false, order: 'asc' },
    });
  });

  it('reads the What changed page and its filters', () => {
    expect(parseRoute('#/changes')).toEqual({ page: 'changes', filters: {} });
    expect(parseRoute('#/changes?actor=rustem-umerov&topic=peace-plan')).toEqual({
      page: 'changes',
      filters: { actor: 'rustem-umerov', topic: 'peace-plan' },
    });
  });

  it('says not found for anything else, malformed escapes included', () => {
    for (const hash of [
      '#/elsewhere',
      '#/actors',
      '#/actors/%E0%A4%A',
      '#/topics/a/b',
      '#/changes/x',
      '#page',
    ]) {
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
    {
      page: 'timeline',
      filters: { actor: 'usa', includeRetracted: false, order: 'desc' },
      knownAt: '2026-12-07T10:00:00.250Z',
    },
    { page: 'actor', actorId: 'зеленський', knownAt: '57' },
    { page: 'topic', topic: 'peace-plan', knownAt: '2026-12-07T10:00:00Z' },
    { page: 'changes', filters: {} },
    { page: 'changes', filters: { actor: 'умєров', topic: 'peace-plan' } },
  ];

  it.each(routes)('is read back as the same route: %j', (route) => {
    expect(parseRoute(routeHash(route))).toEqual(route);
  });

  it('makes plain links', () => {
    expect(routeHash(routes[0]!)).toBe('#/');
    expect(actorHref('vladimir-putin')).toBe('#/actors/vladimir-putin');
    expect(timelineHref({ topic: 'peace-plan' })).toBe('#/?topic=peace-plan');
    expect(changesHref()).toBe('#/changes');
    expect(changesHref({ topic: 'peace-plan' })).toBe('#/changes?topic=peace-plan');
  });

  it('puts the known-at after the filters, so a shared link shows the same view', () => {
    expect(
      routeHash({
        page: 'timeline',
        filters: { includeRetracted: false, order: 'asc' },
        knownAt: '2026-12-07T10:00:00Z',
      }),
    ).toBe('#/?knownAt=2026-12-07T10:00:00Z');
    expect(
      routeHash({
        page: 'timeline',
        filters: { topic: 'peace-plan', includeRetracted: false, order: 'asc' },
        knownAt: '12',
      }),
    ).toBe('#/?topic=peace-plan&knownAt=12');
    expect(routeHash({ page: 'actor', actorId: 'usa', knownAt: '12' })).toBe(
      '#/actors/usa?knownAt=12',
    );
  });
});
