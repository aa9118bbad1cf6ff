import { ROLES } from './principal';
import type { Principal, Role } from './principal';

/** Where in a token's claims its holder's roles and name are. */
export interface ClaimRules {
  /** AUTH_ROLES_CLAIM: a claim name, or a dotted path into nested objects. */
  rolesClaim: string;
  /** AUTH_NAME_CLAIM; unset: the first of NAME_CLAIMS that the token has. */
  nameClaim?: string;
}

export const NAME_CLAIMS = ['preferred_username', 'name', 'email', 'sub'] as const;

/** A signed token that cannot be accepted, and why, for the 401's message. */
export class InvalidTokenError extends Error {}

/**
 * The value of a claim. A name with dots is first taken as it is (Auth0's namespaced claims
 * are URLs), then as a path: `realm_access.roles` is `claims.realm_access.roles`.
 */
export function claimAt(claims: Record<string, unknown>, name: string): unknown {
  if (Object.hasOwn(claims, name)) return claims[name];
  let value: unknown = claims;
  for (const key of name.split('.')) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) {
      return undefined;
    }
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** The known roles in a claim's value (an array, or a space-separated string), in ROLES order. */
export function rolesIn(value: unknown): Role[] {
  const given = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/\s+/) : [];
  const names = new Set(
    given.filter((item): item is string => typeof item === 'string').map((r) => r.toLowerCase()),
  );
  return ROLES.filter((role) => names.has(role));
}

/** The principal a verified token's claims make; a token that names no one is refused. */
export function principalFromClaims(claims: Record<string, unknown>, rules: ClaimRules): Principal {
  const candidates = rules.nameClaim ? [rules.nameClaim] : NAME_CLAIMS;
  const name = candidates
    .map((claim) => claimAt(claims, claim))
    .find((value): value is string => typeof value === 'string' && value.trim() !== '');
  if (name === undefined) {
    throw new InvalidTokenError(
      `The token names no one: it has no ${candidates.map((c) => `"${c}"`).join(', ')} claim.`,
    );
  }
  return {
    name: name.trim(),
    roles: rolesIn(claimAt(claims, rules.rolesClaim)),
    via: 'signed-token',
  };
}
