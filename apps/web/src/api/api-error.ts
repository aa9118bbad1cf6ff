import type { ApiErrorBody } from './types';

/** An answer of the API other than 2xx, with its error code and message. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: { path: string; message: string }[] = [],
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }

  static fromBody(status: number, body: unknown): ApiRequestError {
    const error = (body ?? {}) as Partial<ApiErrorBody>;
    return new ApiRequestError(
      status,
      typeof error.error === 'string' ? error.error : 'http_error',
      typeof error.message === 'string' ? error.message : `The projector answered ${status}.`,
      Array.isArray(error.details) ? error.details : [],
    );
  }
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** A sentence for the reader about a failed request. */
export function describeError(error: unknown): string {
  if (error instanceof ApiRequestError) {
    const details = error.details.map((detail) => `${detail.path}: ${detail.message}`);
    return details.length > 0 ? `${error.message} (${details.join('; ')})` : error.message;
  }
  if (error instanceof TypeError) return 'The projector cannot be reached; is it running?';
  return error instanceof Error ? error.message : String(error);
}
