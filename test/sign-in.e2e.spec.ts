import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import type { CryptoKey, JWTPayload } from 'jose';
import { isolatedConfig, NewslineUnderTest } from './support/newsline-under-test';
import { waitFor } from './support/wait-for';

const SECRET = randomBytes(32).toString('base64url');
const ISSUER = 'https://sign-in.newsline.test';
const AUDIENCE = 'newsline-desk';
const HOUR = 3600;
const now = () => Math.floor(Date.now() / 1000);

const development = (title: string) => ({ occurredOn: '2025-12-19', title });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** A token signed with `key` (the shared secret unless given), valid for an hour. */
function mint(
  claims: JWTPayload,
  { key, alg = 'HS256', kid }: { key?: CryptoKey | Uint8Array; alg?: string; kid?: string } = {},
): Promise<string> {
  return new SignJWT({ iss: ISSUER, aud: AUDIENCE, iat: now(), exp: now() + HOUR, ...claims })
    .setProtectedHeader({ alg, kid, typ: 'JWT' })
    .sign(key ?? new TextEncoder().encode(SECRET));
}

/** A token with `alg: none` and no signature, which jose will not make: by hand. */
function unsignedToken(claims: JWTPayload): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const payload = { iss: ISSUER, aud: AUDIENCE, iat: now(), exp: now() + HOUR, ...claims };
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(payload)}.`;
}

/** The token with its payload replaced: the signature no longer fits. */
function withForgedPayload(token: string, claims: JWTPayload): string {
  const [header, payload, signature] = token.split('.');
  const forged = { ...JSON.parse(Buffer.from(payload, 'base64url').toString()), ...claims };
  return `${header}.${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${signature}`;
}

async function errorOf(response: Response) {
  return { status: response.status, ...((await response.json()) as object) } as {
    status: number;
    error: string;
    message: string;
  };
}

describe('sign-in with the shared secret', () => {
  let system: NewslineUnderTest;
  const tokens: Record<'editor' | 'reader' | 'admin', string> = {} as never;

  beforeAll(async () => {
    system = await NewslineUnderTest.start(
      isolatedConfig({
        AUTH_JWT_SECRET: SECRET,
        AUTH_ISSUER: ISSUER,
        AUTH_AUDIENCE: AUDIENCE,
        ADMIN_TOKEN: 'admin-secret',
      }),
    );
    tokens.editor = await mint({ sub: 'alice', roles: ['editor'] });
    tokens.reader = await mint({ sub: 'rita', roles: ['reader'] });
    tokens.admin = await mint({ sub: 'ada', roles: ['admin'] });
  });

  afterAll(() => system?.stop());

  const session = (url: string, headers: Record<string, string> = {}) =>
    fetch(`${url}/v1/session`, { headers });

  it("records an editor's write (202) under the editor's name", async () => {
    const response = await system.post(
      '/v1/developments',
      development('Talks resume'),
      bearer(tokens.editor),
    );
    expect(response.status).toBe(202);
    const { developmentId } = (await response.json()) as { developmentId: string };
    await system.caughtUp();
    const { history } = await system.getJson(`/v1/developments/${developmentId}`);
    expect(history.map((entry: { recordedBy: string }) => entry.recordedBy)).toEqual(['alice']);
  });

  it('answers 401 to a write without a token, and 403 to a reader, recording nothing', async () => {
    const head = await system.lastSequence();
    const anonymous = await system.post('/v1/developments', development('Anonymous'));
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer realm="newsline"');
    expect(await errorOf(anonymous)).toMatchObject({ status: 401, error: 'unauthorized' });
    const reader = await system.post(
      '/v1/developments',
      development('A reader tries'),
      bearer(tokens.reader),
    );
    expect(reader.headers.get('www-authenticate')).toContain('error="insufficient_scope"');
    expect(await errorOf(reader)).toEqual({
      status: 403,
      error: 'forbidden',
      message: 'rita (reader) may not do this: it needs the role editor.',
      details: [],
    });
    expect(await system.lastSequence()).toBe(head);
  });

  it('lets an admin rebuild, and not an editor (403)', async () => {
    const rebuild = (token: string) =>
      fetch(`${system.projectorUrl}/v1/projections/all/rebuild`, {
        method: 'POST',
        headers: bearer(token),
      });
    expect(await errorOf(await rebuild(tokens.editor))).toMatchObject({
      status: 403,
      error: 'forbidden',
    });
    const started = await rebuild(tokens.admin);
    expect(started.status).toBe(202);
    const { rebuildId } = (await started.json()) as { rebuildId: string };
    await waitFor('the rebuild to finish', async () => {
      const state = await system.getJson(`/v1/rebuilds/${rebuildId}`);
      return state.status === 'running' ? undefined : state;
    });
  });

  it.each([
    [
      'an expired token',
      () => mint({ sub: 'alice', roles: ['editor'], exp: now() - HOUR }),
      'The token has expired.',
    ],
    [
      'a wrong issuer',
      () => mint({ sub: 'alice', roles: ['editor'], iss: 'https://elsewhere.test' }),
      `The token's issuer is not ${ISSUER}.`,
    ],
    [
      'a wrong audience',
      () => mint({ sub: 'alice', roles: ['editor'], aud: 'another-service' }),
      `The token is not meant for this audience (${AUDIENCE}).`,
    ],
    [
      'a bad signature',
      async () =>
        withForgedPayload(await mint({ sub: 'rita', roles: ['reader'] }), { roles: ['admin'] }),
      "The token's signature does not verify.",
    ],
    [
      'alg: none',
      () => Promise.resolve(unsignedToken({ sub: 'alice', roles: ['editor'] })),
      'Tokens signed with "none" are not accepted here, only HS256.',
    ],
    [
      'another secret',
      () =>
        mint(
          { sub: 'alice', roles: ['editor'] },
          { key: new TextEncoder().encode(randomBytes(32).toString('base64url')) },
        ),
      "The token's signature does not verify.",
    ],
  ])('answers 401 invalid_token to %s, on writes and on open reads', async (_, token, reason) => {
    const headers = bearer(await token());
    const head = await system.lastSequence();
    const write = await system.post('/v1/developments', development('Forged'), headers);
    expect(write.headers.get('www-authenticate')).toBe(
      'Bearer realm="newsline", error="invalid_token"',
    );
    expect(await errorOf(write)).toMatchObject({
      status: 401,
      error: 'unauthorized',
      message: reason,
    });
    expect(await system.lastSequence()).toBe(head);
    const read = await fetch(`${system.projectorUrl}/v1/timeline`, { headers });
    expect(await errorOf(read)).toMatchObject({ status: 401, message: reason });
  });

  it('keeps reads open without a token, and static tokens to their own level', async () => {
    expect((await fetch(`${system.projectorUrl}/v1/timeline`)).status).toBe(200);
    const write = await system.post(
      '/v1/developments',
      development('Admin token'),
      bearer('admin-secret'),
    );
    expect(write.status).toBe(401);
  });

  it('answers GET /v1/session on both services', async () => {
    for (const url of [system.ingestUrl, system.projectorUrl]) {
      const answers = {
        anonymous: await session(url),
        editor: await session(url, bearer(tokens.editor)),
        reader: await session(url, bearer(tokens.reader)),
        adminToken: await session(url, bearer('admin-secret')),
      };
      const bodies = Object.fromEntries(
        await Promise.all(
          Object.entries(answers).map(async ([who, answer]) => {
            expect([who, answer.status]).toEqual([who, 200]);
            return [who, await answer.json()];
          }),
        ),
      );
      expect(bodies).toEqual({
        anonymous: {
          principal: null,
          signIn: true,
          may: { read: true, write: false, admin: false },
        },
        editor: {
          principal: { name: 'alice', roles: ['editor'], via: 'signed-token' },
          signIn: true,
          may: { read: true, write: true, admin: false },
        },
        reader: {
          principal: { name: 'rita', roles: ['reader'], via: 'signed-token' },
          signIn: true,
          may: { read: true, write: false, admin: false },
        },
        adminToken: {
          principal: { name: 'admin-token', roles: ['admin'], via: 'static-token' },
          signIn: true,
          may: { read: true, write: false, admin: true },
        },
      });
      const expired = await session(url, bearer(await mint({ sub: 'alice', exp: now() - HOUR })));
      expect(await errorOf(expired)).toMatchObject({
        status: 401,
        error: 'unauthorized',
        message: 'The token has expired.',
      });
    }
  });

  describe('npm run token', () => {
    const token = (args: string[], env: Record<string, string> = {}) =>
      promisify(execFile)(
        process.execPath,
        [join(__dirname, '..', 'scripts', 'token.js'), ...args],
        {
          env: { PATH: process.env.PATH, ...env },
        },
      );
    const signingEnv = { AUTH_JWT_SECRET: SECRET, AUTH_ISSUER: ISSUER, AUTH_AUDIENCE: AUDIENCE };

    it('prints only a token that writes as the name it was given', async () => {
      const { stdout } = await token(
        ['--name', 'bob', '--role', 'editor', '--days', '30'],
        signingEnv,
      );
      expect(stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
      const minted = stdout.trim();
      const answer: any = await (await session(system.projectorUrl, bearer(minted))).json();
      expect(answer.principal).toEqual({ name: 'bob', roles: ['editor'], via: 'signed-token' });
      const write = await system.post(
        '/v1/developments',
        development('From the CLI'),
        bearer(minted),
      );
      expect(write.status).toBe(202);
    });

    it.each([
      [['--name', 'bob', '--role', 'owner'], signingEnv, '"owner" is not a role'],
      [['--name', 'bob', '--role', 'editor', '--days', 'soon'], signingEnv, '--days "soon"'],
      [['--role', 'editor'], signingEnv, '--name is missing'],
      [
        ['--name', 'bob', '--role', 'editor'],
        { AUTH_JWT_SECRET_FILE: '/nonexistent/jwt-secret' },
        'cannot read the secret in /nonexistent/jwt-secret',
      ],
      [['--name', 'bob', '--role', 'editor'], { AUTH_JWT_SECRET: 'short' }, 'shorter than 32'],
    ])('refuses %j, saying why', async (args, env, message) => {
      await expect(token(args, env)).rejects.toMatchObject({
        code: 2,
        stdout: '',
        stderr: expect.stringContaining(message),
      });
    });
  });
});

describe("sign-in with an identity provider's keys, reads closed", () => {
  let system: NewslineUnderTest;
  let keys: Server;
  let rsa: CryptoKey;
  let ec: CryptoKey;

  beforeAll(async () => {
    const rsaPair = await generateKeyPair('RS256');
    const ecPair = await generateKeyPair('ES256');
    rsa = rsaPair.privateKey;
    ec = ecPair.privateKey;
    const jwks = {
      keys: [
        { ...(await exportJWK(rsaPair.publicKey)), kid: 'rsa-1', alg: 'RS256', use: 'sig' },
        { ...(await exportJWK(ecPair.publicKey)), kid: 'ec-1', alg: 'ES256', use: 'sig' },
      ],
    };
    keys = createServer((request, response) => {
      response.writeHead(request.url === '/certs' ? 200 : 404, {
        'content-type': 'application/json',
      });
      response.end(JSON.stringify(jwks));
    });
    await new Promise<void>((resolve) => keys.listen(0, '127.0.0.1', resolve));
    const { port } = keys.address() as AddressInfo;
    system = await NewslineUnderTest.start(
      isolatedConfig({
        AUTH_JWKS_URL: `http://127.0.0.1:${port}/certs`,
        AUTH_ISSUER: ISSUER,
        AUTH_AUDIENCE: AUDIENCE,
        AUTH_ROLES_CLAIM: 'realm_access.roles',
        AUTH_REQUIRE_READ: 'true',
      }),
    );
  });

  afterAll(async () => {
    await system?.stop();
    keys?.close();
  });

  const keycloakLike = (name: string, roles: string[]) => ({
    sub: randomBytes(8).toString('hex'),
    preferred_username: name,
    realm_access: { roles: [...roles, 'offline_access'] },
  });

  it('accepts RS256 and ES256 tokens signed with its keys', async () => {
    const rs256 = await mint(keycloakLike('erin', ['editor']), {
      key: rsa,
      alg: 'RS256',
      kid: 'rsa-1',
    });
    const write = await system.post(
      '/v1/developments',
      development('Signed by the IdP'),
      bearer(rs256),
    );
    expect(write.status).toBe(202);
    const es256 = await mint(keycloakLike('eve', ['reader']), {
      key: ec,
      alg: 'ES256',
      kid: 'ec-1',
    });
    const answer = await fetch(`${system.projectorUrl}/v1/session`, { headers: bearer(es256) });
    expect(await answer.json()).toEqual({
      principal: { name: 'eve', roles: ['reader'], via: 'signed-token' },
      signIn: true,
      may: { read: true, write: false, admin: false },
    });
  });

  it('answers 401 to tokens from another key, or with HS256', async () => {
    const other = await generateKeyPair('RS256');
    for (const token of [
      await mint(keycloakLike('mallory', ['admin']), {
        key: other.privateKey,
        alg: 'RS256',
        kid: 'rsa-1',
      }),
      await mint(keycloakLike('mallory', ['admin']), {
        key: other.privateKey,
        alg: 'RS256',
        kid: 'rsa-2',
      }),
      await mint(keycloakLike('mallory', ['admin'])),
    ]) {
      const head = await system.lastSequence();
      const write = await system.post('/v1/developments', development('Forged'), bearer(token));
      expect(await errorOf(write)).toMatchObject({ status: 401, error: 'unauthorized' });
      expect(await system.lastSequence()).toBe(head);
    }
  });

  it('closes reads with AUTH_REQUIRE_READ: 401 without a token, 403 without a role', async () => {
    const timeline = (headers: Record<string, string> = {}) =>
      fetch(`${system.projectorUrl}/v1/timeline`, { headers });
    expect((await timeline()).status).toBe(401);
    const nobody = await mint(keycloakLike('nobody', []), { key: rsa, alg: 'RS256', kid: 'rsa-1' });
    expect(await errorOf(await timeline(bearer(nobody)))).toMatchObject({
      status: 403,
      error: 'forbidden',
    });
    const reader = await mint(keycloakLike('rita', ['reader']), {
      key: rsa,
      alg: 'RS256',
      kid: 'rsa-1',
    });
    expect((await timeline(bearer(reader))).status).toBe(200);
    expect((await fetch(`${system.projectorUrl}/health`)).status).toBe(200);
  });
});
