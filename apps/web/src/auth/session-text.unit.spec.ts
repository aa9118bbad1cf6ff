import { highestRole, signedInAs, signInHint, signInProblem } from './session-text';
import type { SessionAnswer } from './session-text';

const session = (fields: Partial<SessionAnswer>): SessionAnswer => ({
  principal: null,
  signIn: true,
  may: { read: true, write: false, admin: false },
  ...fields,
});

describe('highestRole', () => {
  it('is the role that includes the others', () => {
    expect(highestRole(['reader', 'editor'])).toBe('editor');
    expect(highestRole(['admin', 'reader'])).toBe('admin');
    expect(highestRole([])).toBeUndefined();
  });
});

describe('signedInAs', () => {
  it('names the principal and their role', () => {
    expect(
      signedInAs(
        session({ principal: { name: 'alice', roles: ['reader', 'editor'], via: 'signed-token' } }),
      ),
    ).toEqual({ name: 'alice', role: 'editor' });
    expect(signedInAs(session({}))).toBeNull();
  });
});

describe('signInProblem', () => {
  it('is none when the token names someone', () => {
    expect(
      signInProblem(
        200,
        session({ principal: { name: 'bob', roles: ['reader'], via: 'signed-token' } }),
      ),
    ).toBeNull();
  });

  it("gives the server's reason for a refused token", () => {
    expect(
      signInProblem(401, { error: 'unauthorized', message: 'The token has expired.', details: [] }),
    ).toBe('The token was refused: The token has expired.');
    expect(signInProblem(401, undefined)).toBe('The token was refused.');
    expect(signInProblem(500, undefined)).toBe('The server answered 500.');
  });

  it('says when the server does not use sign-in and the token is not one of its own', () => {
    expect(signInProblem(200, session({ signIn: false }))).toMatch(/does not use sign-in/);
  });
});

describe('signInHint', () => {
  it('says what signing in gives', () => {
    expect(signInHint(session({}))).toMatch(/editors may record/);
    expect(signInHint(session({ may: { read: true, write: true, admin: true } }))).toMatch(
      /your name/,
    );
    expect(signInHint(null)).toMatch(/Paste/);
  });
});
