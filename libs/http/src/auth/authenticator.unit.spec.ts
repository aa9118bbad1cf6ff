import { generateKeyPair, SignJWT } from 'jose';
import type { JWTPayload } from 'jose';
import { loadConfig } from '@app/config';
import { Authenticator } from './authenticator';

const SECRET = 'a-shared-secret-of-at-least-32-characters';
const ISSUER = 'https://newsline.example';
const AUDIENCE = 'newsline';

const bearer = (token: string) => `Bearer ${token}`;

/** An HS256 token, valid for an hour unless the claims say otherwise. */
function hs256(claims: JWTPayload, secret = SECRET, header = { alg: 'HS256' }): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ iss: ISSUER, aud: AUDIENCE, iat: now, exp: now + 3600, ...claims })
    .setProtectedHeader(header)
    .sign(new TextEncoder().encode(secret));
}

/** A token with `alg: none`, which jose will not make. */
function unsigned(claims: JWTPayload): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const exp = Math.floor(Date.now() / 1000) + 3600;
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ iss: ISSUER, aud: AUDIENCE, exp, ...claims })}.`;
}

describe('Authenticator', () => {
  const withSecret = new Authenticator(
    loadConfig({
      AUTH_JWT_SECRET: SECRET,
      AUTH_ISSUER: ISSUER,
      AUTH_AUDIENCE: AUDIENCE,
      INGEST_TOKEN: 'ingest-secret',
    }),
  );

  it('finds no credential without a bearer token', async () => {
    expect(await withSecret.identify(undefined)).toEqual({ kind: 'none' });
    expect(await withSecret.identify('Basic aW5nZXN0LXNlY3JldA==')).toEqual({ kind: 'none' });
  });

  it('recognises a static token before trying it as a signed one', async () => {
    expect(await withSecret.identify(bearer('ingest-secret'))).toEqual({
      kind: 'static',
      levels: ['ingest'],
    });
  });

  it('makes a principal of a valid signed token', async () => {
    const token = await hs256({ sub: 'alice', roles: ['editor'] });
    expect(await withSecret.identify(bearer(token))).toEqual({
      kind: 'signed',
      principal: { name: 'alice', roles: ['editor'], via: 'signed-token' },
    });
  });

  it.each([
    [
      'an expired token',
      () => hs256({ sub: 'a', exp: Math.floor(Date.now() / 1000) - 3600 }),
      'The token has expired.',
    ],
    [
      'a wrong issuer',
      () => hs256({ sub: 'a', iss: 'https://elsewhere.example' }),
      `The token's issuer is not ${ISSUER}.`,
    ],
    [
      'a wrong audience',
      () => hs256({ sub: 'a', aud: 'another-service' }),
      `The token is not meant for this audience (${AUDIENCE}).`,
    ],
    ['no expiry', () => hs256({ sub: 'a', exp: undefined }), 'The token has no "exp" claim.'],
    [
      'another secret',
      () => hs256({ sub: 'a' }, 'another-secret-of-at-least-32-characters'),
      "The token's signature does not verify.",
    ],
    [
      'alg: none',
      () => Promise.resolve(unsigned({ sub: 'a' })),
      'Tokens signed with "none" are not accepted here, only HS256.',
    ],
    [
      'HS512',
      () => hs256({ sub: 'a' }, SECRET, { alg: 'HS512' }),
      'Tokens signed with "HS512" are not accepted here, only HS256.',
    ],
    [
      'garbage',
      () => Promise.resolve('not-a-token'),
      'The bearer token is neither a token this service was given nor a signed token (JWT).',
    ],
    [
      'a token naming no one',
      () => hs256({ roles: ['editor'] }),
      'The token names no one: it has no "preferred_username", "name", "email", "sub" claim.',
    ],
  ])('refuses %s, saying why', async (_, token, reason) => {
    expect(await withSecret.identify(bearer(await token()))).toEqual({ kind: 'invalid', reason });
  });

  it('refuses a token with a bad signature', async () => {
    const token = await hs256({ sub: 'a', roles: ['reader'] });
    const [header, , signature] = token.split('.');
    const forged = Buffer.from(
      JSON.stringify({ sub: 'a', roles: ['admin'], exp: 9999999999, iss: ISSUER, aud: AUDIENCE }),
    ).toString('base64url');
    expect(await withSecret.identify(bearer(`${header}.${forged}.${signature}`))).toEqual({
      kind: 'invalid',
      reason: "The token's signature does not verify.",
    });
  });

  it('refuses an asymmetrically signed token when only the shared secret is configured', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const token = await new SignJWT({ sub: 'a', iss: ISSUER, aud: AUDIENCE })
      .setProtectedHeader({ alg: 'ES256' })
      .setExpirationTime('1h')
      .sign(privateKey);
    expect(await withSecret.identify(bearer(token))).toMatchObject({ kind: 'invalid' });
  });

  it('ignores an unknown bearer token when sign-in is off, as before', async () => {
    const staticOnly = new Authenticator(loadConfig({ INGEST_TOKEN: 'ingest-secret' }));
    expect(await staticOnly.identify(bearer(await hs256({ sub: 'a' })))).toEqual({ kind: 'none' });
  });

  it('takes names and roles from the configured claims', async () => {
    const keycloakLike = new Authenticator(
      loadConfig({
        AUTH_JWT_SECRET: SECRET,
        AUTH_ROLES_CLAIM: 'realm_access.roles',
        AUTH_NAME_CLAIM: 'upn',
      }),
    );
    const token = await hs256({
      sub: 'u1',
      upn: 'alice@corp.example',
      realm_access: { roles: ['admin'] },
    });
    expect(await keycloakLike.identify(bearer(token))).toEqual({
      kind: 'signed',
      principal: { name: 'alice@corp.example', roles: ['admin'], via: 'signed-token' },
    });
  });
});
