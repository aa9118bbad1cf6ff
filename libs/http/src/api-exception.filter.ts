import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  Logger,
  ServiceUnavailableException,
} from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Observable, throwError } from 'rxjs';
import { ErrorCode } from '@app/contracts';
import { ApiError, invalidQuery } from './api-error';
import { isDatabaseUnavailable } from './database-unavailable';

const CODES_BY_STATUS: Record<number, ErrorCode> = {
  400: 'invalid_json',
  401: 'unauthorized',
  404: 'not_found',
  409: 'conflict',
  412: 'precondition_failed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  503: 'log_unavailable',
};

/** Every error leaves as API.md's error shape; unexpected ones are logged and become a 500. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void | Observable<never> {
    // A global filter also sees the projector's event handlers: their errors go back to the
    // transport, which retries the batch.
    if (host.getType() !== 'http') return throwError(() => exception);
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (exception instanceof ServiceUnavailableException) {
      // A failing health check: its body already says which dependency is down.
      void reply.status(503).send(exception.getResponse());
      return;
    }
    const error = this.toApiError(exception);
    void reply.status(error.status).headers(error.headers).send(error.toBody());
  }

  private toApiError(exception: unknown): ApiError {
    if (exception instanceof ApiError) return exception;
    if (isDatabaseUnavailable(exception)) {
      return new ApiError(
        'database_unavailable',
        'The read-model database is unavailable; retry later.',
        [],
        { 'Retry-After': '2' },
      );
    }
    const unusable = unusableParameter(exception);
    if (unusable) return invalidQuery([{ path: 'query', message: unusable }]);
    const status = statusOf(exception);
    if (status !== undefined && status < 500 && CODES_BY_STATUS[status]) {
      const code = CODES_BY_STATUS[status];
      return new ApiError(code, messageFor(code, exception));
    }
    this.logger.error(
      exception instanceof Error ? (exception.stack ?? exception.message) : exception,
    );
    return new ApiError('internal_error', 'Something went wrong on our side.');
  }
}

/**
 * A request value that passed validation but that PostgreSQL cannot take (SQLSTATE class 22,
 * data exception: U+0000 in text, a cursor key of the wrong type) is the client's error.
 */
function unusableParameter(exception: unknown): string | null {
  const code = (exception as { code?: unknown })?.code;
  if (typeof code !== 'string' || !code.startsWith('22')) return null;
  return `a path or query value cannot be used: ${(exception as Error).message}`;
}

function statusOf(exception: unknown): number | undefined {
  if (exception instanceof HttpException) return exception.getStatus();
  const status = (exception as { statusCode?: unknown })?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

function messageFor(code: ErrorCode, exception: unknown): string {
  switch (code) {
    case 'payload_too_large':
      return 'The body is larger than this endpoint accepts.';
    case 'unsupported_media_type':
      return 'The body must be JSON (Content-Type: application/json); the batch endpoint also takes NDJSON (application/x-ndjson).';
    case 'not_found':
      return 'No such resource.';
    default:
      return exception instanceof Error ? exception.message : 'The request is invalid.';
  }
}
