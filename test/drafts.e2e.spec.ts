import { isolatedConfig, NewslineUnderTest } from './support/newsline-under-test';

type Json = Record<string, any>;

const TOKENS = { INGEST_TOKEN: 'drafts-ingest', READ_TOKEN: 'drafts-read' };
const WRITE: Record<string, string> = { authorization: `Bearer ${TOKENS.INGEST_TOKEN}` };
const PUBLISHED_ON = '2025-12-20';

/** The actors the articles name, known to the read model before any draft. */
const KNOWN = [
  {
    occurredOn: '2025-11-20',
    title: 'Delegations named for the talks',
    actors: [
      { name: 'Rustem Umerov', affiliation: 'ukraine' },
      { name: 'Volodymyr Zelensky', affiliation: 'ukraine' },
      { id: 'ukraine', name: 'Ukraine' },
      { id: 'usa', name: 'United States' },
    ],
  },
  {
    occurredOn: '2025-11-21',
    title: 'Russia answers the proposal',
    topics: ['peace-plan'],
    actors: [
      { id: 'russia', name: 'Russia' },
      { name: 'Yuri Ushakov', affiliation: 'russia' },
    ],
  },
];

/** Written for this test, in the style of a news report: one dated event per paragraph. */
const ENGLISH = [
  'Negotiators return to Geneva as Moscow digs in',
  'Ukrainian and American delegations met in Geneva on December 3 to work through the revised ' +
    'framework. Rustem Umerov, the secretary of the National Security and Defense Council, led ' +
    'the Ukrainian side.',
  'On December 5, Moscow rejected the revised framework outright.',
  'On Monday, Volodymyr Zelensky spoke with the American delegation by phone. He said that ' +
    'Ukraine was ready to sign a ceasefire if the security guarantees were binding.',
  'The delegations met again on December 14–15 in Berlin.',
  'Yesterday, Umerov briefed the parliament on the results.',
].join('\n\n');

const UKRAINIAN = [
  'Переговори тривають',
  '2 грудня Зеленський заявив, що мирний план має містити гарантії безпеки.',
  '14–15 грудня делегації України та США зустрілися в Берліні.',
].join('\n\n');

/** A page as an outlet serves it: the article framed by navigation, scripts and a footer. */
const PAGE = `<!DOCTYPE html><html><head><title>Talks</title>
<script>var analytics = "December 1, tracking";</script><style>p{margin:0}</style></head>
<body><nav><a href="/">Home</a> <a href="/world">World news on December 2</a></nav>
<article>${ENGLISH.split('\n\n')
  .map((paragraph, index) => (index === 0 ? `<h1>${paragraph}</h1>` : `<p>${paragraph}</p>`))
  .join('\n')}</article>
<footer><p>All rights reserved, December 9.</p></footer></body></html>`;

describe('POST /v1/drafts: drafts of developments from an article', () => {
  let system: NewslineUnderTest;

  beforeAll(async () => {
    system = await NewslineUnderTest.start(isolatedConfig(TOKENS));
    for (const development of KNOWN) {
      expect((await system.post('/v1/developments', development, WRITE)).status).toBe(202);
    }
    const merge = await system.post('/v1/actors/moscow/merge', { into: 'russia' }, WRITE);
    expect(merge.status).toBe(202);
    await system.caughtUp();
  });

  afterAll(() => system?.stop());

  const draft = (
    body: string,
    { contentType = 'application/json', query = '', headers = WRITE } = {},
  ) =>
    fetch(`${system.projectorUrl}/v1/drafts${query}`, {
      method: 'POST',
      headers: { 'content-type': contentType, ...headers },
      body,
    });

  const drafted = async (response: Response | Promise<Response>): Promise<Json> => {
    const answer = await response;
    const body = (await answer.json()) as Json;
    expect([answer.status, body]).toEqual([200, expect.anything()]);
    return body;
  };

  const json = (fields: Json) => JSON.stringify({ publishedOn: PUBLISHED_ON, ...fields });

  /** The draft on a day, failing with the dates drafted when there is none. */
  const on = (answer: Json, occurredOn: string, occurredUntil?: string): Json => {
    const found = answer.drafts.find(
      (item: Json) =>
        item.development.occurredOn === occurredOn &&
        item.development.occurredUntil === occurredUntil,
    );
    const dates = answer.drafts.map((item: Json) =>
      [item.development.occurredOn, item.development.occurredUntil].filter(Boolean).join('..'),
    );
    expect([occurredOn, occurredUntil, found ? 'found' : dates]).toEqual([
      occurredOn,
      occurredUntil,
      'found',
    ]);
    return found;
  };

  const actorIds = (item: Json): string[] =>
    item.development.actors.map((actor: Json) => actor.id ?? actor.name);

  /** The text an evidence path of a draft points at in the answer's text. */
  const evidenceOf = (answer: Json, item: Json, path: string): string[] =>
    item.evidence
      .filter((evidence: Json) => evidence.path === path)
      .map((evidence: Json) => answer.text.slice(evidence.start, evidence.end));

  const actorEvidence = (answer: Json, item: Json, actorId: string): string[] =>
    evidenceOf(answer, item, `development.actors.${actorIds(item).indexOf(actorId)}`);

  /** The checks every answer to the English article passes, whatever form it came in. */
  function expectEnglishDrafts(answer: Json): void {
    const geneva = on(answer, '2025-12-03');
    expect(actorIds(geneva)).toContain('rustem-umerov');
    expect(evidenceOf(answer, geneva, 'development.occurredOn').join(' ')).toContain('December 3');
    expect(actorEvidence(answer, geneva, 'rustem-umerov').join(' ')).toContain('Umerov');

    const rejected = on(answer, '2025-12-05');
    expect(actorIds(rejected)).toContain('russia');
    expect(actorEvidence(answer, rejected, 'russia')).toContain('Moscow');

    const call = on(answer, '2025-12-15');
    expect(actorIds(call)).toContain('volodymyr-zelensky');
    expect(evidenceOf(answer, call, 'development.occurredOn').join(' ')).toMatch(/Monday/);

    on(answer, '2025-12-14', '2025-12-15');

    // "Umerov" alone, in the sentence dated by "yesterday".
    const briefing = on(answer, '2025-12-19');
    expect(actorIds(briefing)).toContain('rustem-umerov');
    expect(actorEvidence(answer, briefing, 'rustem-umerov')).toEqual(['Umerov']);

    for (const item of answer.drafts) {
      expect(item.development.occurredOn <= PUBLISHED_ON).toBe(true);
      expect(item.confidence).toBeGreaterThanOrEqual(0);
      expect(item.confidence).toBeLessThanOrEqual(1);
      for (const evidence of item.evidence) {
        expect(0 <= evidence.start && evidence.start < evidence.end).toBe(true);
        expect(evidence.end).toBeLessThanOrEqual(answer.text.length);
      }
    }
  }

  it('drafts an English article sent as JSON text, resolving names to canonical actors', async () => {
    const answer = await drafted(draft(json({ text: ENGLISH })));
    expect(answer.text).toBe(ENGLISH);
    expectEnglishDrafts(answer);
  });

  it('drafts the same article sent as a raw text/plain body with ?publishedOn=', async () => {
    const answer = await drafted(
      draft(ENGLISH, {
        contentType: 'text/plain; charset=utf-8',
        query: `?publishedOn=${PUBLISHED_ON}`,
      }),
    );
    expect(answer.text).toBe(ENGLISH);
    expectEnglishDrafts(answer);
  });

  it('drafts the article of an HTML page, as JSON html and as text/html, offsets into the text extracted', async () => {
    for (const sent of [
      draft(json({ html: PAGE })),
      draft(PAGE, { contentType: 'text/html', query: `?publishedOn=${PUBLISHED_ON}` }),
    ]) {
      const answer = await drafted(sent);
      expect(answer.text).toContain(
        'On December 5, Moscow rejected the revised framework outright.',
      );
      for (const dropped of ['analytics', 'World news', 'All rights reserved']) {
        expect(answer.text).not.toContain(dropped);
      }
      expectEnglishDrafts(answer);
      // Nothing drafted from the navigation's, script's or footer's dates.
      const days = answer.drafts.map((item: Json) => item.development.occurredOn);
      expect(days).not.toEqual(expect.arrayContaining(['2025-12-01']));
      expect(days).not.toEqual(expect.arrayContaining(['2025-12-02']));
      expect(days).not.toEqual(expect.arrayContaining(['2025-12-09']));
    }
  });

  it('drafts a Ukrainian article: Cyrillic dates and a Cyrillic surname resolved', async () => {
    const answer = await drafted(draft(json({ text: UKRAINIAN })));
    const statement = on(answer, '2025-12-02');
    expect(actorIds(statement)).toContain('volodymyr-zelensky');
    expect(actorEvidence(answer, statement, 'volodymyr-zelensky')).toEqual(['Зеленський']);
    expect(evidenceOf(answer, statement, 'development.occurredOn').join(' ')).toContain('2 грудня');
    on(answer, '2025-12-14', '2025-12-15');
  });

  it('writes nothing itself, and every development it drafts posts with 202', async () => {
    const head = await system.lastSequence();
    const answers = [
      await drafted(draft(json({ text: ENGLISH, source: { name: 'Example Wire' } }))),
      await drafted(draft(json({ text: UKRAINIAN }))),
      await drafted(draft(json({ html: PAGE }))),
    ];
    expect(await system.lastSequence()).toBe(head);
    const developments = answers.flatMap((answer) =>
      answer.drafts.map((item: Json) => item.development),
    );
    expect(developments.length).toBeGreaterThanOrEqual(12);
    // A key of its own for each: the same event drafted twice is two posts here.
    for (const [index, development] of developments.entries()) {
      const key = { ...WRITE, 'idempotency-key': `drafted-${index}` };
      const posted = await system.post('/v1/developments', development, key);
      expect([development.title, posted.status]).toEqual([development.title, 202]);
    }
  });

  it('answers 400 naming the field, 413 over 200 KB, 415 to other media types, 401 without the token', async () => {
    const refused = async (response: Promise<Response>, status: number): Promise<Json> => {
      const answer = await response;
      const body = (await answer.json()) as Json;
      expect([answer.status, body.error]).toEqual([status, expect.any(String)]);
      return body;
    };
    const paths = (body: Json) => body.details.map((detail: Json) => detail.path).sort();

    const both = await refused(draft(json({ text: 'a', html: '<p>a</p>' })), 400);
    expect(paths(both)).toEqual(['html']);
    expect(paths(await refused(draft(json({})), 400))).toEqual(['text']);
    const badDate = await refused(
      draft(JSON.stringify({ text: 'x', publishedOn: '2025-02-30' })),
      400,
    );
    expect(paths(badDate)).toEqual(['publishedOn']);
    const noDate = await refused(draft(JSON.stringify({ text: 'x' })), 400);
    expect(paths(noDate)).toEqual(['publishedOn']);
    expect(paths(await refused(draft(json({ text: 'x', extra: 1 })), 400))).toEqual(['extra']);
    expect(paths(await refused(draft(json({ text: '  ' })), 400))).toEqual(['text']);
    const rawWithoutDate = await refused(draft(ENGLISH, { contentType: 'text/plain' }), 400);
    expect(paths(rawWithoutDate)).toEqual(['publishedOn']);
    const rawBadDate = await refused(
      draft(ENGLISH, { contentType: 'text/plain', query: '?publishedOn=yesterday' }),
      400,
    );
    expect(paths(rawBadDate)).toEqual(['publishedOn']);
    expect((await refused(draft('{not json'), 400)).error).toBe('invalid_json');

    const huge = 'Talks resumed on December 3. '.repeat(7100);
    expect(Buffer.byteLength(huge)).toBeGreaterThan(200 * 1024);
    await refused(draft(json({ text: huge })), 413);
    await refused(
      draft(huge, { contentType: 'text/plain', query: `?publishedOn=${PUBLISHED_ON}` }),
      413,
    );
    await refused(draft(json({ html: `<p>${huge}</p>` })), 413);
    await refused(
      draft('x'.repeat(1_000_000), { contentType: 'text/plain', query: '?publishedOn=2025-12-20' }),
      413,
    );

    const xml = await refused(draft('<article/>', { contentType: 'application/xml' }), 415);
    expect(xml.error).toBe('unsupported_media_type');
    await refused(
      draft(ENGLISH, {
        contentType: 'text/plain; charset=windows-1251',
        query: `?publishedOn=${PUBLISHED_ON}`,
      }),
      415,
    );

    await refused(draft(json({ text: ENGLISH }), { headers: {} }), 401);
    const reader = { authorization: `Bearer ${TOKENS.READ_TOKEN}` };
    await refused(draft(json({ text: ENGLISH }), { headers: reader }), 401);
  });
});
