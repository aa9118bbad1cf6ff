import fc from 'fast-check';
import {
  answerOf,
  asReceived,
  checkCase,
  errorBodyOf,
  expectAnswer,
  expectCorrelationEcho,
  expectNamed,
  fuzzSeed,
  headersOf,
  hostileHeaderValue,
  send,
  sendRaw,
  wrongAuthorization,
} from './support/fuzz';
import {
  expectedStatuses,
  invalidParameterNames,
  knownHostileQueries,
  QueryCase,
  queryRoutes,
  queryUrl,
  readSeededModel,
  SeededReadModel,
} from './support/hostile-queries';
import { isolatedConfig, NewslineUnderTest } from './support/newsline-under-test';
import { sampleDevelopments } from './support/sample';

const SEED = fuzzSeed();

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

let developmentsMade = 0;
/** A valid development no earlier request has recorded. */
const freshDevelopment = (what: string) =>
  JSON.stringify({ occurredOn: '2025-12-02', title: `${what} ${++developmentsMade}` });

/** After the fuzz, a plain write is recorded and projected, and plain reads answer. */
async function expectStillServing(
  system: NewslineUnderTest,
  ingestHeaders: Record<string, string> = {},
): Promise<void> {
  const recorded = await system.post(
    '/v1/developments',
    freshDevelopment('After the fuzz'),
    ingestHeaders,
  );
  expect(recorded.status).toBe(202);
  const { developmentId } = (await recorded.json()) as { developmentId: string };
  await system.caughtUp();
  const development = await system.get(`/v1/developments/${developmentId}`);
  expect(development.status).toBe(200);
  expect(((await development.json()) as { title: string }).title).toMatch(/^After the fuzz/);
  expect((await system.get('/v1/timeline?q=fuzz&limit=5')).status).toBe(200);
  expect((await system.get('/health')).status).toBe(200);
}

describe(`hostile input (FUZZ_SEED=${SEED})`, () => {
  let system: NewslineUnderTest;
  let seeded: SeededReadModel;

  beforeAll(async () => {
    system = await NewslineUnderTest.start();
    for (const development of sampleDevelopments()) {
      expect((await system.post('/v1/developments', development)).status).toBe(202);
    }
    await system.caughtUp();
    seeded = await readSeededModel(system);
  });

  afterAll(() => system?.stop());

  it('ingest answers any body with 202/200 or a well-formed 4xx, never a 5xx', async () => {
    const before = await system.lastSequence();
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
        await checkCase(
          SEED,
          `POST /v1/developments ${JSON.stringify(requestHeaders)}`,
          async () => {
            const response = await fetch(`${system.ingestUrl}/v1/developments`, {
              method: 'POST',
              headers: requestHeaders,
              body: payload,
            });
            if (response.status === 202) recorded++;
            expectAnswer(await answerOf(response), [200, 202, 400, 413, 415]);
          },
        );
      }),
      { seed: SEED, numRuns: 300 },
    );
    // Nothing but what was accepted reached the log, and the service is still up.
    expect(await system.lastSequence()).toBe(before + recorded);
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
        await checkCase(SEED, `POST /v1/developments/batch (${type})`, async () => {
          const answer = await answerOf(
            await fetch(`${system.ingestUrl}/v1/developments/batch`, {
              method: 'POST',
              headers: { 'content-type': type },
              body: text,
            }),
          );
          expectAnswer(answer, [200, 400, 413, 415]);
          if (answer.status === 200)
            written += (JSON.parse(answer.text) as { accepted: number }).accepted;
        });
      }),
      { seed: SEED, numRuns: 150 },
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
        await checkCase(SEED, `POST ${path}`, async () => {
          const headers: Record<string, string> = { 'content-type': 'application/json' };
          if (ifMatch !== undefined && /^[\x20-\x7e]*$/.test(ifMatch))
            headers['if-match'] = ifMatch;
          const response = await fetch(`${system.ingestUrl}${path}`, {
            method: 'POST',
            headers,
            body,
          });
          if (response.status === 202) written++;
          expectAnswer(await answerOf(response), [202, 400, 404, 409, 412, 415]);
        });
      }),
      { seed: SEED, numRuns: 200 },
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

  it('answers hostile query parameters aimed at the seeded read model as the contract says, never a 5xx', async () => {
    const routes = queryRoutes(seeded);
    const answeredFromRows = new Set<string>();
    await fc.assert(
      fc.asyncProperty(fc.oneof(...routes.map((route) => route.cases)), async (query) => {
        const url = queryUrl(query);
        await checkCase(SEED, `GET ${url} (${query.route})`, async () => {
          const answer = await answerOf(await system.get(url));
          expectAnswer(answer, expectedStatuses(query));
          if (answer.status === 400) expectNamed(answer, invalidParameterNames(query));
          if (answer.status === 200) answeredFromRows.add(query.route);
        });
      }),
      {
        seed: SEED,
        numRuns: 700,
        examples: knownHostileQueries(seeded).map((query): [QueryCase] => [query]),
      },
    );
    // The fuzz reached SQL: every route over the seeded rows answered some of it.
    const neverAnswered = routes.filter(
      (route) => route.readsRows && !answeredFromRows.has(route.name),
    );
    expect(neverAnswered.map((route) => route.name)).toEqual([]);
  });

  it('still records and answers normally after the fuzz', () => expectStillServing(system));
});

const TOKENS = {
  INGEST_TOKEN: 'ingest-secret',
  READ_TOKEN: 'read-secret',
  ADMIN_TOKEN: 'admin-secret',
};
const bearer = (token: string) => `Bearer ${token}`;

/** A route behind a token; only those that say how they succeed are ever sent the right one. */
interface GuardedRoute {
  name: string;
  secret: string;
  method: string;
  url: () => string;
  body?: () => string;
  succeeds?: number[];
}

const HOSTILE_HEADERS = [
  'X-Correlation-Id',
  'Authorization',
  'If-Match',
  'Idempotency-Key',
  'Last-Event-ID',
];

describe(`hostile headers, with tokens configured (FUZZ_SEED=${SEED})`, () => {
  let system: NewslineUnderTest;
  const ingestToken = { authorization: bearer(TOKENS.INGEST_TOKEN) };
  const readToken = { authorization: bearer(TOKENS.READ_TOKEN) };

  beforeAll(async () => {
    system = await NewslineUnderTest.start(isolatedConfig(TOKENS));
  });

  afterAll(() => system?.stop());

  it('answers anything but the right token with 401, on every kind of route', async () => {
    const before = await system.lastSequence();
    let recorded = 0;
    const routes: GuardedRoute[] = [
      {
        name: 'record',
        secret: TOKENS.INGEST_TOKEN,
        method: 'POST',
        url: () => `${system.ingestUrl}/v1/developments`,
        body: () => freshDevelopment('Authorized'),
        succeeds: [202],
      },
      {
        name: 'unmerge',
        secret: TOKENS.INGEST_TOKEN,
        method: 'DELETE',
        url: () => `${system.ingestUrl}/v1/actors/nobody-known/merge`,
      },
      {
        name: 'timeline',
        secret: TOKENS.READ_TOKEN,
        method: 'GET',
        url: () => `${system.projectorUrl}/v1/timeline?limit=1`,
        succeeds: [200],
      },
      {
        name: 'stream',
        secret: TOKENS.READ_TOKEN,
        method: 'GET',
        url: () => `${system.projectorUrl}/v1/stream`,
        succeeds: [200],
      },
      {
        name: 'rebuild',
        secret: TOKENS.ADMIN_TOKEN,
        method: 'POST',
        url: () => `${system.projectorUrl}/v1/projections/all/rebuild`,
      },
    ];
    const cases = fc.constantFrom(...routes).chain((route) =>
      fc.record({
        route: fc.constant(route),
        authorization: route.succeeds
          ? fc.oneof(
              fc.constant(bearer(route.secret)),
              wrongAuthorization(route.secret, Object.values(TOKENS)),
            )
          : wrongAuthorization(route.secret, Object.values(TOKENS)),
        correlationId: fc.option(hostileHeaderValue, { nil: undefined }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(cases, async ({ route, authorization, correlationId }) => {
        await checkCase(SEED, `${route.method} ${route.url()} (${route.name})`, async () => {
          const answer = await send(route.url(), {
            method: route.method,
            headers: headersOf({
              'content-type': route.body ? 'application/json' : undefined,
              authorization,
              'x-correlation-id': correlationId,
            }),
            body: route.body?.(),
          });
          if (route.succeeds && authorization === bearer(route.secret)) {
            expectAnswer(answer, route.succeeds);
            if (answer.status === 202) recorded++;
          } else {
            expectAnswer(answer, [401]);
            expect(errorBodyOf(answer).error).toBe('unauthorized');
            expect(answer.headers['www-authenticate']).toMatch(/^Bearer/);
          }
          expectCorrelationEcho(answer, correlationId);
        });
      }),
      { seed: SEED, numRuns: 250 },
    );
    expect(await system.lastSequence()).toBe(before + recorded);
  });

  it('records under a well-formed Idempotency-Key once, and refuses a malformed one with 400', async () => {
    const before = await system.lastSequence();
    const recordedUnder = new Map<string, string>();
    let recorded = 0;
    const cases = fc.record({
      key: fc.option(
        fc.oneof(
          hostileHeaderValue,
          fc.constantFrom('k-1', 'k-2', 'k-3', '!'.repeat(200), '~'.repeat(201), 'a key'),
        ),
        { nil: undefined, freq: 6 },
      ),
      correlationId: fc.option(hostileHeaderValue, { nil: undefined }),
    });
    await fc.assert(
      fc.asyncProperty(cases, async ({ key, correlationId }) => {
        await checkCase(
          SEED,
          `POST /v1/developments, Idempotency-Key ${JSON.stringify(key)}`,
          async () => {
            const answer = await send(`${system.ingestUrl}/v1/developments`, {
              method: 'POST',
              headers: headersOf({
                'content-type': 'application/json',
                ...ingestToken,
                'idempotency-key': key,
                'x-correlation-id': correlationId,
              }),
              body: freshDevelopment('Keyed'),
            });
            expectCorrelationEcho(answer, correlationId);
            const received = key === undefined ? undefined : asReceived(key);
            if (received !== undefined && !/^[\x21-\x7e]{1,200}$/.test(received)) {
              expectAnswer(answer, [400]);
              expectNamed(answer, ['Idempotency-Key']);
              return;
            }
            const earlier = received === undefined ? undefined : recordedUnder.get(received);
            expectAnswer(answer, [earlier ? 200 : 202]);
            const outcome = JSON.parse(answer.text) as {
              developmentId: string;
              duplicate: boolean;
            };
            expect(outcome.duplicate).toBe(earlier !== undefined);
            if (earlier) expect(outcome.developmentId).toBe(earlier);
            else recorded++;
            if (received !== undefined) recordedUnder.set(received, outcome.developmentId);
          },
        );
      }),
      { seed: SEED, numRuns: 150 },
    );
    expect(await system.lastSequence()).toBe(before + recorded);
  });

  it('corrects only at the revision If-Match names, and refuses an unreadable one with 400', async () => {
    const target = await system.post(
      '/v1/developments',
      freshDevelopment('Target of conditional corrections'),
      ingestToken,
    );
    expect(target.status).toBe(202);
    const { developmentId } = (await target.json()) as { developmentId: string };
    const before = await system.lastSequence();
    let revision = 1;
    const forms = {
      bare: (r: number) => `${r}`,
      strong: (r: number) => `"${r}"`,
      weak: (r: number) => `W/"${r}"`,
      padded: (r: number) => ` \t"${r}"\t `,
    };
    const form = fc.constantFrom(...(Object.keys(forms) as Array<keyof typeof forms>));
    const ifMatch = fc.oneof(
      fc.record({ kind: fc.constant('absent' as const) }),
      fc.record({ kind: fc.constant('any' as const), value: fc.constantFrom('*', ' * ', '\t*') }),
      fc.record({ kind: fc.constant('current' as const), form }),
      fc.record({ kind: fc.constant('first' as const), form }),
      fc.record({
        kind: fc.constant('ahead' as const),
        form,
        by: fc.integer({ min: 1, max: 1_000_000 }),
      }),
      fc.record({
        kind: fc.constant('outOfRange' as const),
        value: fc.constantFrom('0', '-1', '-0', '12345678901', '99999999999999999999', '1e3'),
      }),
      fc.record({
        kind: fc.constant('garbage' as const),
        value: hostileHeaderValue.filter(
          (value) => !/[0-9]/.test(value) && asReceived(value) !== '*',
        ),
      }),
    );
    const cases = fc.record({
      ifMatch,
      correlationId: fc.option(hostileHeaderValue, { nil: undefined }),
    });
    await fc.assert(
      fc.asyncProperty(cases, async ({ ifMatch: condition, correlationId }) => {
        const [value, allowed] = ((): [string | undefined, number[]] => {
          switch (condition.kind) {
            case 'absent':
              return [undefined, [202]];
            case 'any':
              return [condition.value, [202]];
            case 'current':
              return [forms[condition.form](revision), [202]];
            case 'first':
              return [forms[condition.form](1), [revision === 1 ? 202 : 412]];
            case 'ahead':
              return [forms[condition.form](revision + condition.by), [412]];
            case 'outOfRange':
              return [condition.value, [400, 412]];
            case 'garbage':
              return [condition.value, [400]];
          }
        })();
        await checkCase(
          SEED,
          `correction at revision ${revision}, If-Match ${JSON.stringify(value)}`,
          async () => {
            const answer = await send(
              `${system.ingestUrl}/v1/developments/${developmentId}/corrections`,
              {
                method: 'POST',
                headers: headersOf({
                  'content-type': 'application/json',
                  ...ingestToken,
                  'if-match': value,
                  'x-correlation-id': correlationId,
                }),
                body: JSON.stringify({ title: `Conditional correction ${++developmentsMade}` }),
              },
            );
            expectAnswer(answer, allowed);
            expectCorrelationEcho(answer, correlationId);
            if (answer.status === 202) revision++;
            if (answer.status === 412)
              expect(errorBodyOf(answer).error).toBe('precondition_failed');
            if (condition.kind === 'garbage') expectNamed(answer, ['If-Match']);
          },
        );
      }),
      { seed: SEED, numRuns: 150 },
    );
    expect(await system.lastSequence()).toBe(before + revision - 1);
  });

  it('resumes the stream after a sequence in Last-Event-ID (or ?lastEventId=), and refuses anything else with 400', async () => {
    const sequenceLike = fc.constantFrom(
      '0',
      '1',
      '7',
      '999999999999999',
      '9999999999999999',
      '00',
      ' 7',
      '7 ',
    );
    const resumeAfter = fc.oneof(hostileHeaderValue, sequenceLike);
    const cases = fc.record({
      where: fc.oneof(
        fc.record({ via: fc.constant('header' as const), value: resumeAfter }),
        // Short enough that the request line stays under the 16 KiB limit once percent-encoded.
        fc.record({
          via: fc.constant('query' as const),
          value: resumeAfter.filter((value) => value.length <= 1000),
        }),
      ),
      correlationId: fc.option(hostileHeaderValue, { nil: undefined }),
    });
    await fc.assert(
      fc.asyncProperty(cases, async ({ where: { via, value }, correlationId }) => {
        const url =
          via === 'header'
            ? `${system.projectorUrl}/v1/stream`
            : `${system.projectorUrl}/v1/stream?${new URLSearchParams({ lastEventId: value }).toString()}`;
        await checkCase(
          SEED,
          `GET ${url}, Last-Event-ID ${JSON.stringify(value)} in the ${via}`,
          async () => {
            const answer = await send(url, {
              headers: headersOf({
                ...readToken,
                'last-event-id': via === 'header' ? value : undefined,
                'x-correlation-id': correlationId,
              }),
            });
            const received = via === 'header' ? asReceived(value) : value;
            if (received === '' || /^\d{1,15}$/.test(received)) expectAnswer(answer, [200]);
            else if (/^\d+$/.test(received)) expectAnswer(answer, [200, 400]);
            else {
              expectAnswer(answer, [400]);
              expectNamed(answer, ['Last-Event-ID']);
            }
            if (answer.status === 200)
              expect(answer.headers['content-type']).toMatch(/^text\/event-stream/);
            expectCorrelationEcho(answer, correlationId);
          },
        );
      }),
      { seed: SEED, numRuns: 100 },
    );
  });

  it('refuses header values HTTP forbids, and headers over the limit, with well-formed errors', async () => {
    for (const url of [system.ingestUrl, system.projectorUrl]) {
      for (const header of HOSTILE_HEADERS) {
        for (const forbidden of ['\x00', '\x01', '\x1b', '\x7f', '\r']) {
          await checkCase(SEED, `${header}: a${JSON.stringify(forbidden)}b at ${url}`, async () => {
            const answer = await sendRaw(
              url,
              `GET /v1/timeline HTTP/1.1\r\nHost: newsline\r\n${header}: a${forbidden}b\r\n` +
                'Connection: close\r\n\r\n',
            );
            expectAnswer(answer, [400]);
          });
        }
      }
      const fourKilobytesEach = Object.fromEntries(
        HOSTILE_HEADERS.map((header) => [header, 'x'.repeat(4096)]),
      );
      const tooLarge = await send(`${url}/v1/timeline`, { headers: fourKilobytesEach });
      expectAnswer(tooLarge, [431]);
      expect(errorBodyOf(tooLarge).error).toBe('headers_too_large');
    }
  });

  it('still records and answers normally after the fuzz', () =>
    expectStillServing(system, ingestToken));
});
