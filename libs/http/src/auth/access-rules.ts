import { ROLES } from './principal';
import type { Principal, Role } from './principal';

/** The access levels a route can need: reading, writing to the log, administering. */
export type Level = 'read' | 'ingest' | 'admin';

/** What the configuration says about access. */
export interface AccessPolicy {
  /** Signed tokens are accepted (AUTH_JWT_SECRET or AUTH_JWKS_URL). */
  signIn: boolean;
  /** AUTH_REQUIRE_READ: with sign-in on, reads need a credential too. */
  requireRead: boolean;
  /** The static tokens configured, by the level each grants. */
  staticTokens: Partial<Record<Level, string>>;
}

/** What the Authorization header of a request turned out to be. */
export type Credential =
  | { kind: 'none' }
  | { kind: 'static'; levels: readonly Level[] }
  | { kind: 'signed'; principal: Principal }
  /** A bearer token that is neither static nor validly signed, while sign-in is on. */
  | { kind: 'invalid'; reason: string };

export type AccessDecision =
  | { allowed: true; principal: Principal | null }
  | { allowed: false; status: 401 | 403; invalidToken: boolean; message: string };

/** The variable of each level's static token, and the principal that token names. */
export const STATIC_TOKENS: Record<Level, { variable: string; principal: Principal }> = {
  ingest: {
    variable: 'INGEST_TOKEN',
    principal: { name: 'ingest-token', roles: ['editor'], via: 'static-token' },
  },
  admin: {
    variable: 'ADMIN_TOKEN',
    principal: { name: 'admin-token', roles: ['admin'], via: 'static-token' },
  },
  read: {
    variable: 'READ_TOKEN',
    principal: { name: 'read-token', roles: ['reader'], via: 'static-token' },
  },
};

/** The role a signed token needs for each level. */
export const ROLE_FOR_LEVEL: Record<Level, Role> = {
  read: 'reader',
  ingest: 'editor',
  admin: 'admin',
};

/** Whether anyone may pass a level, or only a credential that grants it. */
export function levelIsClosed(level: Level, policy: AccessPolicy): boolean {
  if (policy.staticTokens[level] !== undefined) return true;
  if (!policy.signIn) return false;
  return level === 'read' ? policy.requireRead : true;
}

/** Roles are cumulative: an editor may read, an admin may also write. */
export function rolesInclude(roles: readonly Role[], needed: Role): boolean {
  return roles.some((role) => ROLES.indexOf(role) >= ROLES.indexOf(needed));
}

/** Who a credential names when it is used for `level`: a static token names its own level's. */
export function principalOfCredential(credential: Credential, level?: Level): Principal | null {
  switch (credential.kind) {
    case 'signed':
      return credential.principal;
    case 'static': {
      const named = level && credential.levels.includes(level) ? level : credential.levels[0];
      return STATIC_TOKENS[named].principal;
    }
    default:
      return null;
  }
}

/**
 * Whether a request with `credential` may pass `level`. A bad signed token is refused even on
 * an open level, so that it is never taken for an anonymous caller.
 */
export function decideAccess(
  level: Level,
  credential: Credential,
  policy: AccessPolicy,
): AccessDecision {
  if (credential.kind === 'invalid') {
    return { allowed: false, status: 401, invalidToken: true, message: credential.reason };
  }
  const principal = principalOfCredential(credential, level);
  if (!levelIsClosed(level, policy)) return { allowed: true, principal };
  // Static tokens keep their old meaning: each grants its own level, and only that one.
  if (credential.kind === 'static' && credential.levels.includes(level)) {
    return { allowed: true, principal };
  }
  if (credential.kind === 'signed') {
    const needed = ROLE_FOR_LEVEL[level];
    if (rolesInclude(credential.principal.roles, needed)) return { allowed: true, principal };
    const held = credential.principal.roles.join(', ') || 'no role';
    return {
      allowed: false,
      status: 403,
      invalidToken: false,
      message: `${credential.principal.name} (${held}) may not do this: it needs the role ${needed}.`,
    };
  }
  return {
    allowed: false,
    status: 401,
    invalidToken: false,
    message: neededCredential(level, policy),
  };
}

/** What `level` would let the caller of `credential` do: the session's `may`. */
export function mayPass(level: Level, credential: Credential, policy: AccessPolicy): boolean {
  return decideAccess(level, credential, policy).allowed;
}

function neededCredential(level: Level, policy: AccessPolicy): string {
  const variable = STATIC_TOKENS[level].variable;
  if (!policy.signIn) return `This endpoint needs "Authorization: Bearer <${variable}>".`;
  const signed = `a signed token whose roles include ${ROLE_FOR_LEVEL[level]}`;
  const either =
    policy.staticTokens[level] !== undefined ? `${signed}, or ${variable}` : `${signed}`;
  return `This endpoint needs "Authorization: Bearer <token>": ${either}.`;
}
