import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import type { JWTPayload, JWTVerifyGetKey, JWTVerifyOptions } from 'jose';
import { InvalidTokenError } from './claims-principal';

/** How signed tokens are checked: a shared secret, an identity provider's keys, or both. */
export interface SignedTokenSettings {
  /** AUTH_JWT_SECRET: the key of HS256 tokens. */
  secret?: string;
  /** AUTH_JWKS_URL: the keys of the identity provider's asymmetrically signed tokens. */
  jwksUrl?: string;
  issuer?: string;
  audience?: string;
}

/** The asymmetric algorithms jose verifies; HS256 is only for the shared secret, never `none`. */
export const JWKS_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'Ed25519',
  'EdDSA',
];

/** Clocks of the identity provider and of these services may differ by this much. */
const CLOCK_TOLERANCE_SECONDS = 30;

export type VerifySignedToken = (token: string) => Promise<JWTPayload>;

/**
 * Verifies a token's signature, algorithm, expiry (which it must have), issuer and audience,
 * and answers its claims; anything wrong is an InvalidTokenError saying what.
 */
export function signedTokenVerifier(settings: SignedTokenSettings): VerifySignedToken {
  const secret = settings.secret ? new TextEncoder().encode(settings.secret) : undefined;
  const keySet = settings.jwksUrl ? keysOf(settings.jwksUrl) : undefined;
  const options: JWTVerifyOptions = {
    issuer: settings.issuer,
    audience: settings.audience,
    requiredClaims: ['exp'],
    clockTolerance: CLOCK_TOLERANCE_SECONDS,
  };
  return async (token) => {
    const algorithm = algorithmOf(token);
    try {
      if (secret && algorithm === 'HS256') {
        return (await jwtVerify(token, secret, { ...options, algorithms: ['HS256'] })).payload;
      }
      if (keySet && JWKS_ALGORITHMS.includes(algorithm)) {
        return (await jwtVerify(token, keySet, { ...options, algorithms: JWKS_ALGORITHMS }))
          .payload;
      }
    } catch (error) {
      throw new InvalidTokenError(reasonOf(error, settings));
    }
    const accepted = [...(secret ? ['HS256'] : []), ...(keySet ? JWKS_ALGORITHMS : [])];
    throw new InvalidTokenError(
      `Tokens signed with "${algorithm}" are not accepted here, only ${accepted.join(', ')}.`,
    );
  };
}

/** A failure to fetch the identity provider's keys, as opposed to a key that does not fit. */
class KeysUnavailableError extends Error {}

function keysOf(jwksUrl: string): JWTVerifyGetKey {
  const keySet = createRemoteJWKSet(new URL(jwksUrl));
  return async (header, token) => {
    try {
      return await keySet(header, token);
    } catch (error) {
      const { code } = error as { code?: string };
      if (code === 'ERR_JWKS_NO_MATCHING_KEY' || code === 'ERR_JWKS_MULTIPLE_MATCHING_KEYS') {
        throw error;
      }
      throw new KeysUnavailableError(String(error));
    }
  };
}

function algorithmOf(token: string): string {
  try {
    const { alg } = decodeProtectedHeader(token);
    if (typeof alg === 'string') return alg;
  } catch {
    // not a JWS at all
  }
  throw new InvalidTokenError(
    'The bearer token is neither a token this service was given nor a signed token (JWT).',
  );
}

/** Why jose refused a token, in words a caller can act on. */
export function reasonOf(error: unknown, settings: SignedTokenSettings): string {
  if (error instanceof KeysUnavailableError) {
    return `The identity provider's keys (${settings.jwksUrl}) could not be fetched; try again.`;
  }
  const { code, claim, reason } = error as { code?: string; claim?: string; reason?: string };
  switch (code) {
    case 'ERR_JWT_EXPIRED':
      return 'The token has expired.';
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      if (claim === 'iss') return `The token's issuer is not ${settings.issuer}.`;
      if (claim === 'aud')
        return `The token is not meant for this audience (${settings.audience}).`;
      if (claim === 'nbf') return 'The token is not valid yet.';
      if (reason === 'missing') return `The token has no "${claim}" claim.`;
      return `The token's "${claim}" claim is invalid.`;
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return "The token's signature does not verify.";
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
      return "The token's signing algorithm is not accepted here.";
    case 'ERR_JWKS_NO_MATCHING_KEY':
    case 'ERR_JWKS_MULTIPLE_MATCHING_KEYS':
      return "No key of the identity provider's key set matches the token.";
    default:
      return 'The bearer token is not a valid signed token (JWT).';
  }
}
