import type { ApiErrorBody, ProjectorSchema } from '@app/client';

/** The answer of GET /v1/session: who the token names and what it may do. */
export type SessionAnswer = ProjectorSchema<'Session'>;
export type Role = ProjectorSchema<'Principal'>['roles'][number];

const ROLE_ORDER: readonly Role[] = ['reader', 'editor', 'admin'];

/** The role that says the most of what a principal may do (roles are cumulative). */
export function highestRole(roles: readonly Role[]): Role | undefined {
  return [...ROLE_ORDER].reverse().find((role) => roles.includes(role));
}

/** What the header shows of a session: the name, and the role in words. */
export function signedInAs(session: SessionAnswer): { name: string; role: string } | null {
  const principal = session.principal;
  if (!principal) return null;
  return { name: principal.name, role: highestRole(principal.roles) ?? 'no role' };
}

/**
 * Why a token cannot be used to sign in, from the answer of GET /v1/session sent with it;
 * null when it names someone.
 */
export function signInProblem(status: number, body: unknown): string | null {
  const answer = (typeof body === 'object' && body !== null ? body : {}) as Partial<
    SessionAnswer & ApiErrorBody
  >;
  if (status === 200) {
    if (answer.principal) return null;
    return answer.signIn
      ? 'The server did not take this token.'
      : 'This server does not use sign-in, and the token is none of its own tokens.';
  }
  const said = typeof answer.message === 'string' ? answer.message : undefined;
  if (status === 401) return `The token was refused${said ? `: ${said}` : '.'}`;
  if (status === 429) return 'Too many attempts for now: wait a moment and try again.';
  return `The server answered ${status}${said ? `: ${said}` : '.'}`;
}

/** The line under the sign-in form saying what signing in gives, for the session as it is. */
export function signInHint(session: SessionAnswer | null): string {
  if (!session) return 'Paste the token you were given.';
  if (session.may.write) {
    return session.signIn
      ? 'Writes are open here; signing in puts your name on what you record.'
      : 'Writes are open here. A token of the service names you in the log.';
  }
  return 'Paste the token you were given: editors may record and correct developments.';
}
