import httpProxy from '@fastify/http-proxy';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { CORRELATION_ID_HEADER } from '@app/http';
import { dropRestOfBody, forwardedBody } from './forwarded-body';
import { FORWARDED_ROUTES } from './forwarded-routes';
import { ingestUnavailable } from './ingest-unavailable';

/** Longer than ingest takes to answer a write it has received (it cuts requests at 30 s). */
const INGEST_ANSWER_TIMEOUT_MS = 60_000;

const ROUTES_PREFIX = '/v1';

export interface IngestProxyOptions {
  /** INGEST_URL: ingest's origin. */
  ingestUrl: string;
  logger: Logger;
}

/**
 * Forwards ingest's write routes (FORWARDED_ROUTES) to ingest: the request's body streams
 * through unparsed, whatever its size or media type, and ingest's answer comes back as it
 * gave it, status, headers and body. So ingest alone validates, authenticates, limits and
 * records; the projector's parsers, body limit, rate limit and access guard do not apply to
 * these routes. The correlation id of the request is ingest's too. When ingest cannot be
 * reached the answer is `503 ingest_unavailable` with Retry-After.
 */
export async function forwardWritesToIngest(
  app: NestFastifyApplication,
  { ingestUrl, logger }: IngestProxyOptions,
): Promise<void> {
  await app.register(async (scope: FastifyInstance) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (request, _payload, done) => {
      done(null, forwardedBody(request.raw));
    });
    scope.addHook('onResponse', (request, _reply, done) => {
      dropRestOfBody(request.raw, request.body);
      done();
    });
    for (const method of new Set(FORWARDED_ROUTES.map((route) => route.method))) {
      await scope.register(httpProxy, {
        upstream: ingestUrl,
        prefix: ROUTES_PREFIX,
        rewritePrefix: ROUTES_PREFIX,
        httpMethods: [method],
        routes: FORWARDED_ROUTES.filter((route) => route.method === method).map((route) =>
          route.path.slice(ROUTES_PREFIX.length),
        ),
        // The bodies are the streams the parser above gives.
        proxyPayloads: false,
        // Ingest limits writes per client itself.
        config: { rateLimit: false },
        disableRequestLogging: true,
        replyOptions: {
          timeout: INGEST_ANSWER_TIMEOUT_MS,
          rewriteRequestHeaders: (request, headers) => ({
            ...headers,
            [CORRELATION_ID_HEADER]: request.id,
          }),
          onError: (reply, { error }) => {
            logger.warn(
              { err: error.cause ?? error, req: { id: reply.request.id }, ingestUrl },
              'ingest did not answer a forwarded write',
            );
            const answer = ingestUnavailable();
            void reply.status(answer.status).headers(answer.headers).send(answer.toBody());
          },
        },
      });
    }
  });
}
