import type { ApiError } from './api-error';

/**
 * The answer to an error one part of a service knows (the log, the database), or undefined
 * for an error it does not. A service gives its own to createHttpService.
 */
export type ErrorAnswer = (error: unknown) => ApiError | undefined;
