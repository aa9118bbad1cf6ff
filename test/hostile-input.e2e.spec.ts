import fc from 'fast-check';
import { NewslineUnderTest } from './support/newsline-under-test';

/** A 4xx must be API.md's error shape; nothing may be a 5xx. */
async function expectWellFormed(response: Response, allowed: number[]): Promise<void> {
  expect(allowed).toContain(response.status);
  if (response.status >= 400) {
    const body = (await response.json()) as Record<string, unknown>;
    expect(typeof body.error).toBe('string');
    expect(typeof body.message).toBe('string');
    expect(Array.isArray(body.details)).toBe(true);
  } else {
    await response.arrayBuffer();
  }
}

const developmentLike = fc.record(
  {
    occurredOn: fc.oneof(
      fc.constant('2025-12-02'),
      fc.string(),
      fc.integer(),
      fc.date().map(String),
    ),
    occurredUntil: fc.oneof(fc.constant('2025-12-03'), fc.string()),
    title: fc.oneof(
      fc.string(),
      fc.string({ unit: 'grapheme' }),
      fc.string({ unit: 'binary' }),
      fc.constant(''),
      fc.integer(),
    ),
    body: fc.oneof(fc.string({ unit: 'grapheme' }), fc.constant(null)),
    topics: fc.oneof(fc.array(fc.string()), fc.string()),
    actors: fc.array(fc.record({ name: fc.anything(), id: fc.string() }, { requiredKeys: [] })),
    statements: fc.array(fc.dictionary(fc.string(), fc.anything())),
    source: fc.anything(),
    extra: fc.anything(),
  },
  { requiredKeys: [] },
);

describe('hostile input', () => {
  let system: NewslineUnderTest;

  beforeAll(async () => {
    system = await NewslineUnderTest.start();
  });

  afterAll(() => system?.stop());

  it('ingest answers any body with 202/200 or a well-formed 4xx, never a 5xx', async () => {
    let recorded = 0;
    const body = fc.oneof(
      fc.jsonValue().map((value) => JSON.stringify(value)),
      developmentLike.map((value) => JSON.stringify(value)),
      fc.string(),
      fc.string({ unit: 'grapheme' }),
      fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
    );
    const headers = fc.record(
      {
        'content-type': fc.constantFrom(
          'application/json',
          'application/json; charset=utf-8',
          'text/plain',
          'application/x-www-form-urlencoded',
          'application/xml',
        ),
        'idempotency-key': fc
          .string({ maxLength: 300 })
          .filter((key) => /^[\x20-\x7e]*$/.test(key)),
      },
      { requiredKeys: ['content-type'] },
    );
    await fc.assert(
      fc.asyncProperty(body, headers, async (payload, requestHeaders) => {
        const response = await fetch(`${system.ingestUrl}/v1/developments`, {
          method: 'POST',
          headers: requestHeaders,
          body: payload,
        });
        if (response.status === 202) recorded++;
        await expectWellFormed(response, [200, 202, 400, 413, 415]);
      }),
      { numRuns: 300 },
    );
    // Nothing but what was accepted reached the log, and the service is still up.
    expect(await system.lastSequence()).toBe(recorded);
    expect((await fetch(`${system.ingestUrl}/health`)).status).toBe(200);
  });

  it('batches, corrections and retractions answer any input well-formed; the log holds what they accepted', async () => {
    const before = await system.lastSequence();
    const recorded = await system.post('/v1/developments', {
      occurredOn: '2025-12-02',
      title: 'Target of hostile edits',
    });
    expect(recorded.status).toBe(202);
    const { developmentId } = (await recorded.json()) as { developmentId: string };
    let written = 1;
    const batchBody = fc.oneof(
      fc.array(fc.oneof(developmentLike, fc.anything()), { maxLength: 8 }).map((items) => ({
        type: 'application/json',
        text: JSON.stringify(items),
      })),
      fc
        .array(
          fc.oneof(
            developmentLike.map((value) => JSON.stringify(value)),
            fc.string({ unit: 'grapheme' }),
            fc.jsonValue().map((value) => JSON.stringify(value)),
          ),
          { maxLength: 8 },
        )
        .map((lines) => ({ type: 'application/x-ndjson', text: lines.join('\n') })),
      fc.jsonValue().map((value) => ({ type: 'application/json', text: JSON.stringify(value) })),
    );
    await fc.assert(
      fc.asyncProperty(batchBody, async ({ type, text }) => {
        const response = await fetch(`${system.ingestUrl}/v1/developments/batch`, {
          method: 'POST',
          headers: { 'content-type': type },
          body: text,
        });
        if (response.status === 200) {
          const answer = (await response.clone().json()) as { accepted: number };
          written += answer.accepted;
        }
        await expectWellFormed(response, [200, 400, 413, 415]);
      }),
      { numRuns: 150 },
    );
    const edit = fc.record({
      path: fc.constantFrom(
        `/v1/developments/${developmentId}/corrections`,
        `/v1/developments/${developmentId}/retraction`,
        '/v1/developments/not-a-uuid/corrections',
        '/v1/developments/00000000-0000-5000-8000-000000000000/retraction',
      ),
      body: fc.oneof(
        developmentLike.map((value) => JSON.stringify(value)),
        fc.record({ reason: fc.anything() }).map((value) => JSON.stringify(value)),
        fc.jsonValue().map((value) => JSON.stringify(value)),
        fc.string({ unit: 'grapheme' }),
      ),
      ifMatch: fc.option(fc.oneof(fc.constantFrom('"1"', '*', 'W/"2"'), fc.string()), {
        nil: undefined,
      }),
    });
    await fc.assert(
      fc.asyncProperty(edit, async ({ path, body, ifMatch }) => {
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (ifMatch !== undefined && /^[\x20-\x7e]*$/.test(ifMatch)) headers['if-match'] = ifMatch;
        const response = await fetch(`${system.ingestUrl}${path}`, {
          method: 'POST',
          headers,
          body,
        });
        if (response.status === 202) written++;
        await expectWellFormed(response, [202, 400, 404, 409, 412, 415]);
      }),
      { numRuns: 200 },
    );
    expect(await system.lastSequence()).toBe(before + written);
    await system.caughtUp();
    const projections = await system.getJson('/v1/projections');
    expect(
      projections.map((projection: { deadLetters: number }) => projection.deadLetters),
    ).toEqual([0, 0]);
  });

  it('answers a very long query string with a well-formed error, and stays up', async () => {
    const response = await system.get(`/v1/timeline?q=${'a'.repeat(20_000)}`);
    expect(response.status).toBe(431);
    expect(await response.json()).toEqual({
      error: 'headers_too_large',
      message: expect.any(String),
      details: [],
    });
    expect((await system.get('/health')).status).toBe(200);
  });

  it('the query API answers any query string with 200, 400 or 404, never a 5xx', async () => {
    const path = fc.constantFrom(
      '/v1/timeline',
      '/v1/actors',
      '/v1/topics',
      '/v1/actors/vladimir-putin/positions',
      '/v1/topics/peace-plan/positions',
      '/v1/developments/6f1d3c8e-2b7a-5e4f-9a0c-4d5e6f7a8b9c',
    );
    const parameter = fc.tuple(
      fc.constantFrom(
        'from',
        'to',
        'actor',
        'topic',
        'q',
        'order',
        'limit',
        'cursor',
        'asOf',
        'sort',
        'historyLimit',
        'includeRetracted',
        'x',
      ),
      fc.oneof(
        fc.string(),
        fc.string({ unit: 'grapheme' }),
        fc.integer().map(String),
        fc.constant('2025-02-30'),
      ),
    );
    await fc.assert(
      fc.asyncProperty(path, fc.array(parameter, { maxLength: 5 }), async (base, parameters) => {
        const query = new URLSearchParams(parameters).toString();
        const response = await system.get(`${base}${query ? `?${query}` : ''}`);
        await expectWellFormed(response, [200, 400, 404]);
      }),
      { numRuns: 300 },
    );
  });
});
