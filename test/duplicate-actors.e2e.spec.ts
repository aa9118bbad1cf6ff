import { NewslineUnderTest } from './support/newsline-under-test';

type Json = Record<string, any>;

/** One development naming each actor, as outlets would spell them. */
const NAMED = [
  { name: 'Rustem Umerov', affiliation: 'ukraine' },
  { name: 'Рустем Умєров', affiliation: 'ukraine' },
  { name: 'Umerov' },
  { name: 'Sergei Lavrov', affiliation: 'russia' },
  { name: 'Сергей Лавров' },
  { name: 'Volodymyr Zelensky', affiliation: 'ukraine' },
  { name: 'Olena Zelenska', affiliation: 'ukraine' },
  { name: 'Donald Trump', affiliation: 'usa' },
  { name: 'Donald Trump Jr.', affiliation: 'usa' },
];

const path = (id: string) => `/v1/actors/${encodeURIComponent(id)}`;

describe('duplicate candidates', () => {
  let system: NewslineUnderTest;

  beforeAll(async () => {
    system = await NewslineUnderTest.start();
    for (const [index, actor] of NAMED.entries()) {
      const response = await system.post('/v1/developments', {
        occurredOn: `2025-12-${String(index + 1).padStart(2, '0')}`,
        title: `Development about ${actor.name}`,
        actors: [actor],
      });
      expect(response.status).toBe(202);
    }
    await system.caughtUp();
  });

  afterAll(() => system?.stop());

  const similar = (id: string) => system.getJson(`${path(id)}/similar`);
  const likelyIds = (answer: Json) =>
    answer.candidates.filter((c: Json) => c.likely).map((c: Json) => c.actor.id);

  it('finds transliterations and a surname alone as likely, best first, with reasons', async () => {
    const answer = await similar('rustem-umerov');
    expect(answer.actor).toMatchObject({ id: 'rustem-umerov', aliases: [] });
    expect(likelyIds(answer).sort()).toEqual(['umerov', 'рустем-умєров'].sort());
    const scores = answer.candidates.map((c: Json) => c.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const cyrillic = answer.candidates.find((c: Json) => c.actor.id === 'рустем-умєров');
    expect(cyrillic).toMatchObject({
      actor: { name: 'Рустем Умєров', affiliation: 'ukraine', developments: 1 },
      likely: true,
      reasons: expect.arrayContaining(['transliteration']),
    });
    expect(cyrillic.score).toBeGreaterThan(0);
    expect(cyrillic.score).toBeLessThanOrEqual(1);
    expect(likelyIds(await similar('сергей-лавров'))).toEqual(['sergei-lavrov']);
  });

  it('does not take different people who look alike for one', async () => {
    expect(likelyIds(await similar('volodymyr-zelensky'))).toEqual([]);
    expect(likelyIds(await similar('donald-trump'))).toEqual([]);
  });

  it('lists the likely pairs over all actors, paginated, and drops a pair once merged', async () => {
    const pairs = async (limit: number) => {
      const found: string[] = [];
      let cursor: string | null = null;
      do {
        const query = `limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
        const page: Json = await system.getJson(`/v1/actors/duplicates?${query}`);
        for (const pair of page.items) {
          expect(pair.score).toBeGreaterThan(0);
          found.push(pair.actors.map((actor: Json) => actor.id).join(' + '));
        }
        cursor = page.nextCursor;
      } while (cursor);
      return found;
    };
    const all = await pairs(50);
    expect([...all].sort()).toEqual(
      [
        'rustem-umerov + umerov',
        'rustem-umerov + рустем-умєров',
        'umerov + рустем-умєров',
        'sergei-lavrov + сергей-лавров',
      ].sort(),
    );
    expect(await pairs(1)).toEqual(all);

    const merged = await system.post(`${path('сергей-лавров')}/merge`, { into: 'sergei-lavrov' });
    expect(merged.status).toBe(202);
    await system.caughtUp();
    expect(await pairs(50)).not.toContain('sergei-lavrov + сергей-лавров');
    const lavrov = await similar('sergei-lavrov');
    expect(lavrov.candidates.map((c: Json) => c.actor.id)).not.toContain('сергей-лавров');
    expect(lavrov.actor.aliases).toEqual([{ id: 'сергей-лавров', name: 'Сергей Лавров' }]);
  });

  it('answers 404 for an unknown actor and 400 for a bad limit or cursor', async () => {
    expect((await system.get(`${path('nobody-at-all')}/similar`)).status).toBe(404);
    const badLimit = await system.get(`${path('umerov')}/similar?limit=51`);
    expect(badLimit.status).toBe(400);
    expect(((await badLimit.json()) as Json).details[0]).toMatchObject({ path: 'limit' });
    expect((await system.get('/v1/actors/duplicates?cursor=nonsense')).status).toBe(400);
  });
});
