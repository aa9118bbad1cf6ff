import { ERROR_CODES, ErrorCode, ValidationDetail } from '@app/contracts';

/** An error response: `{"error": code, "message": ..., "details": [...]}` with the code's status. */
export class ApiError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ValidationDetail[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.status = ERROR_CODES[code];
  }

  toBody() {
    return { error: this.code, message: this.message, details: this.details };
  }
}

export const invalidQuery = (details: ValidationDetail[]) =>
  new ApiError('invalid_query', 'The query parameters are invalid.', details);

export const notFound = (what: string) => new ApiError('not_found', `${what} was not found.`);
