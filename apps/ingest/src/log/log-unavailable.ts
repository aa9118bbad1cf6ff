import { ApiError, ErrorAnswer, retryAfter } from '@app/http';
import { LogUnavailableError } from '@app/jetstream';

/** The 503 for a write the log could not take, saying whether anything may be stored. */
export function logUnavailableResponse(error: LogUnavailableError): ApiError {
  const outcome = error.outcomeUnknown
    ? 'it may or may not have been recorded; retrying with the same key tells which'
    : 'nothing was recorded';
  return new ApiError(
    'log_unavailable',
    `The log is unavailable (${error.message}): ${outcome}. Retry later.`,
    [],
    retryAfter(),
  );
}

/** The same 503 for a LogUnavailableError no route turned into an answer itself. */
export const logUnavailableAnswer: ErrorAnswer = (error) =>
  error instanceof LogUnavailableError ? logUnavailableResponse(error) : undefined;
