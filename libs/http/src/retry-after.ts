/** Seconds a client is asked to wait before retrying when a dependency is unavailable. */
const RETRY_AFTER_SECONDS = 2;

export const RETRY_AFTER = 'Retry-After';

/** The Retry-After header, as an ApiError's headers or for `reply.headers()`. */
export function retryAfter(seconds: number = RETRY_AFTER_SECONDS): Record<string, string> {
  return { [RETRY_AFTER]: String(seconds) };
}
