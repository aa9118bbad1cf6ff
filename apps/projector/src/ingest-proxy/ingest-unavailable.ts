import { ApiError, retryAfter } from '@app/http';

/** The answer to a write the projector could not forward: ingest did not answer. */
export function ingestUnavailable(): ApiError {
  return new ApiError(
    'ingest_unavailable',
    'Ingest, which records writes, cannot be reached; nothing was recorded by this answer. ' +
      'Retry later: with the same Idempotency-Key, a retry records at most once.',
    [],
    retryAfter(),
  );
}
