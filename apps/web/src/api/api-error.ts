import { ApiRequestError } from '@app/client';

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
