/** SqlExecutor for queries: the read replica when DATABASE_READ_URL is set, else the primary. */
export const QUERY_SQL = Symbol('QUERY_SQL');
