import type { FastifyCorsOptions } from '@fastify/cors';
import type { AppConfig } from '@app/config';

/** How long a browser may reuse a preflight answer, in seconds. */
const PREFLIGHT_MAX_AGE_S = 600;

/**
 * Cross-origin calls from browsers, such as the web view served by the projector on another
 * port merging actors. Writes authenticate with a bearer token in the Authorization header,
 * never with cookies (credentials stay off), so even `*` lets no other page act for a
 * visitor: a page can only send a token it was given.
 */
export function corsOptions(origins: AppConfig['CORS_ORIGINS']): FastifyCorsOptions {
  return {
    origin: origins === '*' ? '*' : [...origins],
    credentials: false,
    methods: ['GET', 'HEAD', 'POST', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type'],
    exposedHeaders: ['X-Correlation-Id'],
    maxAge: PREFLIGHT_MAX_AGE_S,
  };
}
