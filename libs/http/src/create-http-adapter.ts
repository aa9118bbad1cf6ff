import { randomUUID } from 'node:crypto';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { FastifyReply } from 'fastify';
import { ApiError, invalidQuery } from './api-error';
import { clientErrorHandler } from './client-error-handler';
import { parseJsonBody } from './parse-json-body';
import { parseNdjsonBody } from './parse-ndjson-body';

const REQUEST_TIMEOUT_MS = 30_000;

export const CORRELATION_ID_HEADER = 'x-correlation-id';

/** What a particular route accepts beyond the defaults. */
export interface RouteBodyOptions {
  /** A larger (or smaller) body limit than the service's. */
  bodyLimitBytes?: number;
  /** Takes NDJSON (`application/x-ndjson`) as well as JSON. */
  ndjson?: boolean;
}

export interface HttpAdapterOptions {
  bodyLimitBytes: number;
  /** By route path. */
  routes?: Record<string, RouteBodyOptions>;
}

/**
 * Fastify with strict JSON parsing, and NDJSON for the routes that take it; any other body
 * content type, or NDJSON elsewhere, is answered 415.
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
    // A path Fastify cannot decode (bad percent-encoding) gets the API's error shape.
    frameworkErrors: (error: Error, _request: unknown, reply: FastifyReply) => {
      const body = invalidQuery([{ path: 'path', message: error.message }]).toBody();
      void reply.status(400).send(body);
    },
  });
  const fastify = adapter.getInstance();
  const routes = options.routes ?? {};
  fastify.addHook('onRoute', (route) => {
    const limit = routes[route.url]?.bodyLimitBytes;
    if (limit !== undefined) route.bodyLimit = limit;
  });
  // Node's server.close() ends only the connections idle at that moment: a keep-alive
  // connection whose request is answered during shutdown would hold the exit until the
  // client or the keep-alive timeout (72 s) closed it. Answers given while closing end theirs.
  let closing = false;
  fastify.addHook('preClose', (done) => {
    closing = true;
    done();
  });
  fastify.addHook('onSend', (request, reply, _payload, done) => {
    void reply.header(CORRELATION_ID_HEADER, request.id);
    if (closing) void reply.header('connection', 'close');
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
    (request, body, done) => {
      if (!routes[request.routeOptions.url ?? '']?.ndjson) {
        done(
          new ApiError(
            'unsupported_media_type',
            'This endpoint takes one JSON document (Content-Type: application/json); NDJSON is for /v1/developments/batch.',
          ),
          undefined,
        );
        return;
      }
      done(null, parseNdjsonBody(body as Buffer));
    },
  );
  return adapter;
}
