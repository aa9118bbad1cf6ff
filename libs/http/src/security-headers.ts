import helmet from '@fastify/helmet';
import { NestFastifyApplication } from '@nestjs/platform-fastify';

/** The API serves JSON only: nothing may load from or frame its answers. */
const API_POLICY = "default-src 'none'; frame-ancestors 'none'";

/**
 * The policy of a page (the web view at `/`, API docs at `/docs`): it loads its own scripts,
 * styles and data from this origin and nothing from anywhere else, except that it may call
 * the `connectTo` sources. Swagger UI sets inline styles.
 */
export function pagePolicy(connectTo: readonly string[] = []): string {
  return (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
    `connect-src ${["'self'", ...connectTo].join(' ')}; font-src 'self' data:; object-src 'none'; ` +
    "base-uri 'self'; frame-ancestors 'none'"
  );
}

const PAGE_POLICY = pagePolicy();

const PAGE_PATHS = /^\/(?:$|\?|assets\/|docs(?:$|[/?-]))/;

/**
 * Standard security headers on every response, with a content security policy per kind; a
 * page that sets a stricter or wider policy of its own (built with `pagePolicy`) keeps it.
 */
export async function useSecurityHeaders(app: NestFastifyApplication): Promise<void> {
  await app.register(helmet, { contentSecurityPolicy: false });
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', (request, reply, _payload, done) => {
      const isPage = PAGE_PATHS.test(request.url);
      if (!(isPage && reply.hasHeader('content-security-policy'))) {
        void reply.header('content-security-policy', isPage ? PAGE_POLICY : API_POLICY);
      }
      done();
    });
}
