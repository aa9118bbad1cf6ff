import {
  ArgumentsHost,
  Logger,
  NotFoundException,
  PayloadTooLargeException,
  ServiceUnavailableException,
} from '@nestjs/common';
import { lastValueFrom, Observable } from 'rxjs';
import { ApiError } from './api-error';
import { ApiExceptionFilter } from './api-exception.filter';
import type { ErrorAnswer } from './error-answer';
import { retryAfter } from './retry-after';

const MEDIA_TYPES = { notJson: 'JSON only, please.', notNdjson: 'No NDJSON here.' };

class OutOfCoffee extends Error {}

const outOfCoffee: ErrorAnswer = (error) =>
  error instanceof OutOfCoffee
    ? new ApiError('log_unavailable', 'No coffee; retry later.', [], retryAfter())
    : undefined;

/** What the filter sent: status, headers and body. */
function answerTo(exception: unknown, answers: ErrorAnswer[] = [outOfCoffee]) {
  const sent = { status: 0, headers: {} as Record<string, string>, body: undefined as unknown };
  const reply = {
    status: (status: number) => ((sent.status = status), reply),
    headers: (headers: Record<string, string>) => ((sent.headers = headers), reply),
    send: (body: unknown) => ((sent.body = body), reply),
  };
  const host = {
    getType: () => 'http',
    switchToHttp: () => ({ getResponse: () => reply }),
  } as unknown as ArgumentsHost;
  new ApiExceptionFilter(answers, MEDIA_TYPES).catch(exception, host);
  return sent;
}

describe('ApiExceptionFilter', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('sends an ApiError as it is, with its headers', () => {
    const error = new ApiError('not_found', 'Actor "x" was not found.', [], { ETag: '"1"' });
    expect(answerTo(error)).toEqual({
      status: 404,
      headers: { ETag: '"1"' },
      body: { error: 'not_found', message: 'Actor "x" was not found.', details: [] },
    });
  });

  it("answers an error with the service's answer that knows it", () => {
    expect(answerTo(new OutOfCoffee('empty'))).toEqual({
      status: 503,
      headers: { 'Retry-After': '2' },
      body: { error: 'log_unavailable', message: 'No coffee; retry later.', details: [] },
    });
  });

  it('takes the first answer that knows the error, in order', () => {
    const first: ErrorAnswer = () => new ApiError('conflict', 'first');
    expect(answerTo(new OutOfCoffee(), [first, outOfCoffee]).body).toMatchObject({
      message: 'first',
    });
  });

  it('answers client errors by their status', () => {
    expect(answerTo(new PayloadTooLargeException()).body).toEqual({
      error: 'payload_too_large',
      message: 'The body is larger than this endpoint accepts.',
      details: [],
    });
    expect(answerTo(new NotFoundException()).body).toMatchObject({ error: 'not_found' });
  });

  it("tells a body of another media type what the service takes (Fastify's 415)", () => {
    const fastifyError = Object.assign(new Error('Unsupported Media Type'), { statusCode: 415 });
    expect(answerTo(fastifyError)).toMatchObject({
      status: 415,
      body: { error: 'unsupported_media_type', message: 'JSON only, please.' },
    });
  });

  it('answers anything else 500 without saying what went wrong', () => {
    expect(answerTo(new Error('secret detail'))).toEqual({
      status: 500,
      headers: {},
      body: { error: 'internal_error', message: 'Something went wrong on our side.', details: [] },
    });
  });

  it('sends a failing health check as it is', () => {
    const health = { status: 'error', error: { nats: { status: 'down' } } };
    expect(answerTo(new ServiceUnavailableException(health))).toMatchObject({
      status: 503,
      body: health,
    });
  });

  it('gives errors outside HTTP back to their transport', async () => {
    const host = { getType: () => 'rpc' } as unknown as ArgumentsHost;
    const error = new OutOfCoffee();
    const result = new ApiExceptionFilter([outOfCoffee], MEDIA_TYPES).catch(error, host);
    await expect(lastValueFrom(result as Observable<never>)).rejects.toBe(error);
  });
});
