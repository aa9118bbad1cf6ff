import { NewslineUnderTest } from './support/newsline-under-test';

type Json = Record<string, any>;

const KNOWN_AT = 'newsline-known-at';

describe('known-at answers over HTTP', () => {
  let system: NewslineUnderTest;
  const at: Record<string, number> = {};
  let developmentId = '';

  beforeAll(async () => {
    system = await NewslineUnderTest.start();
    const recorded = await system.post('/v1/developments', {
      occurredOn: '2025-12-14',
      title: 'Berlin talks open',
      actors: [{ name: 'Steve Witkoff' }, { name: 'Volodymyr Zelensky' }],
      topics: ['peace-plan'],
      statements: [{ actor: 'Volodymyr Zelensky', topic: 'peace-plan', stance: 'conditional' }],
    });
    expect(recorded.status).toBe(202);
    developmentId = ((await recorded.json()) as Json).developmentId;
    await system.caughtUp();
    at.recorded = await system.lastSequence();

    const corrected = await system.post(
      `/v1/developments/${developmentId}/corrections`,
      {
        title: 'Berlin talks open with a security-guarantee offer',
        statements: [{ actor: 'Volodymyr Zelensky', topic: 'peace-plan', stance: 'support' }],
      },
      { 'if-match': '"1"' },
    );
    expect(corrected.status).toBe(202);
    await system.caughtUp();
    at.corrected = await system.lastSequence();

    const merged = await system.post('/v1/actors/zelensky/merge', {
      into: 'volodymyr-zelensky',
      reason: 'surname alone',
    });
    expect(merged.status).toBe(202);
    const second = await system.post('/v1/developments', {
      occurredOn: '2025-12-16',
      title: 'Zelensky rejects territorial concessions',
      actors: [{ name: 'Zelensky' }],
      topics: ['peace-plan'],
      statements: [{ actor: 'Zelensky', topic: 'peace-plan', stance: 'oppose' }],
    });
    expect(second.status).toBe(202);
    await system.caughtUp();
    at.head = await system.lastSequence();
  }, 60_000);

  afterAll(() => system?.stop());

  it('answers the timeline and a development as they stood before the correction', async () => {
    const before = await system.get(`/v1/timeline?knownAt=${at.recorded}`);
    expect(before.status).toBe(200);
    expect(before.headers.get(KNOWN_AT)).toBe(String(at.recorded));
    expect(((await before.json()) as Json).items.map((item: Json) => item.title)).toEqual([
      'Berlin talks open',
    ]);

    const development = await system.getJson(
      `/v1/developments/${developmentId}?knownAt=${at.recorded}`,
    );
    expect(development).toMatchObject({ title: 'Berlin talks open', revision: 1 });
    expect(development.history.map((entry: Json) => entry.type)).toEqual(['NewsEventRecorded']);

    const now = await system.getJson(`/v1/developments/${developmentId}`);
    expect(now).toMatchObject({ revision: 2 });
    expect(now.history).toHaveLength(2);
  });

  it('answers positions, actors and topics as they stood, merges included', async () => {
    const positionsThen = await system.getJson(
      `/v1/actors/volodymyr-zelensky/positions?knownAt=${at.recorded}`,
    );
    expect(positionsThen.positions.map((p: Json) => p.stance)).toEqual(['conditional']);
    const positionsAfterCorrection = await system.getJson(
      `/v1/actors/volodymyr-zelensky/positions?knownAt=${at.corrected}`,
    );
    expect(positionsAfterCorrection.positions.map((p: Json) => p.stance)).toEqual(['support']);
    const positionsNow = await system.getJson('/v1/actors/volodymyr-zelensky/positions');
    expect(positionsNow.positions.map((p: Json) => p.stance)).toEqual(['oppose']);

    // Before the merge, the surname alone was no actor at all; now it answers for the merged one.
    expect((await system.get(`/v1/actors/zelensky?knownAt=${at.corrected}`)).status).toBe(404);
    expect(await system.getJson(`/v1/actors/zelensky?knownAt=${at.head}`)).toMatchObject({
      id: 'volodymyr-zelensky',
      mergedFrom: 'zelensky',
      developments: 2,
    });
    const actorsThen = await system.getJson(`/v1/actors?knownAt=${at.recorded}&sort=name`);
    expect(actorsThen.items.map((actor: Json) => [actor.id, actor.developments])).toEqual([
      ['steve-witkoff', 1],
      ['volodymyr-zelensky', 1],
    ]);
    const topicThen = await system.getJson(
      `/v1/topics/peace-plan/positions?knownAt=${at.recorded}`,
    );
    expect(topicThen.positions.map((p: Json) => [p.actor.id, p.stance])).toEqual([
      ['volodymyr-zelensky', 'conditional'],
    ]);
    const topicsThen = await system.getJson(`/v1/topics?knownAt=${at.recorded}`);
    expect(topicsThen.items).toEqual([
      expect.objectContaining({ topic: 'peace-plan', developments: 1, statements: 1 }),
    ]);
  });

  it('takes a date-time for the last sequence recorded at or before it', async () => {
    const history = (await system.getJson(`/v1/developments/${developmentId}`)).history as Json[];
    const recordedAt = history[0].recordedAt as string;
    const answer = await system.get(`/v1/timeline?knownAt=${encodeURIComponent(recordedAt)}`);
    expect(answer.status).toBe(200);
    expect(Number(answer.headers.get(KNOWN_AT))).toBeGreaterThanOrEqual(at.recorded);
    expect(Number(answer.headers.get(KNOWN_AT))).toBeLessThan(at.corrected);
    const beforeAnything = await system.get('/v1/timeline?knownAt=2000-01-01T00:00:00Z');
    expect(beforeAnything.headers.get(KNOWN_AT)).toBe('0');
    expect(((await beforeAnything.json()) as Json).items).toEqual([]);
  });

  it('answers 409 not_yet_known beyond the projection, and 400 for what is not a point in log time', async () => {
    const beyond = await system.get(`/v1/timeline?knownAt=${at.head + 1000}`);
    expect(beyond.status).toBe(409);
    expect(await beyond.json()).toMatchObject({ error: 'not_yet_known' });
    // The answer is asked while the sequence is checked; the check decides, whatever it found.
    for (const path of [
      `/v1/actors/nobody-at-all/positions?knownAt=${at.head + 1000}`,
      `/v1/topics/no-such-topic/positions?knownAt=${at.head + 1000}`,
      `/v1/developments/00000000-0000-5000-8000-000000000000?knownAt=${at.head + 1000}`,
    ]) {
      const unknownThere = await system.get(path);
      expect({ path, status: unknownThere.status }).toEqual({ path, status: 409 });
      expect(unknownThere.headers.get(KNOWN_AT)).toBeNull();
    }

    for (const value of ['soon', '-1', '2025-12-20', '1.5']) {
      const bad = await system.get(`/v1/actors/volodymyr-zelensky?knownAt=${value}`);
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as Json).details).toEqual([
        expect.objectContaining({ path: 'knownAt' }),
      ]);
    }
  });

  it('gives the same known-at answers after a rebuild', async () => {
    const paths = [
      `/v1/timeline?knownAt=${at.recorded}`,
      `/v1/actors?knownAt=${at.corrected}`,
      `/v1/actors/zelensky/positions?knownAt=${at.head}`,
      `/v1/topics/peace-plan/positions?knownAt=${at.corrected}`,
    ];
    const before = await Promise.all(paths.map((path) => system.getJson(path)));
    await system.rebuildAll();
    expect(await Promise.all(paths.map((path) => system.getJson(path)))).toEqual(before);
  });

  it('answers for a sequence once it has been applied, after answering 409 for it', async () => {
    expect((await system.get(`/v1/timeline?knownAt=${at.head}`)).status).toBe(200);
    const next = at.head + 1;
    expect((await system.get(`/v1/timeline?knownAt=${next}`)).status).toBe(409);
    const later = await system.post('/v1/developments', {
      occurredOn: '2025-12-18',
      title: 'Talks resume in Miami',
      topics: ['peace-plan'],
    });
    expect(later.status).toBe(202);
    await system.caughtUp();
    const answer = await system.get(`/v1/timeline?knownAt=${next}`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get(KNOWN_AT)).toBe(String(next));
    expect(((await answer.json()) as Json).items.map((item: Json) => item.title)).toContain(
      'Talks resume in Miami',
    );
  });
});
