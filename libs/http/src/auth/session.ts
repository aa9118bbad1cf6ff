import type { Session } from '@app/contracts';
import { decideAccess, mayPass, principalOfCredential } from './access-rules';
import type { AccessDecision, AccessPolicy, Credential } from './access-rules';

/**
 * GET /v1/session's answer for a request's credential: who it names and what each level would
 * let it do; or the refusal of a credential that fails.
 */
export function sessionOf(
  credential: Credential,
  policy: AccessPolicy,
): Session | Extract<AccessDecision, { allowed: false }> {
  const refused = decideAccess('read', credential, policy);
  if (!refused.allowed && refused.invalidToken) return refused;
  const principal = principalOfCredential(credential);
  return {
    principal: principal && { ...principal, roles: [...principal.roles] },
    signIn: policy.signIn,
    may: {
      read: mayPass('read', credential, policy),
      write: mayPass('ingest', credential, policy),
      admin: mayPass('admin', credential, policy),
    },
  };
}
