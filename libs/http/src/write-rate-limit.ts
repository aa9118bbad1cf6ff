import rateLimit from '@fastify/rate-limit';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ApiError } from './api-error';
import { retryAfter } from './retry-after';

/**
 * Limits writes (anything but GET/HEAD) per client: the bearer token when there is one,
 * else the address. Over the limit: 429 with Retry-After. Off when `perMinute` is 0.
 */
export async function useWriteRateLimit(
  app: NestFastifyApplication,
  perMinute: number,
): Promise<void> {
  if (perMinute <= 0) return;
  await app.register(rateLimit, {
    max: perMinute,
    timeWindow: 60_000,
    allowList: (request) => request.method === 'GET' || request.method === 'HEAD',
    keyGenerator: (request) => request.headers.authorization ?? request.ip,
    addHeadersOnExceeding: { 'x-ratelimit-limit': true, 'x-ratelimit-remaining': true },
    errorResponseBuilder: (_request, context) =>
      new ApiError(
        'rate_limited',
        `Too many writes: at most ${context.max} per minute. Retry after ${context.after}.`,
        [],
        retryAfter(Math.ceil(context.ttl / 1000)),
      ),
  });
}
