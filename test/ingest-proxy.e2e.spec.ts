import { isolatedConfig, NewslineUnderTest } from './support/newsline-under-test';
import { sampleDevelopments } from './support/sample';
import { waitFor } from './support/wait-for';

type Json = Record<string, any>;

const INGEST_TOKEN = 'proxy-ingest-secret';
const AUTHORIZED = { authorization: `Bearer ${INGEST_TOKEN}` };
const MIB = 1024 * 1024;

interface Answer {
  status: number;
  headers: Headers;
  body: string;
}

/** The parts of an answer ingest decides: status, body and the headers it sets. */
const decided = (answer: Answer) => ({
  status: answer.status,
  body: answer.body,
  contentType: answer.headers.get('content-type'),
  etag: answer.headers.get('etag'),
  retryAfter: answer.headers.get('retry-after'),
  wwwAuthenticate: answer.headers.get('www-authenticate'),
});

describe("the projector forwards ingest's write routes to ingest", () => {
  let system: NewslineUnderTest;
  const [first, second, third] = sampleDevelopments();

  beforeAll(async () => {
    system = await NewslineUnderTest.start(isolatedConfig({ INGEST_TOKEN }));
  });

  afterAll(() => system?.stop());

  const send = async (
    base: string,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer> => {
    const given: Record<string, string> = {
      ...(body !== undefined && { 'content-type': 'application/json' }),
      ...AUTHORIZED,
      ...headers,
    };
    const response = await fetch(`${base}${path}`, {
      method,
      // An empty value leaves the header out.
      headers: Object.fromEntries(Object.entries(given).filter(([, value]) => value !== '')),
      body: body === undefined || typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, headers: response.headers, body: await response.text() };
  };
  const viaProjector = (method: string, path: string, body?: unknown, headers = {}) =>
    send(system.projectorUrl, method, path, body, headers);
  const direct = (method: string, path: string, body?: unknown, headers = {}) =>
    send(system.ingestUrl, method, path, body, headers);
  const record = async (development: Json): Promise<string> => {
    const answer = await viaProjector('POST', '/v1/developments', development);
    expect(answer.status).toBe(202);
    return (JSON.parse(answer.body) as { developmentId: string }).developmentId;
  };

  it('records a development: 202, then the projector shows it; a repeat is the 200 duplicate', async () => {
    const answer = await viaProjector('POST', '/v1/developments', first, {
      'idempotency-key': 'proxy-first',
      'x-correlation-id': 'proxy-correlation-1',
    });
    expect(answer.status).toBe(202);
    expect(answer.headers.get('x-correlation-id')).toBe('proxy-correlation-1');
    const recorded = JSON.parse(answer.body) as Json;
    expect(recorded).toEqual({
      developmentId: expect.any(String),
      eventId: expect.any(String),
      sequence: expect.any(Number),
      duplicate: false,
    });

    const development = await waitFor('the development on the projector', async () => {
      const response = await fetch(
        `${system.projectorUrl}/v1/developments/${recorded.developmentId}`,
      );
      return response.status === 200 ? ((await response.json()) as Json) : undefined;
    });
    expect(development.title).toBe(first.title);

    const repeat = await viaProjector('POST', '/v1/developments', first, {
      'idempotency-key': 'proxy-first',
    });
    expect(repeat.status).toBe(200);
    expect(JSON.parse(repeat.body)).toEqual({ ...recorded, duplicate: true });
  });

  it("gives ingest the request's correlation id, the client's or the projector's", async () => {
    const given = await viaProjector(
      'POST',
      '/v1/developments',
      { ...second, title: 'Correlated by the client' },
      { 'x-correlation-id': 'proxy-correlation-2' },
    );
    const made = await viaProjector('POST', '/v1/developments', {
      ...third,
      title: 'Correlated by the projector',
    });
    expect([given.status, made.status]).toEqual([202, 202]);
    const madeId = made.headers.get('x-correlation-id');
    expect(madeId).toMatch(/^[0-9a-f-]{36}$/);

    const correlationOf = new Map(
      (await system.log.messages(system.config.STREAM_NAME)).map((message) => {
        const event = message.json<Json>();
        return [event.eventId as string, event.correlationId as string];
      }),
    );
    expect(correlationOf.get(JSON.parse(given.body).eventId)).toBe('proxy-correlation-2');
    expect(correlationOf.get(JSON.parse(made.body).eventId)).toBe(madeId);
  });

  it('answers a bad body exactly as ingest does: 400 with every detail, 415', async () => {
    const invalid = { ...second, occurredOn: '2025-02-30', stray: true };
    const throughProjector = await viaProjector('POST', '/v1/developments', invalid);
    expect(throughProjector.status).toBe(400);
    expect(decided(throughProjector)).toEqual(
      decided(await direct('POST', '/v1/developments', invalid)),
    );
    expect(
      JSON.parse(throughProjector.body)
        .details.map((d: Json) => d.path)
        .sort(),
    ).toEqual(['occurredOn', 'stray']);

    // Malformed JSON reaches ingest as it was sent: the projector parses nothing.
    for (const [body, contentType] of [
      ['{"title": ', 'application/json'],
      ['[1, 2]', 'application/json'],
      ['title=x', 'text/plain'],
    ]) {
      const headers = { 'content-type': contentType };
      const proxied = await viaProjector('POST', '/v1/developments', body, headers);
      expect([body, decided(proxied)]).toEqual([
        body,
        decided(await direct('POST', '/v1/developments', body, headers)),
      ]);
    }
  });

  it('answers 401 without the token, or with a wrong one, as ingest does', async () => {
    for (const headers of [{ authorization: '' }, { authorization: 'Bearer not-the-token' }]) {
      const proxied = await viaProjector('POST', '/v1/developments', third, headers);
      expect(proxied.status).toBe(401);
      expect(proxied.headers.get('www-authenticate')).toMatch(/^Bearer realm="newsline"/);
      expect(decided(proxied)).toEqual(
        decided(await direct('POST', '/v1/developments', third, headers)),
      );
    }
  });

  it('corrects with If-Match: 202 with the new revision, then 412 for the old one', async () => {
    const id = await record(third);
    const corrected = await viaProjector(
      'POST',
      `/v1/developments/${id}/corrections`,
      { location: 'Geneva' },
      { 'if-match': '"1"' },
    );
    expect(corrected.status).toBe(202);
    expect(corrected.headers.get('etag')).toBe('"2"');
    expect(JSON.parse(corrected.body)).toMatchObject({ revision: 2 });

    const stale = await viaProjector(
      'POST',
      `/v1/developments/${id}/corrections`,
      { location: 'Berlin' },
      { 'if-match': '"1"' },
    );
    expect(stale.status).toBe(412);
    expect(stale.headers.get('etag')).toBe('"2"');
    expect(JSON.parse(stale.body)).toMatchObject({ error: 'precondition_failed' });

    const retracted = await viaProjector('POST', `/v1/developments/${id}/retraction`, {
      reason: 'It did not happen',
    });
    expect(retracted.status).toBe(202);
    const again = await viaProjector('POST', `/v1/developments/${id}/retraction`, {
      reason: 'It did not happen',
    });
    expect(again.status).toBe(409);
  });

  it("passes batches beyond the projector's body limit to ingest, which alone answers 413", async () => {
    // Over BODY_LIMIT_BYTES (1 MiB) but within ingest's batch limit (10 MiB), as NDJSON.
    const items = Array.from({ length: 150 }, (_, index) => ({
      ...first,
      title: `Proxied batch item ${index}`,
      body: 'x'.repeat(15_000),
    }));
    const ndjson = items.map((item) => JSON.stringify(item)).join('\n') + '\n';
    expect(Buffer.byteLength(ndjson)).toBeGreaterThan(2 * MIB);
    const batch = await viaProjector('POST', '/v1/developments/batch', ndjson, {
      'content-type': 'application/x-ndjson',
    });
    expect(batch.status).toBe(200);
    expect(JSON.parse(batch.body)).toMatchObject({ accepted: 150, duplicates: 0, invalid: 0 });

    const oversized = JSON.stringify({ ...first, body: 'x'.repeat(2 * MIB) });
    const single = await viaProjector('POST', '/v1/developments', oversized);
    expect(single.status).toBe(413);
    expect(decided(single)).toEqual(decided(await direct('POST', '/v1/developments', oversized)));

    const hugeBatch = `${JSON.stringify({ ...first, body: 'x'.repeat(19_000) })}\n`.repeat(600);
    expect(Buffer.byteLength(hugeBatch)).toBeGreaterThan(10 * MIB);
    const tooLarge = await viaProjector('POST', '/v1/developments/batch', hugeBatch, {
      'content-type': 'application/x-ndjson',
    });
    expect(tooLarge.status).toBe(413);
    expect(JSON.parse(tooLarge.body)).toMatchObject({ error: 'payload_too_large' });
  });

  it('merges and unmerges actors, Cyrillic ids included', async () => {
    await record({
      occurredOn: '2025-12-23',
      title: 'Умєров: гарантії безпеки',
      actors: [{ name: 'Умєров' }, { name: 'Rustem Umerov' }],
    });
    const alias = `/v1/actors/${encodeURIComponent('умєров')}`;
    const merge = { into: 'rustem-umerov', reason: 'one person' };

    const merged = await viaProjector('POST', `${alias}/merge`, merge);
    expect(merged.status).toBe(202);
    expect(JSON.parse(merged.body)).toEqual({
      eventId: expect.any(String),
      sequence: expect.any(Number),
    });
    const repeated = await viaProjector('POST', `${alias}/merge`, merge);
    expect(repeated.status).toBe(200);
    expect(JSON.parse(repeated.body)).toMatchObject({ duplicate: true });
    await system.caughtUp();
    expect(await system.getJson(alias)).toMatchObject({
      id: 'rustem-umerov',
      mergedFrom: 'умєров',
    });

    const unmerged = await viaProjector('DELETE', `${alias}/merge`);
    expect(unmerged.status).toBe(202);
    const notMerged = await viaProjector('DELETE', `${alias}/merge`);
    expect(notMerged.status).toBe(409);
    expect(JSON.parse(notMerged.body)).toMatchObject({ error: 'not_merged' });
    await system.caughtUp();
    expect(await system.getJson(alias)).toMatchObject({ id: 'умєров' });
  });

  it("forwards only those methods and paths: reads stay the projector's own", async () => {
    const id = await record({ ...first, title: 'Read from the projector' });
    await system.caughtUp();
    // Ingest has no such route; the projector answers it from its read model.
    expect((await direct('GET', `/v1/developments/${id}`)).status).toBe(404);
    const read = await viaProjector('GET', `/v1/developments/${id}`);
    expect(read.status).toBe(200);
    expect(JSON.parse(read.body)).toMatchObject({ developmentId: id, history: expect.any(Array) });

    for (const [method, path] of [
      ['PUT', '/v1/developments'],
      ['DELETE', `/v1/developments/${id}`],
      ['POST', '/v1/actors/rustem-umerov'],
      ['GET', '/v1/actors/rustem-umerov/merge'],
      ['POST', '/v1/developments/'],
    ]) {
      const answer = await viaProjector(method, path, method === 'POST' ? {} : undefined);
      expect([method, path, answer.status]).toEqual([method, path, 404]);
    }
  });

  it('answers 503 ingest_unavailable with Retry-After when ingest is down; reads go on', async () => {
    const id = await record({ ...first, title: 'Recorded before ingest stopped' });
    await system.caughtUp();
    await system.stopIngest();

    for (const [method, path] of [
      ['POST', '/v1/developments'],
      ['POST', `/v1/developments/${id}/corrections`],
      ['DELETE', '/v1/actors/rustem-umerov/merge'],
    ]) {
      const answer = await viaProjector(method, path, method === 'POST' ? second : undefined);
      expect([method, path, answer.status]).toEqual([method, path, 503]);
      expect(answer.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
      expect(JSON.parse(answer.body)).toEqual({
        error: 'ingest_unavailable',
        message: expect.any(String),
        details: [],
      });
    }
    expect((await viaProjector('GET', `/v1/developments/${id}`)).status).toBe(200);
    expect((await fetch(`${system.projectorUrl}/health`)).status).toBe(200);
  });
});

describe('write rate limits through the projector', () => {
  it("are ingest's: the projector does not count forwarded writes against its own", async () => {
    const system = await NewslineUnderTest.start(
      isolatedConfig({ WRITE_RATE_LIMIT_PER_MINUTE: '3' }),
    );
    try {
      const post = (index: number) =>
        fetch(`${system.projectorUrl}/v1/developments`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ occurredOn: '2025-12-01', title: `Limited ${index}` }),
        });
      const statuses = [];
      for (let index = 0; index < 4; index++) statuses.push((await post(index)).status);
      expect(statuses).toEqual([202, 202, 202, 429]);
      // The projector's own write, from the same address, is still within its limit.
      const rebuild = await fetch(`${system.projectorUrl}/v1/projections/all/rebuild`, {
        method: 'POST',
      });
      expect(rebuild.status).toBe(202);
    } finally {
      await system.stop();
    }
  });
});

describe("ingest's CORS", () => {
  const preflight = (url: string, origin: string) =>
    fetch(`${url}/v1/developments`, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type,idempotency-key,if-match',
      },
    });

  it('allows no cross-origin call by default: no CORS header at all', async () => {
    const system = await NewslineUnderTest.startIngestOnly(isolatedConfig());
    try {
      const answer = await preflight(system.ingestUrl, 'https://desk.example.org');
      expect(answer.headers.get('access-control-allow-origin')).toBeNull();
      const health = await fetch(`${system.ingestUrl}/health`, {
        headers: { origin: 'https://desk.example.org' },
      });
      expect(health.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await system.stop();
    }
  });

  it('allows the origins CORS_ORIGINS names, and any only when it says `*`', async () => {
    const listed = await NewslineUnderTest.startIngestOnly(
      isolatedConfig({ CORS_ORIGINS: 'https://desk.example.org' }),
    );
    try {
      const allowed = await preflight(listed.ingestUrl, 'https://desk.example.org');
      expect(allowed.status).toBe(204);
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://desk.example.org');
      expect(allowed.headers.get('access-control-allow-headers')).toMatch(
        /Authorization.*Content-Type.*Idempotency-Key.*If-Match/,
      );
      const other = await preflight(listed.ingestUrl, 'https://elsewhere.example.org');
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await listed.stop();
    }
    const any = await NewslineUnderTest.startIngestOnly(isolatedConfig({ CORS_ORIGINS: '*' }));
    try {
      const answer = await preflight(any.ingestUrl, 'https://elsewhere.example.org');
      expect(answer.headers.get('access-control-allow-origin')).toBe('*');
    } finally {
      await any.stop();
    }
  });
});
