import Ajv2020, { ValidateFunction } from 'ajv/dist/2020';
import { maxHeaderSize } from 'node:http';
import addFormats from 'ajv-formats';
import { SignJWT } from 'jose';
import { generated } from './support/answers';
import { isolatedConfig, NewslineUnderTest } from './support/newsline-under-test';
import { sampleDevelopments } from './support/sample';
import { waitFor } from './support/wait-for';

const TOKENS = {
  INGEST_TOKEN: 'ingest-token',
  READ_TOKEN: 'read-token',
  ADMIN_TOKEN: 'admin-token',
};
/** Sign-in on as well, so that 403 (a valid signed token without the role) can be provoked. */
const AUTH_JWT_SECRET = 'openapi-e2e-shared-secret-of-32-characters-or-more';
const BATCH_BODY_LIMIT_BYTES = 256 * 1024;

/** The routes of docs/API.md and its additions, by service, as `method path`. */
const API_ROUTES = {
  ingest: [
    'post /v1/developments',
    'post /v1/developments/batch',
    'post /v1/developments/{developmentId}/corrections',
    'post /v1/developments/{developmentId}/retraction',
    'post /v1/actors/{actorId}/merge',
    'delete /v1/actors/{actorId}/merge',
    'get /v1/session',
    'get /health',
    'get /metrics',
  ],
  projector: [
    'get /v1/timeline',
    'get /v1/developments/{developmentId}',
    'get /v1/actors',
    'get /v1/actors/{actorId}',
    'get /v1/actors/{actorId}/positions',
    'get /v1/actors/{actorId}/similar',
    'get /v1/actors/duplicates',
    'get /v1/topics',
    'get /v1/topics/{topic}/positions',
    'post /v1/drafts',
    'get /v1/projections',
    'post /v1/projections/{name}/rebuild',
    'get /v1/rebuilds/{rebuildId}',
    'get /v1/stream',
    'get /v1/session',
    'get /health',
    'get /metrics',
  ],
};

/**
 * Documented answers this test does not provoke: rate limits (off here), PostgreSQL outages,
 * edits that keep losing races, and the projector's health when a dependency is down.
 */
const NOT_PROVOKED = [
  'ingest post /v1/developments 429',
  'ingest post /v1/developments/batch 429',
  'ingest post /v1/developments/{developmentId}/corrections 429',
  'ingest post /v1/developments/{developmentId}/retraction 429',
  'ingest post /v1/actors/{actorId}/merge 429',
  'ingest delete /v1/actors/{actorId}/merge 429',
  'projector get /v1/timeline 503',
  'projector get /v1/developments/{developmentId} 503',
  'projector get /v1/actors 503',
  'projector get /v1/actors/{actorId} 503',
  'projector get /v1/actors/{actorId}/positions 503',
  'projector get /v1/actors/{actorId}/similar 503',
  'projector get /v1/actors/duplicates 503',
  'projector get /v1/topics 503',
  'projector get /v1/topics/{topic}/positions 503',
  'projector get /v1/projections 503',
  'projector get /v1/changes 503',
  'projector post /v1/projections/{name}/rebuild 429',
  'projector post /v1/drafts 429',
  'projector post /v1/drafts 503',
  'projector get /health 503',
];

interface OpenApiOperation {
  security?: Array<Record<string, string[]>>;
  responses: Record<string, { content?: Record<string, { schema?: object }> }>;
}

/** The `text/event-stream` schema: the stream as an array of its events (SSE field objects). */
interface EventStreamSchema {
  items: {
    oneOf: Array<{
      properties: { event?: { enum: string[] }; data?: { contentSchema: object } };
    }>;
  };
}

interface OpenApiDocument {
  openapi: string;
  info: { title: string };
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, object>; securitySchemes?: Record<string, object> };
}

type ServiceName = keyof typeof API_ROUTES;

/** A service's OpenAPI document, and a check that an answer is one it documents. */
class DocumentedService {
  /** `method path status` of every answer checked against the document. */
  readonly answered = new Set<string>();
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true });
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(
    readonly name: ServiceName,
    readonly url: string,
    readonly document: OpenApiDocument,
  ) {
    addFormats(this.ajv);
  }

  operation(method: string, path: string): OpenApiOperation {
    const operation = this.document.paths[path]?.[method];
    if (!operation) throw new Error(`${this.name} documents no ${method.toUpperCase()} ${path}`);
    return operation;
  }

  /**
   * Fails unless the answer has `status`, the document has that status and the answer's media
   * type for the route (`path` as the document writes it), and a JSON body fits its schema.
   * Returns the body; a stream is left unread.
   */
  async expectAnswer(
    method: string,
    path: string,
    status: number,
    sent: Response | Promise<Response>,
  ): Promise<any> {
    const response = await sent;
    const key = `${method} ${path} ${response.status}`;
    expect(key).toBe(`${method} ${path} ${status}`);
    const documented = this.operation(method, path).responses[String(status)];
    if (!documented) throw new Error(`${this.name}: ${key} is not documented`);
    this.answered.add(key);
    const mediaType = (response.headers.get('content-type') ?? '').split(';')[0].trim();
    expect([key, mediaType, mediaType in (documented.content ?? {})]).toEqual([
      key,
      mediaType,
      true,
    ]);
    if (mediaType === 'text/event-stream') return undefined;
    if (mediaType !== 'application/json') return response.text();
    const body = await response.json();
    this.expectValid(`${key} ${mediaType}`, documented.content![mediaType].schema!, body);
    return body;
  }

  /** Validates against a schema of the document; its `$ref`s point into the components. */
  expectValid(what: string, schema: object, value: unknown): void {
    let validate = this.validators.get(what);
    if (!validate) {
      validate = this.ajv.compile({ ...schema, components: this.document.components });
      this.validators.set(what, validate);
    }
    if (!validate(value)) {
      const problems = this.ajv.errorsText(validate.errors, { separator: '\n' });
      const body = JSON.stringify(value).slice(0, 2000);
      throw new Error(`${this.name}: ${what} does not match its schema:\n${problems}\n${body}`);
    }
  }

  /** Every documented `method path status` of the service. */
  documentedAnswers(): string[] {
    return Object.entries(this.document.paths).flatMap(([path, operations]) =>
      Object.entries(operations).flatMap(([method, operation]) =>
        Object.keys(operation.responses).map((status) => `${method} ${path} ${status}`),
      ),
    );
  }
}

const RECORD = '/v1/developments';
const BATCH = '/v1/developments/batch';
const CORRECTIONS = '/v1/developments/{developmentId}/corrections';
const RETRACTION = '/v1/developments/{developmentId}/retraction';
const TIMELINE = '/v1/timeline';
const DEVELOPMENT = '/v1/developments/{developmentId}';
const ACTORS = '/v1/actors';
const ACTOR = '/v1/actors/{actorId}';
const ACTOR_POSITIONS = '/v1/actors/{actorId}/positions';
const MERGE = '/v1/actors/{actorId}/merge';
const SIMILAR = '/v1/actors/{actorId}/similar';
const DUPLICATES = '/v1/actors/duplicates';
const TOPICS = '/v1/topics';
const TOPIC_POSITIONS = '/v1/topics/{topic}/positions';
const PROJECTIONS = '/v1/projections';
const CHANGES = '/v1/changes';
const REBUILD = '/v1/projections/{name}/rebuild';
const REBUILD_STATE = '/v1/rebuilds/{rebuildId}';
const STREAM = '/v1/stream';
const DRAFTS = '/v1/drafts';
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

/** A path of the document with a plausible value in each parameter. */
const concrete = (template: string) =>
  template
    .replace('{developmentId}', UNKNOWN_ID)
    .replace('{name}', 'all')
    .replace(/\{[A-Za-z]+\}/g, 'x');

/** One Server-Sent Events message as the stream's schema models it: its fields, by name. */
function eventOf(message: string): Record<string, string | number> {
  const fields = Object.fromEntries(
    message
      .split('\n')
      .map((line) => [line.slice(0, line.indexOf(': ')), line.slice(line.indexOf(': ') + 2)]),
  );
  return 'retry' in fields ? { ...fields, retry: Number(fields.retry) } : fields;
}

describe('the OpenAPI documents', () => {
  let system: NewslineUnderTest;
  let ingest: DocumentedService;
  let projector: DocumentedService;
  const samples = sampleDevelopments();
  /** The developmentIds of the samples, in order. */
  const recorded: string[] = [];

  beforeAll(async () => {
    system = await NewslineUnderTest.start(
      isolatedConfig({
        ...TOKENS,
        AUTH_JWT_SECRET,
        BATCH_BODY_LIMIT_BYTES: String(BATCH_BODY_LIMIT_BYTES),
      }),
    );
    const documentOf = async (url: string) => {
      const response = await fetch(`${url}/docs-json`);
      expect(response.status).toBe(200);
      return (await response.json()) as OpenApiDocument;
    };
    ingest = new DocumentedService('ingest', system.ingestUrl, await documentOf(system.ingestUrl));
    projector = new DocumentedService(
      'projector',
      system.projectorUrl,
      await documentOf(system.projectorUrl),
    );
  });

  afterAll(() => system?.stop());

  const write = (
    path: string,
    body: unknown,
    { token = TOKENS.INGEST_TOKEN, contentType = 'application/json', headers = {} } = {},
  ) =>
    fetch(`${system.ingestUrl}${path}`, {
      method: 'POST',
      headers: {
        'content-type': contentType,
        ...(token && { authorization: `Bearer ${token}` }),
        ...headers,
      },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const correct = (id: string, body: unknown, headers: Record<string, string> = {}) =>
    write(`/v1/developments/${id}/corrections`, body, { headers });
  const retract = (id: string, body: unknown, headers: Record<string, string> = {}) =>
    write(`/v1/developments/${id}/retraction`, body, { headers });
  const read = (path: string, token: string | null = TOKENS.READ_TOKEN) =>
    fetch(`${system.projectorUrl}${path}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
  const expectRead = (template: string, path: string, status = 200, token?: string | null) =>
    projector.expectAnswer('get', template, status, read(path, token));

  it('serves OpenAPI 3 and Swagger UI on both services without a token', async () => {
    for (const service of [ingest, projector]) {
      expect(service.document.openapi).toMatch(/^3\.1\./);
      expect(service.document.info.title).toBe(`newsline ${service.name}`);
      const page = await fetch(`${service.url}/docs`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
      const html = await page.text();
      expect(html).toContain('id="swagger-ui"');
      // Every script is a file of this origin: the policy allows no inline script.
      expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
      for (const [, src] of html.matchAll(/<script src="([^"]+)"/g)) {
        const file = await fetch(`${service.url}${src}`);
        const type = file.headers.get('content-type');
        expect([src, file.status, type]).toEqual([src, 200, expect.stringMatching(/javascript/)]);
      }
    }
  });

  it('documents every route of API.md, with the bearer scheme of the token it needs', () => {
    for (const service of [ingest, projector]) {
      for (const route of API_ROUTES[service.name]) {
        const [method, path] = route.split(' ');
        expect(Object.keys(service.operation(method, path).responses)).not.toHaveLength(0);
      }
    }
    const schemesOf = (service: DocumentedService, method: string, path: string) =>
      (service.operation(method, path).security ?? []).flatMap(Object.keys);
    expect(schemesOf(ingest, 'post', RECORD)).toEqual(['ingestToken']);
    expect(schemesOf(projector, 'get', TIMELINE)).toEqual(['readToken']);
    expect(schemesOf(projector, 'post', REBUILD)).toEqual(['adminToken']);
    for (const service of [ingest, projector]) {
      // Open routes say they need nothing, rather than leave security unsaid.
      for (const path of ['/health', '/metrics', '/v1/session']) {
        const { security } = service.operation('get', path);
        expect([service.name, path, security]).toEqual([service.name, path, []]);
      }
    }
    expect(Object.keys(ingest.document.components.securitySchemes ?? {})).toEqual(['ingestToken']);
    expect(Object.keys(projector.document.components.schemas)).toEqual(
      expect.arrayContaining(['Development', 'TimelinePage', 'ProjectionStatus', 'Error']),
    );
  });

  it('records developments as documented: 202, 200, 400, 401, 413, 415', async () => {
    for (const development of samples) {
      const answer = await ingest.expectAnswer('post', RECORD, 202, write(RECORD, development));
      recorded.push(answer.developmentId);
    }
    const again = await ingest.expectAnswer('post', RECORD, 200, write(RECORD, samples[0]));
    expect(again).toMatchObject({ developmentId: recorded[0], duplicate: true });
    const invalid = { occurredOn: '2025-02-30', title: '', extra: true };
    const refused = await ingest.expectAnswer('post', RECORD, 400, write(RECORD, invalid));
    expect(refused.details.map((detail: any) => detail.path).sort()).toEqual([
      'extra',
      'occurredOn',
      'title',
    ]);
    await ingest.expectAnswer('post', RECORD, 401, write(RECORD, samples[0], { token: '' }));
    const text = { contentType: 'text/plain' };
    await ingest.expectAnswer('post', RECORD, 415, write(RECORD, 'occurredOn: today', text));
    const huge = { ...samples[0], body: 'x'.repeat(1_100_000) };
    await ingest.expectAnswer('post', RECORD, 413, write(RECORD, huge));
  });

  it('records batches as documented: valid, invalid and duplicate items; NDJSON; 400, 413, 415', async () => {
    const batch = [
      generated(0, 'openapi'),
      { occurredOn: 'someday', title: 'Not a date' },
      samples[0],
      { idempotencyKey: 'openapi-batch-1', development: generated(1, 'openapi') },
    ];
    const answer = await ingest.expectAnswer('post', BATCH, 200, write(BATCH, batch));
    expect(answer).toMatchObject({ accepted: 2, duplicates: 1, invalid: 1, unavailable: 0 });
    const lines = [
      JSON.stringify(generated(2, 'openapi')),
      '{not json',
      JSON.stringify(samples[1]),
    ];
    const ndjson = { contentType: 'application/x-ndjson' };
    const byLine = await ingest.expectAnswer(
      'post',
      BATCH,
      200,
      write(BATCH, lines.join('\n'), ndjson),
    );
    expect(byLine.results.map((result: any) => [result.line, result.status])).toEqual([
      [1, 'accepted'],
      [2, 'invalid'],
      [3, 'duplicate'],
    ]);
    await ingest.expectAnswer('post', BATCH, 400, write(BATCH, []));
    await ingest.expectAnswer('post', BATCH, 400, write(BATCH, samples[0]));
    await ingest.expectAnswer('post', BATCH, 401, write(BATCH, [samples[0]], { token: '' }));
    await ingest.expectAnswer('post', BATCH, 415, write(BATCH, 'a', { contentType: 'text/plain' }));
    const oversized = Array.from({ length: 60 }, () => ({ ...samples[0], body: 'y'.repeat(5000) }));
    await ingest.expectAnswer('post', BATCH, 413, write(BATCH, oversized));
  });

  it('edits as documented: 202, 200 repeats, 400, 401, 404, 409, 412, 413, 415', async () => {
    const [corrected, retracted] = recorded;
    const fix = { 'if-match': '"1"', 'idempotency-key': 'openapi-fix' };
    const withdrawal = { 'idempotency-key': 'openapi-retract' };
    const atRevision1 = { 'if-match': '1' };
    const huge = 'z'.repeat(1_100_000);
    const expectEdit = async (path: string, status: number, sent: Promise<Response>) => {
      const response = await sent;
      const etag = response.headers.get('etag');
      await ingest.expectAnswer('post', path, status, response);
      return etag;
    };
    const C = CORRECTIONS;
    const R = RETRACTION;
    expect(await expectEdit(C, 202, correct(corrected, { title: 'Fixed' }, fix))).toBe('"2"');
    expect(await expectEdit(C, 200, correct(corrected, { title: 'Fixed' }, fix))).toBe('"2"');
    expect(await expectEdit(C, 412, correct(corrected, { title: 'x' }, atRevision1))).toBe('"2"');
    await expectEdit(C, 400, correct(corrected, { stance: 'x', title: '' }));
    await expectEdit(C, 400, correct('not-a-uuid', { title: 'x' }));
    await expectEdit(C, 404, correct(UNKNOWN_ID, { title: 'x' }));
    await expectEdit(C, 413, correct(corrected, { body: huge }));
    expect(await expectEdit(R, 202, retract(retracted, { reason: 'Denied' }, withdrawal))).toBe(
      '"1"',
    );
    await expectEdit(R, 200, retract(retracted, { reason: 'Denied' }, withdrawal));
    await expectEdit(R, 409, retract(retracted, { reason: 'Again' }));
    await expectEdit(C, 409, correct(retracted, { title: 'After the retraction' }));
    await expectEdit(R, 400, retract(corrected, { reason: ' ' }));
    await expectEdit(R, 404, retract(UNKNOWN_ID, { reason: 'x' }));
    expect(await expectEdit(R, 412, retract(corrected, { reason: 'x' }, atRevision1))).toBe('"2"');
    await expectEdit(R, 413, retract(corrected, { reason: huge }));
    for (const [template, path] of [
      [C, `/v1/developments/${corrected}/corrections`],
      [R, `/v1/developments/${corrected}/retraction`],
    ]) {
      await expectEdit(template, 401, write(path, { reason: 'x' }, { token: '' }));
      await expectEdit(template, 415, write(path, 'x', { contentType: 'text/plain' }));
    }
  });

  it('merges actors as documented: 202, 200 repeats, 400, 401, 409, 413, 415', async () => {
    const merge = (id: string, body: unknown, options = {}) =>
      write(`/v1/actors/${encodeURIComponent(id)}/merge`, body, options);
    const unmerge = (id: string, token = TOKENS.INGEST_TOKEN) =>
      fetch(`${system.ingestUrl}/v1/actors/${encodeURIComponent(id)}/merge`, {
        method: 'DELETE',
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
    const into = { into: 'volodymyr-zelensky', reason: 'spelling' };
    await ingest.expectAnswer('post', MERGE, 202, merge('volodymyr-zelenskyy', into));
    await ingest.expectAnswer('post', MERGE, 200, merge('volodymyr-zelenskyy', into));
    await ingest.expectAnswer('post', MERGE, 400, merge('volodymyr-zelensky', into));
    await ingest.expectAnswer('post', MERGE, 400, merge('Not an id', into));
    const conflict = await ingest.expectAnswer(
      'post',
      MERGE,
      409,
      merge('zelenskiy', { into: 'volodymyr-zelenskyy' }),
    );
    expect(conflict.details[0].canonical).toBe('volodymyr-zelensky');
    await ingest.expectAnswer('post', MERGE, 401, merge('zelenskiy', into, { token: '' }));
    await ingest.expectAnswer(
      'post',
      MERGE,
      415,
      merge('zelenskiy', 'x', { contentType: 'text/plain' }),
    );
    const huge = { into: 'volodymyr-zelensky', reason: 'z'.repeat(1_100_000) };
    await ingest.expectAnswer('post', MERGE, 413, merge('zelenskiy', huge));
    await ingest.expectAnswer('delete', MERGE, 202, unmerge('volodymyr-zelenskyy'));
    await ingest.expectAnswer('delete', MERGE, 409, unmerge('volodymyr-zelenskyy'));
    await ingest.expectAnswer('delete', MERGE, 400, unmerge('Not an id'));
    await ingest.expectAnswer('delete', MERGE, 401, unmerge('volodymyr-zelenskyy', ''));
    const unmergeWithBody = (contentType: string, body: string) =>
      fetch(`${system.ingestUrl}/v1/actors/zelenskiy/merge`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${TOKENS.INGEST_TOKEN}`, 'content-type': contentType },
        body,
      });
    const hugeBody = JSON.stringify({ reason: 'z'.repeat(1_100_000) });
    await ingest.expectAnswer('delete', MERGE, 413, unmergeWithBody('application/json', hugeBody));
    await ingest.expectAnswer('delete', MERGE, 415, unmergeWithBody('text/plain', 'x'));
  });

  it('answers duplicate candidates as documented: 200, 400, 404', async () => {
    await system.caughtUp();
    const similar = await expectRead(SIMILAR, `${ACTORS}/volodymyr-zelensky/similar?limit=5`);
    expect(similar.actor.id).toBe('volodymyr-zelensky');
    await expectRead(SIMILAR, `${ACTORS}/volodymyr-zelensky/similar?limit=0`, 400);
    await expectRead(SIMILAR, `${ACTORS}/nobody-at-all/similar`, 404);
    const duplicates = await expectRead(DUPLICATES, `${DUPLICATES}?limit=1`);
    expect(duplicates.items.length).toBeLessThanOrEqual(1);
    await expectRead(DUPLICATES, `${DUPLICATES}?cursor=nonsense`, 400);
  });

  it('answers the timeline and developments as documented: pages, 400, 404', async () => {
    await system.caughtUp();
    let page = await expectRead(TIMELINE, `${TIMELINE}?limit=4`);
    let pages = 1;
    for (; page.nextCursor; pages++) {
      page = await expectRead(TIMELINE, `${TIMELINE}?limit=4&cursor=${page.nextCursor}`);
    }
    expect(pages).toBeGreaterThan(2);
    const all = await expectRead(TIMELINE, `${TIMELINE}?includeRetracted=true&order=desc`);
    expect(all.items.filter((item: any) => item.retracted)).toHaveLength(1);
    await expectRead(TIMELINE, `${TIMELINE}?q=peace&topic=peace-plan&from=2025-12-01`);
    await expectRead(TIMELINE, `${TIMELINE}?limit=0&order=sideways`, 400);

    const corrected = await expectRead(DEVELOPMENT, `/v1/developments/${recorded[0]}`);
    expect(corrected).toMatchObject({ revision: 2, history: [{}, {}] });
    await expectRead(DEVELOPMENT, `/v1/developments/${UNKNOWN_ID}`, 404);
    await expectRead(DEVELOPMENT, '/v1/developments/not-a-uuid', 400);
  });

  it('answers actors, topics, positions and projections as documented: pages, 400, 404', async () => {
    const zelensky = `${ACTORS}/volodymyr-zelensky`;
    const actors = await expectRead(ACTORS, `${ACTORS}?sort=activity&limit=3`);
    await expectRead(ACTORS, `${ACTORS}?sort=activity&limit=3&cursor=${actors.nextCursor}`);
    await expectRead(ACTORS, `${ACTORS}?sort=loudest`, 400);
    await expectRead(ACTOR, zelensky);
    await expectRead(ACTOR, `${ACTORS}/nobody-at-all`, 404);
    const positions = await expectRead(ACTOR_POSITIONS, `${zelensky}/positions`);
    expect(positions.positions).not.toHaveLength(0);
    await expectRead(ACTOR_POSITIONS, `${zelensky}/positions?asOf=2025-12-15&historyLimit=1`);
    await expectRead(ACTOR_POSITIONS, `${zelensky}/positions?asOf=May`, 400);
    await expectRead(ACTOR_POSITIONS, `${ACTORS}/nobody-at-all/positions`, 404);

    const topics = await expectRead(TOPICS, `${TOPICS}?sort=activity&limit=2`);
    await expectRead(TOPICS, `${TOPICS}?sort=activity&limit=2&cursor=${topics.nextCursor}`);
    await expectRead(TOPICS, `${TOPICS}?limit=501`, 400);
    const onPeacePlan = await expectRead(TOPIC_POSITIONS, `${TOPICS}/peace-plan/positions`);
    expect(onPeacePlan.positions).not.toHaveLength(0);
    await expectRead(TOPIC_POSITIONS, `${TOPICS}/peace-plan/positions?asOf=May`, 400);
    await expectRead(TOPIC_POSITIONS, `${TOPICS}/no-such-topic/positions`, 404);

    const projections = await expectRead(PROJECTIONS, PROJECTIONS);
    expect(projections.map((projection: any) => projection.name).sort()).toEqual([
      'positions',
      'timeline',
    ]);
  });

  it('answers known-at questions as documented: 200 with the header, 400, 409', async () => {
    await system.caughtUp();
    const head = await system.lastSequence();
    const zelensky = `${ACTORS}/volodymyr-zelensky`;
    const beyond = `knownAt=${head + 1000}`;
    const reads: Array<[string, string]> = [
      [TIMELINE, TIMELINE],
      [DEVELOPMENT, `/v1/developments/${recorded[0]}`],
      [ACTORS, ACTORS],
      [ACTOR, zelensky],
      [ACTOR_POSITIONS, `${zelensky}/positions`],
      [TOPICS, TOPICS],
      [TOPIC_POSITIONS, `${TOPICS}/peace-plan/positions`],
    ];
    for (const [template, path] of reads) {
      const answer = await read(`${path}?knownAt=${head}`);
      expect(answer.headers.get('newsline-known-at')).toBe(String(head));
      await expectRead(template, `${path}?knownAt=${head}`);
      await expectRead(template, `${path}?knownAt=${new Date().toISOString()}`);
      await expectRead(template, `${path}?${beyond}`, 409);
      await expectRead(template, `${path}?knownAt=yesterday`, 400);
    }
  });

  it('lists changes of position as documented: pages, 400, 401', async () => {
    await system.caughtUp();
    const page = await expectRead(CHANGES, `${CHANGES}?limit=2`);
    expect(page.items).toHaveLength(2);
    expect(page.nextCursor).toEqual(expect.any(String));
    await expectRead(CHANGES, `${CHANGES}?limit=2&cursor=${page.nextCursor}`);
    await expectRead(CHANGES, `${CHANGES}?actor=volodymyr-zelensky&topic=peace-plan`);
    await expectRead(CHANGES, `${CHANGES}?limit=0`, 400);
    await expectRead(CHANGES, CHANGES, 401, null);
  });

  it('drafts as documented: 200 to JSON, text and HTML; 400, 401, 413, 415', async () => {
    const article =
      'On December 3, Volodymyr Zelensky met the American delegation in Geneva. ' +
      'Two days later, on December 5, the delegations met again.';
    const draft = (
      body: string,
      { contentType = 'application/json', query = '', token = TOKENS.INGEST_TOKEN } = {},
    ) =>
      fetch(`${system.projectorUrl}${DRAFTS}${query}`, {
        method: 'POST',
        headers: {
          'content-type': contentType,
          ...(token && { authorization: `Bearer ${token}` }),
        },
        body,
      });
    const expectDraft = (status: number, sent: Promise<Response>) =>
      projector.expectAnswer('post', DRAFTS, status, sent);
    const json = (fields: Record<string, unknown>) =>
      JSON.stringify({ publishedOn: '2025-12-20', ...fields });
    const onDay = '?publishedOn=2025-12-20';
    const drafted = await expectDraft(200, draft(json({ text: article })));
    expect(drafted.text).toBe(article);
    expect(drafted.drafts).not.toHaveLength(0);
    await expectDraft(200, draft(article, { contentType: 'text/plain', query: onDay }));
    const html = `<html><body><nav>Menu</nav><article><p>${article}</p></article></body></html>`;
    const fromHtml = await expectDraft(
      200,
      draft(html, { contentType: 'text/html', query: onDay }),
    );
    expect(fromHtml.text).toBe(article);
    const both = await expectDraft(400, draft(json({ text: article, html })));
    expect(both.details.map((detail: any) => detail.path)).toEqual(['html']);
    await expectDraft(400, draft(article, { contentType: 'text/plain' }));
    await expectDraft(401, draft(json({ text: article }), { token: '' }));
    await expectDraft(413, draft(json({ text: 'z'.repeat(205_000) })));
    await expectDraft(415, draft('<a/>', { contentType: 'application/xml' }));
  });

  it('answers reads without the read token with the documented 401', async () => {
    const reads: Array<[string, string]> = [
      [TIMELINE, TIMELINE],
      [DEVELOPMENT, `/v1/developments/${recorded[0]}`],
      [ACTORS, ACTORS],
      [ACTOR, `${ACTORS}/volodymyr-zelensky`],
      [ACTOR_POSITIONS, `${ACTORS}/volodymyr-zelensky/positions`],
      [SIMILAR, `${ACTORS}/volodymyr-zelensky/similar`],
      [DUPLICATES, DUPLICATES],
      [TOPICS, TOPICS],
      [TOPIC_POSITIONS, `${TOPICS}/peace-plan/positions`],
      [PROJECTIONS, PROJECTIONS],
      [REBUILD_STATE, '/v1/rebuilds/0123456789ab'],
      [STREAM, STREAM],
    ];
    for (const [template, path] of reads) await expectRead(template, path, 401, null);
  });

  it('rebuilds as documented: 202 and the rebuild followed to its end; 409, 404, 401; 400, 413, 415 to a body', async () => {
    const rebuild = (name: string, token = TOKENS.ADMIN_TOKEN) =>
      fetch(`${system.projectorUrl}/v1/projections/${name}/rebuild`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
      });
    // Started together, one of the two finds the other running.
    const [started, refused] = (await Promise.all([rebuild('all'), rebuild('all')])).sort(
      (a, b) => a.status - b.status,
    );
    const { rebuildId } = await projector.expectAnswer('post', REBUILD, 202, started);
    await projector.expectAnswer('post', REBUILD, 409, refused);
    await projector.expectAnswer('post', REBUILD, 404, rebuild('everything'));
    await projector.expectAnswer('post', REBUILD, 401, rebuild('all', TOKENS.READ_TOKEN));
    const finished = await waitFor('the rebuild to finish', async () => {
      const state = await expectRead(REBUILD_STATE, `/v1/rebuilds/${rebuildId}`);
      return state.status === 'running' ? undefined : state;
    });
    expect(finished).toMatchObject({ status: 'succeeded', projections: ['timeline', 'positions'] });
    await expectRead(REBUILD_STATE, '/v1/rebuilds/0123456789ab', 404);
    // The route takes no body; one sent is read, and refused, before the route runs.
    const withBody = (contentType: string, body: string) =>
      fetch(`${system.projectorUrl}/v1/projections/all/rebuild`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKENS.ADMIN_TOKEN}`, 'content-type': contentType },
        body,
      });
    const huge = JSON.stringify({ padding: 'z'.repeat(1_100_000) });
    await projector.expectAnswer('post', REBUILD, 400, withBody('application/json', '{not json'));
    await projector.expectAnswer('post', REBUILD, 413, withBody('application/json', huge));
    await projector.expectAnswer('post', REBUILD, 415, withBody('text/plain', 'all'));
  });

  it('streams developments as documented Server-Sent Events', async () => {
    const abort = new AbortController();
    const response = await fetch(`${system.projectorUrl}${STREAM}?lastEventId=0`, {
      headers: { authorization: `Bearer ${TOKENS.READ_TOKEN}` },
      signal: abort.signal,
    });
    await projector.expectAnswer('get', STREAM, 200, response);
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    while (!/\ndata: .*\n\n/.test(text)) text += (await reader.read()).value ?? '';
    abort.abort();
    // Every whole message received, comments (keep-alives) left out, as the schema models them.
    const events = text
      .split('\n\n')
      .slice(0, -1)
      .filter((message) => !message.startsWith(':'))
      .map(eventOf);
    expect(events[0]).toEqual({ retry: 2000 });
    const content = projector.operation('get', STREAM).responses['200'].content!;
    const schema = content['text/event-stream'].schema as EventStreamSchema;
    projector.expectValid('the stream', schema, events);
    const developments = events.filter((event) => event.event === 'development');
    expect(developments).not.toHaveLength(0);
    for (const { id, event, data } of developments) {
      const message = JSON.parse(String(data));
      expect(message.sequence).toBe(Number(id));
      const variant = schema.items.oneOf.find((item) =>
        item.properties.event?.enum.includes(`${event}`),
      );
      projector.expectValid(`a ${event} message`, variant!.properties.data!.contentSchema, message);
    }
    await expectRead(STREAM, `${STREAM}?lastEventId=yesterday`, 400);
  });

  it('answers the session as documented, and 403 to a signed token without the role', async () => {
    const signed = (claims: Record<string, unknown>) =>
      new SignJWT({ exp: Math.floor(Date.now() / 1000) + 3600, ...claims })
        .setProtectedHeader({ alg: 'HS256' })
        .sign(new TextEncoder().encode(AUTH_JWT_SECRET));
    const noRole = { authorization: `Bearer ${await signed({ sub: 'nobody' })}` };
    const expired = { authorization: `Bearer ${await signed({ sub: 'x', exp: 1 })}` };
    for (const service of [ingest, projector]) {
      const session = (headers: Record<string, string>) =>
        fetch(`${service.url}/v1/session`, { headers });
      await service.expectAnswer('get', '/v1/session', 200, session({}));
      await service.expectAnswer('get', '/v1/session', 401, session(expired));
      for (const [template, operations] of Object.entries(service.document.paths)) {
        for (const [method, operation] of Object.entries(operations)) {
          if (!operation.responses['403']) continue;
          const answer = fetch(`${service.url}${concrete(template)}`, {
            method: method.toUpperCase(),
            headers: { 'content-type': 'application/json', ...noRole },
            body: method === 'get' ? undefined : '{}',
          });
          await service.expectAnswer(method, template, 403, answer);
        }
      }
    }
  });

  it('answers health and metrics as documented, open on both services', async () => {
    for (const service of [ingest, projector]) {
      const health = await service.expectAnswer(
        'get',
        '/health',
        200,
        fetch(`${service.url}/health`),
      );
      expect(health.status).toBe('ok');
      const metrics = await service.expectAnswer(
        'get',
        '/metrics',
        200,
        fetch(`${service.url}/metrics`),
      );
      expect(metrics).toContain('newsline_');
    }
  });

  it('answers 431 on every operation to request headers over the limit, as documented', async () => {
    const padding = { 'x-padding': 'p'.repeat(maxHeaderSize) };
    for (const service of [ingest, projector]) {
      for (const [template, operations] of Object.entries(service.document.paths)) {
        for (const method of Object.keys(operations)) {
          const answer = fetch(`${service.url}${concrete(template)}`, {
            method: method.toUpperCase(),
            headers: padding,
          });
          await service.expectAnswer(method, template, 431, answer);
        }
      }
    }
  });

  it('answers 503 as documented when the log is unreachable', async () => {
    const cutOff = await NewslineUnderTest.startIngestOnly(
      isolatedConfig({ ...TOKENS, NATS_URL: 'nats://127.0.0.1:1', PUBLISH_TIMEOUT_MS: '500' }),
    );
    const post = (path: string, body: unknown) =>
      fetch(`${cutOff.ingestUrl}${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${TOKENS.INGEST_TOKEN}`,
        },
        body: JSON.stringify(body),
      });
    try {
      const [id] = recorded;
      await ingest.expectAnswer('post', RECORD, 503, post(RECORD, samples[0]));
      await ingest.expectAnswer('post', BATCH, 503, post(BATCH, [samples[0]]));
      const correction = post(`/v1/developments/${id}/corrections`, { title: 'x' });
      await ingest.expectAnswer('post', CORRECTIONS, 503, correction);
      const retraction = post(`/v1/developments/${id}/retraction`, { reason: 'x' });
      await ingest.expectAnswer('post', RETRACTION, 503, retraction);
      const merge = post('/v1/actors/zelenskiy/merge', { into: 'volodymyr-zelensky' });
      await ingest.expectAnswer('post', MERGE, 503, merge);
      const unmerge = fetch(`${cutOff.ingestUrl}/v1/actors/zelenskiy/merge`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${TOKENS.INGEST_TOKEN}` },
      });
      await ingest.expectAnswer('delete', MERGE, 503, unmerge);
      await ingest.expectAnswer('get', '/health', 503, fetch(`${cutOff.ingestUrl}/health`));
    } finally {
      await cutOff.stop();
    }
  });

  it('has been checked on every documented answer but the few it does not provoke', () => {
    const unchecked = [ingest, projector].flatMap((service) =>
      service
        .documentedAnswers()
        .filter((answer) => !service.answered.has(answer))
        .map((answer) => `${service.name} ${answer}`),
    );
    expect(unchecked.sort()).toEqual([...NOT_PROVOKED].sort());
  });
});
