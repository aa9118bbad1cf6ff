import { decideAccess, levelIsClosed, rolesInclude } from './access-rules';
import type { AccessPolicy, Credential, Level } from './access-rules';
import type { Principal, Role } from './principal';

const policy = (overrides: Partial<AccessPolicy> = {}): AccessPolicy => ({
  signIn: false,
  requireRead: false,
  staticTokens: {},
  ...overrides,
});

const signed = (name: string, ...roles: Role[]): Credential => ({
  kind: 'signed',
  principal: { name, roles, via: 'signed-token' },
});

const LEVELS: Level[] = ['read', 'ingest', 'admin'];

describe('levelIsClosed', () => {
  it('leaves every level open without tokens or sign-in', () => {
    expect(LEVELS.filter((level) => levelIsClosed(level, policy()))).toEqual([]);
  });

  it('closes the level of each static token, and only that one', () => {
    expect(
      LEVELS.filter((l) => levelIsClosed(l, policy({ staticTokens: { ingest: 't' } }))),
    ).toEqual(['ingest']);
    expect(LEVELS.filter((l) => levelIsClosed(l, policy({ staticTokens: { read: 't' } })))).toEqual(
      ['read'],
    );
  });

  it('closes writes and admin with sign-in, and reads only with AUTH_REQUIRE_READ', () => {
    expect(LEVELS.filter((l) => levelIsClosed(l, policy({ signIn: true })))).toEqual([
      'ingest',
      'admin',
    ]);
    expect(
      LEVELS.filter((l) => levelIsClosed(l, policy({ signIn: true, requireRead: true }))),
    ).toEqual(LEVELS);
  });
});

describe('rolesInclude', () => {
  it.each([
    [['reader'], 'reader', true],
    [['reader'], 'editor', false],
    [['editor'], 'reader', true],
    [['editor'], 'admin', false],
    [['admin'], 'editor', true],
    [['reader', 'admin'], 'admin', true],
    [[], 'reader', false],
  ] as Array<[Role[], Role, boolean]>)('%j includes %s: %s', (roles, needed, expected) => {
    expect(rolesInclude(roles, needed)).toBe(expected);
  });
});

describe('decideAccess', () => {
  const signInOn = policy({ signIn: true });

  it('lets anyone through an open level, naming a valid credential', () => {
    expect(decideAccess('ingest', { kind: 'none' }, policy())).toEqual({
      allowed: true,
      principal: null,
    });
    expect(decideAccess('read', signed('alice', 'editor'), signInOn)).toEqual({
      allowed: true,
      principal: { name: 'alice', roles: ['editor'], via: 'signed-token' },
    });
  });

  it('refuses a bad signed token with 401 invalid_token even on an open level', () => {
    const decision = decideAccess(
      'read',
      { kind: 'invalid', reason: 'The token has expired.' },
      signInOn,
    );
    expect(decision).toEqual({
      allowed: false,
      status: 401,
      invalidToken: true,
      message: 'The token has expired.',
    });
  });

  it.each([
    ['reader', 'ingest', 403],
    ['reader', 'admin', 403],
    ['editor', 'ingest', 'allowed'],
    ['editor', 'admin', 403],
    ['admin', 'admin', 'allowed'],
    ['admin', 'ingest', 'allowed'],
  ] as Array<[Role, Level, number | 'allowed']>)(
    'a signed %s on the %s level: %s',
    (role, level, expected) => {
      const decision = decideAccess(level, signed('alice', role), signInOn);
      expect(decision.allowed ? 'allowed' : decision.status).toBe(expected);
    },
  );

  it('says in the 403 who was refused and which role was missing', () => {
    const decision = decideAccess('admin', signed('bob', 'reader', 'editor'), signInOn);
    expect(decision).toMatchObject({ status: 403, invalidToken: false });
    expect(!decision.allowed && decision.message).toBe(
      'bob (reader, editor) may not do this: it needs the role admin.',
    );
  });

  it('refuses a signed token without any role on a closed read level', () => {
    const closedReads = policy({ signIn: true, requireRead: true });
    expect(decideAccess('read', signed('carol'), closedReads)).toMatchObject({ status: 403 });
    expect(decideAccess('read', signed('carol', 'reader'), closedReads).allowed).toBe(true);
  });

  it('answers 401 without a credential on a closed level, saying what is needed', () => {
    const staticOnly = decideAccess(
      'ingest',
      { kind: 'none' },
      policy({ staticTokens: { ingest: 't' } }),
    );
    expect(staticOnly).toEqual({
      allowed: false,
      status: 401,
      invalidToken: false,
      message: 'This endpoint needs "Authorization: Bearer <INGEST_TOKEN>".',
    });
    const both = decideAccess(
      'ingest',
      { kind: 'none' },
      policy({ signIn: true, staticTokens: { ingest: 't' } }),
    );
    expect(!both.allowed && both.message).toBe(
      'This endpoint needs "Authorization: Bearer <token>": a signed token whose roles include editor, or INGEST_TOKEN.',
    );
  });

  describe('static tokens keep their old meaning', () => {
    const tokens = policy({ staticTokens: { ingest: 'i', admin: 'a', read: 'r' } });

    it('grant their own level, naming the token', () => {
      expect(decideAccess('ingest', { kind: 'static', levels: ['ingest'] }, tokens)).toEqual({
        allowed: true,
        principal: { name: 'ingest-token', roles: ['editor'], via: 'static-token' },
      });
    });

    it.each([
      ['read', 'ingest'],
      ['ingest', 'admin'],
      ['admin', 'ingest'],
      ['admin', 'read'],
    ] as Array<[Level, Level]>)('the %s token on the %s level is 401', (token, level) => {
      expect(decideAccess(level, { kind: 'static', levels: [token] }, tokens)).toMatchObject({
        allowed: false,
        status: 401,
      });
    });

    it('the admin token does not write when sign-in alone closes writes', () => {
      const decision = decideAccess(
        'ingest',
        { kind: 'static', levels: ['admin'] },
        policy({ signIn: true, staticTokens: { admin: 'a' } }),
      );
      expect(decision).toMatchObject({ allowed: false, status: 401 });
    });

    it('name the level they are used for when one token is set for several', () => {
      const shared: Credential = { kind: 'static', levels: ['ingest', 'admin'] };
      const principal = (level: Level) =>
        (decideAccess(level, shared, tokens) as { principal: Principal }).principal.name;
      expect([principal('ingest'), principal('admin')]).toEqual(['ingest-token', 'admin-token']);
    });
  });
});
