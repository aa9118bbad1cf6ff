import { NewslineUnderTest } from './support/newsline-under-test';

/**
 * The same text sent composed (NFC) and decomposed (NFD: "й" as "и" + U+0306) is the same
 * text for everything derived from it, and is stored as it was sent.
 */
const nfd = (text: string) => text.normalize('NFD');

interface Recorded {
  developmentId: string;
  eventId: string;
  sequence: number;
  duplicate: boolean;
}

describe('Unicode normalization (NFC and NFD)', () => {
  let system: NewslineUnderTest;

  beforeAll(async () => {
    system = await NewslineUnderTest.start();
  });

  afterAll(() => system?.stop());

  async function record(body: unknown): Promise<Recorded> {
    const response = await system.post('/v1/developments', body);
    expect(response.status).toBe(202);
    return (await response.json()) as Recorded;
  }

  it('answers the NFD spelling of a development posted in NFC as its duplicate', async () => {
    const composed = {
      occurredOn: '2025-12-03',
      title: 'Зеленський: мирний план матиме 20 пунктів',
      body: 'Київ. Документ обговорять у Берліні.',
      actors: [{ name: 'Володимир Зеленський' }],
    };
    const decomposed = JSON.parse(nfd(JSON.stringify(composed))) as typeof composed;
    expect(decomposed.title).not.toBe(composed.title);

    const first = await record(composed);
    const head = await system.lastSequence();
    const again = await system.post('/v1/developments', decomposed);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ ...first, duplicate: true });

    const batch = await system.post('/v1/developments/batch', [decomposed]);
    expect(batch.status).toBe(200);
    expect(await batch.json()).toMatchObject({
      accepted: 0,
      duplicates: 1,
      results: [{ index: 0, status: 'duplicate', developmentId: first.developmentId }],
    });
    expect(await system.lastSequence()).toBe(head);
  });

  it('stores the text of a development as it was sent, decomposed', async () => {
    const title = nfd('Сибіга: йдеться про гарантії безпеки');
    const body = nfd('Київ. Переговори триватимуть.');
    expect(title).not.toBe(title.normalize('NFC'));
    const { developmentId } = await record({ occurredOn: '2025-12-04', title, body });
    await system.caughtUp();

    const response = await system.get(`/v1/developments/${developmentId}`);
    expect(response.status).toBe(200);
    const development = (await response.json()) as { title: string; body: string };
    expect(Buffer.from(development.title)).toEqual(Buffer.from(title));
    expect(Buffer.from(development.body)).toEqual(Buffer.from(body));
  });

  it('gives an actor named in NFC and in NFD one id', async () => {
    const name = 'Сергій Кислиця';
    await record({ occurredOn: '2025-12-05', title: 'Kyslytsya in Miami', actors: [{ name }] });
    await record({
      occurredOn: '2025-12-06',
      title: 'Kyslytsya in Berlin',
      actors: [{ name: nfd(name) }],
    });
    await system.caughtUp();

    const { items } = await system.getJson<{ items: Array<{ id: string; name: string }> }>(
      '/v1/actors?limit=500',
    );
    const kyslytsya = items.filter((actor) => actor.name.normalize('NFC') === name);
    expect(kyslytsya).toEqual([expect.objectContaining({ id: 'сергій-кислиця' })]);
    const actor = await system.getJson<{ developments: number }>(
      `/v1/actors/${encodeURIComponent('сергій-кислиця')}`,
    );
    expect(actor.developments).toBe(2);
  });

  it("resolves a statement's NFD actor name to the actor listed in NFC", async () => {
    const { developmentId } = await record({
      occurredOn: '2025-12-07',
      title: 'Sybiha on security guarantees',
      actors: [{ id: 'andrii-sybiha', name: 'Андрій Сибіга' }],
      statements: [
        { actor: nfd('Андрій Сибіга'), topic: 'security-guarantees', stance: 'support' },
      ],
    });
    await system.caughtUp();

    const development = await system.getJson<{
      actors: Array<{ id: string }>;
      statements: Array<{ actor: string }>;
    }>(`/v1/developments/${developmentId}`);
    expect(development.statements.map((statement) => statement.actor)).toEqual(['andrii-sybiha']);
    expect(development.actors.map((actor) => actor.id)).toEqual(['andrii-sybiha']);
  });

  it('finds a development stored in NFD with the NFC word, and the other way round', async () => {
    const storedDecomposed = await record({
      occurredOn: '2025-12-08',
      title: nfd('Делегації зустрілися в Йосипівці'),
    });
    const storedComposed = await record({
      occurredOn: '2025-12-09',
      title: 'Заява Їжакевича про перемир’я',
    });
    await system.caughtUp();

    const search = async (q: string) => {
      const response = await system.get(`/v1/timeline?q=${encodeURIComponent(q)}`);
      expect(response.status).toBe(200);
      const page = (await response.json()) as { items: Array<{ developmentId: string }> };
      return page.items.map((item) => item.developmentId);
    };
    expect(await search('Йосипівці')).toEqual([storedDecomposed.developmentId]);
    expect(await search(nfd('Їжакевича'))).toEqual([storedComposed.developmentId]);
  });
});
