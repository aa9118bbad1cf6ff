import { Client } from 'pg';
import { NewslineUnderTest } from './support/newsline-under-test';

type Json = Record<string, any>;

const REPORTS = [
  {
    occurredOn: '2025-12-02',
    title: 'Zelensky: the plan will have 20 points',
    actors: [
      { name: 'Volodymyr Zelensky', affiliation: 'ukraine' },
      { id: 'usa', name: 'United States' },
    ],
  },
  {
    occurredOn: '2025-12-21',
    title: 'Зеленський: мир можливий за умови гарантій',
    actors: [{ name: 'Володимир Зеленський' }],
  },
  {
    occurredOn: '2025-12-05',
    title: 'Šefčovič and Mélenchon on trade',
    actors: [{ name: 'Maroš Šefčovič' }, { name: 'Jean-Luc Mélenchon' }, { name: 'Ёлкин' }],
  },
  {
    occurredOn: '2025-12-23',
    title: 'Умєров: гарантії безпеки мають бути юридично зобовʼязувальними',
    actors: [{ name: 'Умєров' }, { name: 'Rustem Umerov', affiliation: 'ukraine' }],
  },
];

describe('GET /v1/actors?prefix=: actors for autocomplete', () => {
  let system: NewslineUnderTest;

  beforeAll(async () => {
    system = await NewslineUnderTest.start();
    for (const report of REPORTS) {
      expect((await system.post('/v1/developments', report)).status).toBe(202);
    }
    const merge = await system.post(`/v1/actors/${encodeURIComponent('умєров')}/merge`, {
      into: 'rustem-umerov',
    });
    expect(merge.status).toBe(202);
    await system.caughtUp();
  });

  afterAll(() => system?.stop());

  const found = async (query: string): Promise<string[]> =>
    (await system.getJson(`/v1/actors?${query}`)).items.map((actor: Json) => actor.id);
  const byPrefix = (prefix: string) => found(`prefix=${encodeURIComponent(prefix)}`);

  it.each([
    ['zel', ['volodymyr-zelensky', 'володимир-зеленський']],
    ['ZEL', ['volodymyr-zelensky', 'володимир-зеленський']],
    ['Зел', ['volodymyr-zelensky', 'володимир-зеленський']],
    ['зеленськи', ['володимир-зеленський']],
    ['volodymyr z', ['volodymyr-zelensky']],
    ['володимир з', ['володимир-зеленський']],
    ['sefc', ['maros-sefcovic']],
    ['ŠEFČ', ['maros-sefcovic']],
    ['mélen', ['jean-luc-melenchon']],
    ['luc', ['jean-luc-melenchon']],
    ['елк', ['ёлкин']],
    ['ЁЛК', ['ёлкин']],
    ['usa', ['usa']],
    ['united', ['usa']],
    ['maros-sef', ['maros-sefcovic']],
  ])('%j finds %j, by the start of a word of a name or id', async (prefix, ids) => {
    expect((await byPrefix(prefix)).sort()).toEqual([...ids].sort());
  });

  it('finds nothing for the middle of a word', async () => {
    expect(await byPrefix('lensky')).toEqual([]);
    expect(await byPrefix('trump')).toEqual([]);
  });

  it('finds a merged actor as the actor it is merged into, once', async () => {
    expect(await byPrefix('умє')).toEqual(['rustem-umerov']);
    // Both the actor's own name and its alias's transliteration start with "um".
    expect(await byPrefix('um')).toEqual(['rustem-umerov']);
    const [actor] = (await system.getJson('/v1/actors?prefix=%D1%83%D0%BC%D1%94')).items;
    expect(actor).toMatchObject({ id: 'rustem-umerov', name: 'Rustem Umerov' });
  });

  it('combines with the other parameters, limit and cursor included', async () => {
    expect(await found('prefix=zel&affiliation=ukraine')).toEqual(['volodymyr-zelensky']);
    const first = await system.getJson('/v1/actors?prefix=zel&limit=1');
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await system.getJson(
      `/v1/actors?prefix=zel&limit=1&cursor=${encodeURIComponent(first.nextCursor)}`,
    );
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    expect([first.items[0].id, second.items[0].id].sort()).toEqual(
      ['volodymyr-zelensky', 'володимир-зеленський'].sort(),
    );
    expect(await found('prefix=zel&sort=recent')).toEqual([
      'володимир-зеленський',
      'volodymyr-zelensky',
    ]);
  });

  it.each([
    ['prefix='],
    [`prefix=${'a'.repeat(101)}`],
    [`prefix=${encodeURIComponent(' -- ')}`],
    ['prefix=a&prefix=b'],
  ])('answers 400 naming prefix for %s', async (query) => {
    const response = await system.get(`/v1/actors?${query}`);
    expect(response.status).toBe(400);
    const body = (await response.json()) as Json;
    expect(body.error).toBe('invalid_query');
    expect(body.details.map((detail: Json) => detail.path)).toEqual(['prefix']);
  });

  it('looks terms up by index, and matches the entities', async () => {
    const client = new Client({ connectionString: system.config.DATABASE_URL });
    await client.connect();
    try {
      await client.query('SET enable_seqscan = off');
      const { rows } = await client.query(
        `EXPLAIN SELECT actor_id FROM read_model.actor_search_terms WHERE term LIKE 'zel%'`,
      );
      const plan = rows.map((row: Json) => row['QUERY PLAN']).join('\n');
      expect(plan).toMatch(/Index.* Scan (using|on) "PK_actor_search_terms"/);
      expect(plan).toMatch(/Index Cond: \(\(term >= 'zel'::text\) AND \(term < 'zem'::text\)\)/);
    } finally {
      await client.end();
    }
    expect(await system.schemaDrift()).toEqual([]);
  });

  it('answers the same after a rebuild', async () => {
    const before = await Promise.all(['zel', 'умє', 'sefc'].map(byPrefix));
    await system.rebuildAll();
    expect(await Promise.all(['zel', 'умє', 'sefc'].map(byPrefix))).toEqual(before);
  });
});
