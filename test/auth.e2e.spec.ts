import { isolatedConfig, NewslineUnderTest } from './support/newsline-under-test';

describe('bearer tokens, when configured', () => {
  let system: NewslineUnderTest;
  const development = { occurredOn: '2025-12-19', title: 'Moscow rejects trilateral talks' };

  beforeAll(async () => {
    system = await NewslineUnderTest.start(
      isolatedConfig({ INGEST_TOKEN: 'ingest-secret', READ_TOKEN: 'read-secret' }),
    );
  });

  afterAll(() => system?.stop());

  it.each([
    ['no Authorization header', {}],
    ['a wrong token', { authorization: 'Bearer ingest-secreT' }],
    ['the read token', { authorization: 'Bearer read-secret' }],
    ['another scheme', { authorization: 'Basic aW5nZXN0LXNlY3JldA==' }],
  ])('refuses a write with %s: 401, WWW-Authenticate, nothing recorded', async (_, headers) => {
    const head = await system.lastSequence();
    const response = await system.post('/v1/developments', development, headers);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(((await response.json()) as { error: string }).error).toBe('unauthorized');
    expect(await system.lastSequence()).toBe(head);
  });

  it('accepts a write with the ingest token', async () => {
    const response = await system.post('/v1/developments', development, {
      authorization: 'Bearer ingest-secret',
    });
    expect(response.status).toBe(202);
  });

  it('guards reads with the read token and leaves health open', async () => {
    for (const path of ['/v1/timeline', '/v1/projections']) {
      expect((await fetch(`${system.projectorUrl}${path}`)).status).toBe(401);
    }
    const authorized = await fetch(`${system.projectorUrl}/v1/timeline`, {
      headers: { authorization: 'Bearer read-secret' },
    });
    expect(authorized.status).toBe(200);
    expect((await system.get('/health')).status).toBe(200);
  });
});

describe('limits and headers', () => {
  let system: NewslineUnderTest;

  beforeAll(async () => {
    system = await NewslineUnderTest.start(isolatedConfig({ WRITE_RATE_LIMIT_PER_MINUTE: '3' }));
  });

  afterAll(() => system?.stop());

  it('answers 429 with Retry-After past the write limit, and leaves reads alone', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const response = await system.post('/v1/developments', {
        occurredOn: '2025-12-19',
        title: `Write ${i}`,
      });
      statuses.push(response.status);
      if (response.status === 429) {
        expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
        expect(((await response.json()) as { error: string }).error).toBe('rate_limited');
      }
    }
    expect(statuses).toEqual([202, 202, 202, 429, 429]);
    for (let i = 0; i < 5; i++) expect((await system.get('/v1/timeline')).status).toBe(200);
  });

  it('sends security headers', async () => {
    const response = await system.get('/v1/timeline');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });
});
