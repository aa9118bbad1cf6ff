import { createIngestClient, createProjectorClient } from './create-client';
import { NDJSON_BODY } from './answers';

/** A fetch that records each request and answers `status` with a JSON body. */
function answering(status: number, body: unknown) {
  const requests: Request[] = [];
  const fetch = (request: Request) => {
    requests.push(request);
    return Promise.resolve(
      new Response(JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json' },
      }),
    );
  };
  return { requests, fetch };
}

describe('createIngestClient', () => {
  it('sends the token as a bearer token, the body as JSON, and returns the typed answer', async () => {
    const outcome = { developmentId: 'd', eventId: 'e', sequence: 7, duplicate: false };
    const { requests, fetch } = answering(202, outcome);
    const ingest = createIngestClient({ baseUrl: 'http://ingest.test/', token: 'secret', fetch });

    const { data, response } = await ingest.POST('/v1/developments', {
      body: { occurredOn: '2025-12-02', title: 'Twenty points, not 28' },
      headers: { 'Idempotency-Key': 'key-1' },
    });

    expect(response.status).toBe(202);
    expect(data?.sequence).toBe(7);
    const [request] = requests;
    expect(request.url).toBe('http://ingest.test/v1/developments');
    expect(request.headers.get('authorization')).toBe('Bearer secret');
    expect(request.headers.get('idempotency-key')).toBe('key-1');
    expect(await request.json()).toEqual({
      occurredOn: '2025-12-02',
      title: 'Twenty points, not 28',
    });
  });

  it('leaves an Authorization header the request sets alone, and sends none without a token', async () => {
    const { requests, fetch } = answering(202, { eventId: 'e', sequence: 1 });
    const withToken = createIngestClient({ baseUrl: 'http://ingest.test', token: 'a', fetch });
    const without = createIngestClient({ baseUrl: 'http://ingest.test', fetch });
    const merge = { params: { path: { actorId: 'ze' } }, body: { into: 'volodymyr-zelensky' } };

    await withToken.POST('/v1/actors/{actorId}/merge', {
      ...merge,
      headers: { Authorization: 'Bearer b' },
    });
    await without.POST('/v1/actors/{actorId}/merge', merge);

    expect(requests.map((request) => request.headers.get('authorization'))).toEqual([
      'Bearer b',
      null,
    ]);
    expect(requests[0].url).toBe('http://ingest.test/v1/actors/ze/merge');
  });

  it('sends NDJSON text as it is', async () => {
    const { requests, fetch } = answering(200, { accepted: 0, duplicates: 0, invalid: 0 });
    const ingest = createIngestClient({ baseUrl: 'http://ingest.test', fetch });
    const lines =
      '{"occurredOn":"2025-12-02","title":"a"}\n{"occurredOn":"2025-12-03","title":"b"}';

    await ingest.POST('/v1/developments/batch', { body: lines, ...NDJSON_BODY });

    expect(requests[0].headers.get('content-type')).toBe('application/x-ndjson');
    expect(await requests[0].text()).toBe(lines);
  });
});

describe('createProjectorClient', () => {
  it('reads the token for each request and repeats array query parameters', async () => {
    const { requests, fetch } = answering(200, { items: [], nextCursor: null });
    let token = '';
    const projector = createProjectorClient({
      baseUrl: 'http://projector.test',
      token: () => token,
      fetch,
    });
    const query = { actor: ['a', 'b'], limit: 5 };

    await projector.GET('/v1/timeline', { params: { query } });
    token = 'read';
    await projector.GET('/v1/timeline', { params: { query } });

    expect(requests[0].url).toBe('http://projector.test/v1/timeline?actor=a&actor=b&limit=5');
    expect(requests.map((request) => request.headers.get('authorization'))).toEqual([
      null,
      'Bearer read',
    ]);
  });
});
