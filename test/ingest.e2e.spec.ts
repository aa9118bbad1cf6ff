import { LogAdmin } from './support/log-admin';
import { NatsServerProcess } from './support/nats-server-process';
import { isolatedConfig, NewslineUnderTest } from './support/newsline-under-test';
import { freePort } from './support/projector-process';
import { waitFor } from './support/wait-for';
import { sampleDevelopments } from './support/sample';

const valid = { occurredOn: '2025-12-02', title: 'Zelensky: 20 points, not 28' };

describe('POST /v1/developments', () => {
  let system: NewslineUnderTest;

  beforeAll(async () => {
    system = await NewslineUnderTest.start();
  });

  afterAll(() => system?.stop());

  it('answers 202 with derived ids only after the log stored the event', async () => {
    const before = await system.lastSequence();
    const response = await system.post('/v1/developments', sampleDevelopments()[0]);
    expect(response.status).toBe(202);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toEqual({
      developmentId: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-/),
      eventId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      sequence: before + 1,
      duplicate: false,
    });
    expect(await system.lastSequence()).toBe(before + 1);
  });

  it("carries the request's correlation id into the event and echoes it", async () => {
    const response = await system.post(
      '/v1/developments',
      { ...valid, title: 'Correlated' },
      {
        'x-correlation-id': 'newsroom-42',
      },
    );
    expect(response.status).toBe(202);
    expect(response.headers.get('x-correlation-id')).toBe('newsroom-42');
    const { sequence } = (await response.json()) as { sequence: number };
    const stored = await system.log.jsm.streams.getMessage(system.config.STREAM_NAME, {
      seq: sequence,
    });
    expect(stored?.json<{ correlationId: string }>().correlationId).toBe('newsroom-42');

    const anonymous = await system.post('/v1/developments', { ...valid, title: 'Uncorrelated' });
    expect(anonymous.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('treats a repeated Idempotency-Key as a duplicate, however the body differs', async () => {
    const headers = { 'idempotency-key': 'wire-story-4711' };
    const first = await system.post('/v1/developments', valid, headers);
    expect(first.status).toBe(202);
    const original = (await first.json()) as Record<string, unknown>;
    const head = await system.lastSequence();

    const again = await system.post('/v1/developments', { ...valid, title: 'Other' }, headers);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ ...original, duplicate: true });
    expect(await system.lastSequence()).toBe(head);
  });

  it('treats the same JSON posted again without a key as a duplicate, key order aside', async () => {
    const body = { title: 'Putin rejects trilateral talks', occurredOn: '2025-12-20' };
    const first = (await (await system.post('/v1/developments', body)).json()) as Record<
      string,
      unknown
    >;
    const head = await system.lastSequence();
    const reordered = JSON.stringify({ occurredOn: body.occurredOn, title: body.title });
    const again = await system.post('/v1/developments', reordered);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ ...first, duplicate: true });
    expect(await system.lastSequence()).toBe(head);
  });

  it('answers concurrent repeats of one key with one 202 and duplicates of the same ids', async () => {
    const headers = { 'idempotency-key': `race-${Date.now()}` };
    const responses = await Promise.all(
      Array.from({ length: 8 }, () => system.post('/v1/developments', valid, headers)),
    );
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 202]);
    const bodies = (await Promise.all(responses.map((r) => r.json()))) as Array<
      Record<string, unknown>
    >;
    expect(new Set(bodies.map((body) => body.eventId)).size).toBe(1);
  });

  it.each([
    ['a missing title', { occurredOn: '2025-12-02' }, ['title']],
    ['a date that does not exist', { ...valid, occurredOn: '2025-02-30' }, ['occurredOn']],
    [
      'a range that ends before it starts',
      { ...valid, occurredUntil: '2025-12-01' },
      ['occurredUntil'],
    ],
    ['an unknown field', { ...valid, tags: ['x'] }, ['tags']],
    [
      '__proto__ and constructor keys',
      `{"occurredOn":"2025-12-02","title":"t","__proto__":{"x":1},"constructor":1}`,
      ['__proto__', 'constructor'],
    ],
    [
      'a bad stance and an unknown nested field',
      { ...valid, statements: [{ actor: 'usa', topic: 'peace-plan', stance: 'maybe', tone: 'x' }] },
      ['statements[0].stance', 'statements[0].tone'],
    ],
    ['a U+0000 in text', { ...valid, body: 'a\u0000b' }, ['body']],
    ['an unpaired surrogate', `{"occurredOn":"2025-12-02","title":"a\\ud800b"}`, ['title']],
    ['a bad Idempotency-Key', valid, ['Idempotency-Key'], { 'idempotency-key': 'has space' }],
    ['a JSON array', [valid], ['']],
    ['a bare value', '42', ['']],
  ])(
    'rejects %s with 400 naming every bad field, recording nothing',
    async (_, body, paths, headers: Record<string, string> = {}) => {
      const head = await system.lastSequence();
      const response = await system.post('/v1/developments', body, headers);
      expect(response.status).toBe(400);
      const error = (await response.json()) as { error: string; details: Array<{ path: string }> };
      expect(error.error).toBe('validation_failed');
      expect(error.details.map((detail) => detail.path).sort()).toEqual([...paths].sort());
      expect(await system.lastSequence()).toBe(head);
    },
  );

  it.each([
    ['malformed JSON', '{"title": '],
    [
      'absurd nesting',
      `{"occurredOn":"2025-12-02","title":"t","x":${'['.repeat(5000)}${']'.repeat(5000)}}`,
    ],
  ])('rejects %s with 400 invalid_json', async (_, body) => {
    const head = await system.lastSequence();
    const response = await system.post('/v1/developments', body);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toBe('invalid_json');
    expect(await system.lastSequence()).toBe(head);
  });

  it('rejects invalid UTF-8 with 400', async () => {
    const response = await fetch(`${system.ingestUrl}/v1/developments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: Buffer.concat([
        Buffer.from('{"occurredOn":"2025-12-02","title":"'),
        Buffer.from([0xff, 0xfe]),
        Buffer.from('"}'),
      ]),
    });
    expect(response.status).toBe(400);
  });

  it('answers 415 for a body that is not JSON and 413 for one over the limit', async () => {
    const head = await system.lastSequence();
    const text = await system.post('/v1/developments', 'title=x', { 'content-type': 'text/plain' });
    expect(text.status).toBe(415);
    expect(((await text.json()) as { error: string }).error).toBe('unsupported_media_type');
    const huge = await system.post('/v1/developments', { ...valid, body: 'x'.repeat(1024 * 1024) });
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as { error: string }).error).toBe('payload_too_large');
    expect(await system.lastSequence()).toBe(head);
  });

  it('keeps text byte for byte: Cyrillic, emoji, typographic quotes, markup, SQL', async () => {
    const development = {
      occurredOn: '2025-12-22',
      title: 'Зеленський: «мир» — “20 пунктів” 🇺🇦🕊️',
      body: `<b>bold</b> '; DROP TABLE developments; -- \\ "quoted" \u00e9\u0301 𝔘𝔫𝔦𝔠𝔬𝔡𝔢`,
      location: 'Київ',
      actors: [{ name: 'Зеленський' }],
      statements: [
        {
          actor: 'Зеленський',
          topic: 'peace-plan',
          stance: 'support',
          quote: '“Мир через силу” 💪',
        },
      ],
    };
    const response = await system.post('/v1/developments', development);
    expect(response.status).toBe(202);
    const { developmentId } = (await response.json()) as { developmentId: string };
    await system.caughtUp();
    const stored = await system.getJson(`/v1/developments/${developmentId}`);
    expect(stored.title).toBe(development.title);
    expect(stored.body).toBe(development.body);
    expect(stored.location).toBe(development.location);
    expect(stored.statements[0].quote).toBe(development.statements[0].quote);
    expect(stored.actors).toEqual([{ id: 'зеленський', name: 'Зеленський' }]);
    expect(stored.statements[0].actor).toBe('зеленський');
  });
});

describe('POST /v1/developments with NATS unreachable', () => {
  it('answers 503 with Retry-After, records nothing it did not say it may have, and reports itself unhealthy', async () => {
    const nats = new NatsServerProcess(await freePort());
    await nats.start();
    const system = await NewslineUnderTest.startIngestOnly(
      isolatedConfig({ NATS_URL: nats.url, PUBLISH_TIMEOUT_MS: '1000' }),
    );
    const log = await waitFor('the log to be reachable', () => LogAdmin.connect(nats.url));
    const stream = system.config.STREAM_NAME;
    try {
      await waitFor('ingest to be healthy', async () =>
        (await fetch(`${system.ingestUrl}/health`)).ok ? true : undefined,
      );
      expect(await log.lastSequence(stream)).toBe(0);
      await nats.stop('SIGKILL');

      const response = await system.post('/v1/developments', valid);
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
      const body = (await response.json()) as { error: string; message: string };
      expect(body.error).toBe('log_unavailable');
      expect((await fetch(`${system.ingestUrl}/health`)).status).toBe(503);

      // The same server again, with the same store: the log holds nothing ingest did not
      // say it may hold.
      await nats.start();
      await waitFor('ingest to be healthy again', async () =>
        (await fetch(`${system.ingestUrl}/health`)).ok ? true : undefined,
      );
      const mayHold = /may or may not/.test(body.message) ? 1 : 0;
      expect(await waitFor('the log', () => log.lastSequence(stream))).toBeLessThanOrEqual(mayHold);
    } finally {
      await system.stop().catch(() => undefined);
      await log.close();
      await nats.remove();
    }
  });
});
