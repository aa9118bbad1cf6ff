import { ApiError } from '../api-error';
import type { AccessDecision } from './access-rules';

const REALM = 'Bearer realm="newsline"';

/** The 401 or 403 answer to a refused request, with its WWW-Authenticate challenge (RFC 6750). */
export function accessRefused(refusal: Extract<AccessDecision, { allowed: false }>): ApiError {
  if (refusal.status === 403) {
    return new ApiError('forbidden', refusal.message, [], {
      'WWW-Authenticate': `${REALM}, error="insufficient_scope"`,
    });
  }
  return new ApiError('unauthorized', refusal.message, [], {
    'WWW-Authenticate': refusal.invalidToken ? `${REALM}, error="invalid_token"` : REALM,
  });
}
