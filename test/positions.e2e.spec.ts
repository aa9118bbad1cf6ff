import { NewslineUnderTest } from './support/newsline-under-test';
import { sampleDevelopments, shuffled } from './support/sample';

const AS_OF_DATES = [
  undefined,
  '2025-11-30',
  '2025-12-10',
  '2025-12-14',
  '2025-12-19',
  '2025-12-31',
];

/** Every answer of the actors, positions and topics endpoints, by path. */
async function everyAnswer(system: NewslineUnderTest): Promise<Record<string, unknown>> {
  const answers: Record<string, unknown> = {};
  const read = async (path: string) => {
    answers[path] = await system.getJson(path);
    return answers[path] as any;
  };
  for (const sort of ['name', 'activity', 'recent'])
    await read(`/v1/actors?limit=500&sort=${sort}`);
  const actors = (answers['/v1/actors?limit=500&sort=name'] as any).items as Array<{ id: string }>;
  for (const { id } of actors) {
    await read(`/v1/actors/${encodeURIComponent(id)}`);
    for (const asOf of AS_OF_DATES) {
      await read(`/v1/actors/${encodeURIComponent(id)}/positions${asOf ? `?asOf=${asOf}` : ''}`);
    }
  }
  const topics = (await read('/v1/topics?limit=500')).items as Array<{ topic: string }>;
  await read('/v1/topics?limit=500&sort=activity');
  for (const { topic } of topics) {
    for (const asOf of AS_OF_DATES) {
      await read(`/v1/topics/${topic}/positions${asOf ? `?asOf=${asOf}` : ''}`);
    }
  }
  return answers;
}

describe('actors, positions and topics', () => {
  let chronological: NewslineUnderTest;
  let shuffledOrder: NewslineUnderTest;

  beforeAll(async () => {
    [chronological, shuffledOrder] = await Promise.all([
      NewslineUnderTest.start(),
      NewslineUnderTest.start(),
    ]);
    const post = async (system: NewslineUnderTest, bodies: unknown[]) => {
      for (const body of bodies) {
        expect((await system.post('/v1/developments', body)).status).toBe(202);
      }
      await system.caughtUp();
    };
    await Promise.all([
      post(chronological, sampleDevelopments()),
      post(shuffledOrder, shuffled(sampleDevelopments(), 11)),
    ]);
  });

  afterAll(async () => {
    await chronological?.stop();
    await shuffledOrder?.stop();
  });

  it('gives every answer identically whatever order the developments were posted in', async () => {
    const expected = await everyAnswer(chronological);
    expect(Object.keys(expected).length).toBeGreaterThan(100);
    expect(await everyAnswer(shuffledOrder)).toEqual(expected);
  });

  it("states each actor's position as the article does", async () => {
    const putin = await shuffledOrder.getJson('/v1/actors/vladimir-putin/positions');
    expect(putin.actor).toMatchObject({ id: 'vladimir-putin', name: 'Vladimir Putin' });
    expect(putin.positions).toEqual([
      expect.objectContaining({
        topic: 'peace-plan',
        stance: 'neutral',
        since: '2025-12-19',
        quote: expect.stringContaining('by peaceful means'),
      }),
    ]);

    const umerov = await shuffledOrder.getJson(
      '/v1/actors/rustem-umerov/positions?topic=peace-plan',
    );
    expect(umerov.positions).toEqual([
      expect.objectContaining({ stance: 'conditional', since: '2025-12-22' }),
    ]);
    expect(
      umerov.positions[0].history.map((entry: any) => [entry.occurredOn, entry.stance]),
    ).toEqual(expect.arrayContaining([['2025-12-14', 'support']]));
    const before = await shuffledOrder.getJson(
      '/v1/actors/rustem-umerov/positions?asOf=2025-12-21',
    );
    expect(before.positions).toEqual([
      expect.objectContaining({ topic: 'peace-plan', stance: 'support', since: '2025-12-14' }),
    ]);

    const zelensky = await shuffledOrder.getJson('/v1/actors/volodymyr-zelensky/positions');
    expect(zelensky.positions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ topic: 'peace-plan', stance: 'support', since: '2025-12-02' }),
      ]),
    );
    const beforeAny = await shuffledOrder.getJson(
      '/v1/actors/volodymyr-zelensky/positions?asOf=2025-12-01',
    );
    expect(beforeAny.positions).toEqual([]);
  });

  it('lists topic positions per actor, and counts per actor and topic', async () => {
    const peacePlan = await shuffledOrder.getJson('/v1/topics/peace-plan/positions');
    expect(peacePlan.topic).toBe('peace-plan');
    expect(peacePlan.positions).toEqual(
      expect.arrayContaining([
        {
          actor: { id: 'vladimir-putin', name: 'Vladimir Putin' },
          stance: 'neutral',
          since: '2025-12-19',
          developmentId: expect.any(String),
        },
      ]),
    );
    const actor = await shuffledOrder.getJson('/v1/actors/rustem-umerov');
    const expectedDevelopments = sampleDevelopments().filter((d) =>
      d.actors?.some((a: { id: string }) => a.id === 'rustem-umerov'),
    );
    expect(actor).toMatchObject({
      id: 'rustem-umerov',
      name: 'Rustem Umerov',
      affiliation: 'ukraine',
      developments: expectedDevelopments.length,
      firstSeenOn: expectedDevelopments[0].occurredOn,
      lastSeenOn: expectedDevelopments[expectedDevelopments.length - 1].occurredOn,
    });
    const topics = await shuffledOrder.getJson('/v1/topics?limit=500');
    const expectedPeacePlan = sampleDevelopments().filter(
      (d) =>
        d.topics?.includes('peace-plan') ||
        d.statements?.some((s: { topic: string }) => s.topic === 'peace-plan'),
    ).length;
    expect(topics.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ topic: 'peace-plan', developments: expectedPeacePlan }),
      ]),
    );
  });

  it('pages actors with a cursor, every actor once', async () => {
    for (const sort of ['name', 'activity', 'recent']) {
      const all = (await shuffledOrder.getJson(`/v1/actors?limit=500&sort=${sort}`)).items.map(
        (actor: any) => actor.id,
      );
      const paged: string[] = [];
      let cursor: string | null = null;
      do {
        const page: any = await shuffledOrder.getJson(
          `/v1/actors?limit=3&sort=${sort}${cursor ? `&cursor=${cursor}` : ''}`,
        );
        paged.push(...page.items.map((actor: any) => actor.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(paged).toEqual(all);
    }
  });

  it('answers 404 for an unknown actor or topic and 400 for a bad date or parameter', async () => {
    expect((await shuffledOrder.get('/v1/actors/nobody')).status).toBe(404);
    expect((await shuffledOrder.get('/v1/actors/nobody/positions')).status).toBe(404);
    expect((await shuffledOrder.get('/v1/topics/no-such-topic/positions')).status).toBe(404);
    const badDate = await shuffledOrder.get('/v1/actors/vladimir-putin/positions?asOf=2025-02-30');
    expect(badDate.status).toBe(400);
    expect(((await badDate.json()) as any).details).toEqual([
      expect.objectContaining({ path: 'asOf' }),
    ]);
    expect((await shuffledOrder.get('/v1/topics/peace-plan/positions?asOf=yesterday')).status).toBe(
      400,
    );
    expect((await shuffledOrder.get('/v1/actors?sort=loudest')).status).toBe(400);
    expect(
      (await shuffledOrder.get('/v1/actors/vladimir-putin/positions?historyLimit=1001')).status,
    ).toBe(400);
  });

  it('reports both projections live', async () => {
    const projections = await shuffledOrder.getJson('/v1/projections');
    expect(projections.map((p: any) => [p.name, p.status, p.lag])).toEqual([
      ['timeline', 'live', 0],
      ['positions', 'live', 0],
    ]);
  });
});

describe('full-text search on the timeline', () => {
  let system: NewslineUnderTest;

  beforeAll(async () => {
    system = await NewslineUnderTest.start();
    for (const body of [
      ...sampleDevelopments(),
      {
        occurredOn: '2025-12-23',
        title: 'Зеленський: переговори тривають',
        body: 'Українська делегація повернулася з Маямі.',
      },
    ]) {
      expect((await system.post('/v1/developments', body)).status).toBe(202);
    }
    await system.caughtUp();
  });

  afterAll(() => system?.stop());

  const titles = async (q: string) =>
    (await system.getJson(`/v1/timeline?q=${encodeURIComponent(q)}`)).items.map(
      (item: any) => item.title,
    );

  it('finds English words in title and body, stemmed', async () => {
    expect(await titles('press conference')).toEqual(['Putin’s concluding press conference']);
    expect(await titles('Pistorius')).toEqual(['Pistorius: Moscow is not willing to stop the war']);
    expect(await titles('negotiation')).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Negotiating groups discuss territorial issues/),
      ]),
    );
    expect(await titles('zzzunknownword')).toEqual([]);
  });

  it('finds Cyrillic words, including another form of the word', async () => {
    expect(await titles('Зеленський')).toEqual(['Зеленський: переговори тривають']);
    expect(await titles('Зеленського')).toEqual(['Зеленський: переговори тривають']);
    expect(await titles('делегація Маямі')).toEqual(['Зеленський: переговори тривають']);
    expect(await titles('делегація -переговори')).toEqual([]);
  });

  it('combines search with the other filters and rejects an empty query', async () => {
    expect((await system.getJson('/v1/timeline?q=Putin&to=2025-12-03')).items).toHaveLength(1);
    expect((await system.get('/v1/timeline?q=')).status).toBe(400);
  });
});
