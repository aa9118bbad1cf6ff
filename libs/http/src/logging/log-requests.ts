import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';

/** Probes that would drown the log. */
const UNLOGGED = /^\/(health|metrics)/;

/** One line per answered request with its correlation id (the request id), as `info`; 5xx as `error`. */
export function logRequests(fastify: FastifyInstance, logger: Logger): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    const level = reply.statusCode >= 500 ? 'error' : 'info';
    if (logger.isLevelEnabled(level) && !UNLOGGED.test(request.url)) {
      logger[level](
        {
          req: { id: request.id, method: request.method, url: request.url },
          res: { statusCode: reply.statusCode },
          responseTime: Math.round(reply.elapsedTime),
        },
        reply.statusCode >= 500 ? 'request failed' : 'request completed',
      );
    }
    done();
  });
}
