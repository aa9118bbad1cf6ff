import type { AppConfig } from '@app/config';
import type { AccessPolicy, Credential, Level } from './access-rules';
import { bearerTokenMatches, bearerTokenOf } from './bearer-token';
import { InvalidTokenError, principalFromClaims } from './claims-principal';
import type { ClaimRules } from './claims-principal';
import { signedTokenVerifier } from './signed-token-verifier';
import type { VerifySignedToken } from './signed-token-verifier';

/** The access policy the configuration sets. */
export function accessPolicyOf(config: AppConfig): AccessPolicy {
  return {
    signIn: config.AUTH_JWT_SECRET !== undefined || config.AUTH_JWKS_URL !== undefined,
    requireRead: config.AUTH_REQUIRE_READ,
    staticTokens: {
      ingest: config.INGEST_TOKEN,
      admin: config.ADMIN_TOKEN,
      read: config.READ_TOKEN,
    },
  };
}

const LEVELS: readonly Level[] = ['ingest', 'admin', 'read'];

/** Tells what the Authorization header of a request is: no credential, a static token, a signed one. */
export class Authenticator {
  readonly policy: AccessPolicy;
  private readonly claimRules: ClaimRules;
  private readonly verify?: VerifySignedToken;

  constructor(config: AppConfig) {
    this.policy = accessPolicyOf(config);
    this.claimRules = { rolesClaim: config.AUTH_ROLES_CLAIM, nameClaim: config.AUTH_NAME_CLAIM };
    if (this.policy.signIn) {
      this.verify = signedTokenVerifier({
        secret: config.AUTH_JWT_SECRET,
        jwksUrl: config.AUTH_JWKS_URL,
        issuer: config.AUTH_ISSUER,
        audience: config.AUTH_AUDIENCE,
      });
    }
  }

  async identify(authorization: string | undefined): Promise<Credential> {
    const token = bearerTokenOf(authorization);
    if (token === undefined) return { kind: 'none' };
    const levels = LEVELS.filter((level) => {
      const expected = this.policy.staticTokens[level];
      return expected !== undefined && bearerTokenMatches(authorization, expected);
    });
    if (levels.length > 0) return { kind: 'static', levels };
    // Without sign-in an unknown token means nothing, as before signed tokens existed.
    if (!this.verify) return { kind: 'none' };
    try {
      const claims = await this.verify(token);
      return { kind: 'signed', principal: principalFromClaims(claims, this.claimRules) };
    } catch (error) {
      if (error instanceof InvalidTokenError) return { kind: 'invalid', reason: error.message };
      throw error;
    }
  }
}
