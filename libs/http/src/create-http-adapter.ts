import { randomUUID } from 'node:crypto';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { ApiError } from './api-error';
import { clientErrorHandler } from './client-error-handler';
import { parseJsonBody } from './parse-json-body';
import { parseNdjsonBody } from './parse-ndjson-body';

const REQUEST_TIMEOUT_MS = 30_000;

export const CORRELATION_ID_HEADER = 'x-correlation-id';

export interface HttpAdapterOptions {
  bodyLimitBytes: number;
  /** Larger (or smaller) limits for particular routes, by path. */
  routeBodyLimits?: Record<string, number>;
}

/**
 * Fastify with strict JSON parsing and NDJSON for the routes that take it; any other body
 * content type is answered 415.
 */
export function createHttpAdapter(options: HttpAdapterOptions): FastifyAdapter {
  const adapter = new FastifyAdapter({
    bodyLimit: options.bodyLimitBytes,
    return503OnClosing: true,
    // A client that takes longer than this to send its request is cut off.
    requestTimeout: REQUEST_TIMEOUT_MS,
    connectionTimeout: REQUEST_TIMEOUT_MS,
    // The request id is the correlation id: the client's, or a new one.
    requestIdHeader: CORRELATION_ID_HEADER,
    genReqId: () => randomUUID(),
    clientErrorHandler,
  });
  const fastify = adapter.getInstance();
  const routeBodyLimits = options.routeBodyLimits ?? {};
  fastify.addHook('onRoute', (route) => {
    const limit = routeBodyLimits[route.url];
    if (limit !== undefined) route.bodyLimit = limit;
  });
  fastify.addHook('onSend', (request, reply, _payload, done) => {
    void reply.header(CORRELATION_ID_HEADER, request.id);
    done();
  });
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser(
    'application/json',
    { parseAs: 'buffer' },
    (_request, body, done) => {
      try {
        done(null, parseJsonBody(body as Buffer));
      } catch (error) {
        done(error as ApiError, undefined);
      }
    },
  );
  fastify.addContentTypeParser(
    'application/x-ndjson',
    { parseAs: 'buffer' },
    (_request, body, done) => done(null, parseNdjsonBody(body as Buffer)),
  );
  return adapter;
}
