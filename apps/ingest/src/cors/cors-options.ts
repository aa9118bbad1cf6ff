import type { FastifyCorsOptions } from '@fastify/cors';
import type { AppConfig } from '@app/config';

/** How long a browser may reuse a preflight answer, in seconds. */
const PREFLIGHT_MAX_AGE_S = 600;

/**
 * Cross-origin calls from browsers, only for the origins CORS_ORIGINS names (`*` only when it
 * says so); undefined, so no CORS headers at all, when it names none. The web view needs
 * none: it writes to the projector, which forwards the writes here. Writes authenticate with
 * a bearer token in the Authorization header, never with cookies (credentials stay off), so
 * even `*` lets no other page act for a visitor: a page can only send a token it was given.
 */
export function corsOptions(origins: AppConfig['CORS_ORIGINS']): FastifyCorsOptions | undefined {
  if (origins !== '*' && origins.length === 0) return undefined;
  return {
    origin: origins === '*' ? '*' : [...origins],
    credentials: false,
    methods: ['GET', 'HEAD', 'POST', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'If-Match'],
    exposedHeaders: ['X-Correlation-Id', 'ETag', 'Retry-After'],
    maxAge: PREFLIGHT_MAX_AGE_S,
  };
}
