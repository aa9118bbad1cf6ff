import type { AccessPolicy } from './access-rules';
import { sessionOf } from './session';

const policy = (overrides: Partial<AccessPolicy> = {}): AccessPolicy => ({
  signIn: true,
  requireRead: false,
  staticTokens: {},
  ...overrides,
});

describe('sessionOf', () => {
  it('an anonymous caller may read but not write with sign-in on', () => {
    expect(sessionOf({ kind: 'none' }, policy())).toEqual({
      principal: null,
      signIn: true,
      may: { read: true, write: false, admin: false },
    });
  });

  it('anyone may do anything when nothing is configured', () => {
    expect(sessionOf({ kind: 'none' }, policy({ signIn: false }))).toEqual({
      principal: null,
      signIn: false,
      may: { read: true, write: true, admin: true },
    });
  });

  it('an editor may read and write, not rebuild', () => {
    const session = sessionOf(
      { kind: 'signed', principal: { name: 'alice', roles: ['editor'], via: 'signed-token' } },
      policy({ requireRead: true }),
    );
    expect(session).toEqual({
      principal: { name: 'alice', roles: ['editor'], via: 'signed-token' },
      signIn: true,
      may: { read: true, write: true, admin: false },
    });
  });

  it('the ingest token may write, and read only where reads are open', () => {
    const session = sessionOf(
      { kind: 'static', levels: ['ingest'] },
      policy({ signIn: false, staticTokens: { ingest: 'i', read: 'r' } }),
    );
    expect(session).toEqual({
      principal: { name: 'ingest-token', roles: ['editor'], via: 'static-token' },
      signIn: false,
      may: { read: false, write: true, admin: true },
    });
  });

  it('gives the refusal of a bad token instead of a session', () => {
    expect(sessionOf({ kind: 'invalid', reason: 'The token has expired.' }, policy())).toEqual({
      allowed: false,
      status: 401,
      invalidToken: true,
      message: 'The token has expired.',
    });
  });
});
