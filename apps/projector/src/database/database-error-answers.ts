import { ApiError, ErrorAnswer, invalidQuery, retryAfter } from '@app/http';
import { isDataException, isDatabaseUnavailable } from '@app/read-model';

/** PostgreSQL unreachable or refusing connections: a 503 the client may retry. */
export const databaseUnavailableAnswer: ErrorAnswer = (error) =>
  isDatabaseUnavailable(error)
    ? new ApiError(
        'database_unavailable',
        'The read-model database is unavailable; retry later.',
        [],
        retryAfter(),
      )
    : undefined;

/**
 * A request value that passed validation but that PostgreSQL cannot take (U+0000 in text, a
 * cursor key of the wrong type) is the client's error.
 */
export const unusableValueAnswer: ErrorAnswer = (error) =>
  isDataException(error)
    ? invalidQuery([
        {
          path: 'query',
          message: `a path or query value cannot be used: ${(error as Error).message}`,
        },
      ])
    : undefined;

/** How the query routes answer the read-model database's errors. */
export const DATABASE_ERROR_ANSWERS: readonly ErrorAnswer[] = [
  databaseUnavailableAnswer,
  unusableValueAnswer,
];
