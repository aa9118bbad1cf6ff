/** Descriptions of the error answers every query route may give. */
export const DATABASE_UNAVAILABLE =
  'PostgreSQL is unreachable (`database_unavailable`); retry later.';
export const INVALID_QUERY = 'A query parameter is invalid; every problem is in `details`.';
