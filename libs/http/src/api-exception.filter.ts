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
import { ApiError } from './api-error';
import type { ErrorAnswer } from './error-answer';
import type { MediaTypeMessages } from './media-type-messages';

const CODES_BY_STATUS: Record<number, ErrorCode> = {
  400: 'invalid_json',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  412: 'precondition_failed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
};

/**
 * Every error leaves as API.md's error shape: an ApiError as it is; any other as the first
 * of the service's answers that knows it answers, else by its status when that is a client
 * error; unexpected ones are logged and become a 500.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  constructor(
    private readonly answers: readonly ErrorAnswer[],
    private readonly mediaTypes: MediaTypeMessages,
  ) {}

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
    for (const answer of this.answers) {
      const error = answer(exception);
      if (error) return error;
    }
    const status = statusOf(exception);
    if (status !== undefined && status < 500 && CODES_BY_STATUS[status]) {
      const code = CODES_BY_STATUS[status];
      return new ApiError(code, this.messageFor(code, exception));
    }
    this.logger.error(
      exception instanceof Error ? (exception.stack ?? exception.message) : exception,
    );
    return new ApiError('internal_error', 'Something went wrong on our side.');
  }

  private messageFor(code: ErrorCode, exception: unknown): string {
    switch (code) {
      case 'payload_too_large':
        return 'The body is larger than this endpoint accepts.';
      case 'unsupported_media_type':
        return this.mediaTypes.notJson;
      case 'not_found':
        return 'No such resource.';
      default:
        return exception instanceof Error ? exception.message : 'The request is invalid.';
    }
  }
}

function statusOf(exception: unknown): number | undefined {
  if (exception instanceof HttpException) return exception.getStatus();
  const status = (exception as { statusCode?: unknown })?.statusCode;
  return typeof status === 'number' ? status : undefined;
}
