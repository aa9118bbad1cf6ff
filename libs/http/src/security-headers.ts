import helmet from '@fastify/helmet';
import { NestFastifyApplication } from '@nestjs/platform-fastify';

/** The API serves JSON only: nothing may load from or frame its answers. */
const API_POLICY = "default-src 'none'; frame-ancestors 'none'";

/**
 * Pages (the web view at `/`, API docs at `/docs`) load their own scripts, styles and data
 * from this origin and nothing from anywhere else. Swagger UI sets inline styles.
 */
const PAGE_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "connect-src 'self'; font-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

const PAGE_PATHS = /^\/(?:$|\?|assets\/|docs(?:$|[/?-]))/;

/** Standard security headers on every response, with a content security policy per kind. */
export async function useSecurityHeaders(app: NestFastifyApplication): Promise<void> {
  await app.register(helmet, { contentSecurityPolicy: false });
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', (request, reply, _payload, done) => {
      const policy = PAGE_PATHS.test(request.url) ? PAGE_POLICY : API_POLICY;
      void reply.header('content-security-policy', policy);
      done();
    });
}
