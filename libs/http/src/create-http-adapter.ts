import { randomUUID } from 'node:crypto';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { FastifyReply } from 'fastify';
import type { AppConfig } from '@app/config';
import { bodyLimitOf, routeBodyOf } from './accepts-body';
import { ApiError, invalidQuery } from './api-error';
import { clientErrorHandler } from './client-error-handler';
import type { MediaTypeMessages } from './media-type-messages';
import { parseJsonBody } from './parse-json-body';
import { parseNdjsonBody } from './parse-ndjson-body';
import { parseTextBody, TEXT_MEDIA_TYPES } from './parse-text-body';

const REQUEST_TIMEOUT_MS = 30_000;

export const CORRELATION_ID_HEADER = 'x-correlation-id';

export interface HttpAdapterOptions {
  /** Holds the body limit of every route: BODY_LIMIT_BYTES, or the one a route names. */
  config: AppConfig;
  mediaTypes: MediaTypeMessages;
}

/**
 * Fastify with strict JSON parsing, and NDJSON or text for the routes that take it
 * (`@AcceptsBody`); any other body content type, or NDJSON or text elsewhere, is answered 415.
 */
export function createHttpAdapter({ config, mediaTypes }: HttpAdapterOptions): FastifyAdapter {
  const adapter = new FastifyAdapter({
    bodyLimit: config.BODY_LIMIT_BYTES,
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
  fastify.addHook('onRoute', (route) => {
    const limit = bodyLimitOf(routeBodyOf(route.config), config);
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
    if (closing) {
      void reply.header('connection', 'close');
    } else if (!request.raw.complete && reply.getHeader('connection') === 'close') {
      // An answer given before the body was read (413, 415) would close the connection: a
      // client still sending, such as the projector forwarding a write, then gets a reset
      // instead of the answer. Node reads the rest of the body and drops it instead, within
      // the request timeout, and the connection stays open.
      reply.removeHeader('connection');
    }
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
      if (!routeBodyOf(request.routeOptions.config).ndjson) {
        done(new ApiError('unsupported_media_type', mediaTypes.notNdjson), undefined);
        return;
      }
      done(null, parseNdjsonBody(body as Buffer));
    },
  );
  for (const mediaType of TEXT_MEDIA_TYPES) {
    fastify.addContentTypeParser(mediaType, { parseAs: 'buffer' }, (request, body, done) => {
      if (!routeBodyOf(request.routeOptions.config).text) {
        done(new ApiError('unsupported_media_type', mediaTypes.notJson), undefined);
        return;
      }
      try {
        done(null, parseTextBody(body as Buffer, request.headers['content-type'] ?? mediaType));
      } catch (error) {
        done(error as ApiError, undefined);
      }
    });
  }
  return adapter;
}
