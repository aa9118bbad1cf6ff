import type { Pool, QueryResultRow } from 'pg';
import type { DataSource } from 'typeorm';
import type { SqlExecutor } from '../projections/projection';
import { readModelPool } from './data-source-options';
import { preparedStatementNames } from './prepared-statements';

/** The executor for queries whose plan does not depend on their values (`planOnce`). */
export function planningOnce(sql: SqlExecutor): SqlExecutor {
  return sql.planningOnce ?? sql;
}

/**
 * Connections that plan each query text once: a query runs as a named prepared statement, and
 * PostgreSQL keeps its generic plan (`plan_cache_mode`) for every later run on the connection.
 * For queries shaped by keys (an actor's positions, a topic's, a row by its id): they take
 * longer to plan than to run (an actor's positions plan in about 3 ms and run in under 1), and
 * their values do not change the best plan. A full-text search or a date range, whose best
 * plan depends on how many rows the value selects, is planned each time instead.
 */
export function planningOncePool(databaseUrl: string, max = 5): Pool {
  return readModelPool(databaseUrl, { max, settings: '-c plan_cache_mode=force_generic_plan' });
}

/**
 * The read model's queries: planned each time on the data source's connections, or, through
 * `planningOnce`, once per text on `pool`'s.
 */
export function readModelQueries(dataSource: DataSource, pool: Pool): SqlExecutor {
  const nameOf = preparedStatementNames();
  return {
    query: (text, parameters) => dataSource.query(text, parameters),
    planningOnce: {
      async query<Row = Record<string, unknown>>(text: string, parameters: unknown[] = []) {
        const result = await pool.query<QueryResultRow>({
          name: nameOf(text),
          text,
          values: parameters,
        });
        return result.rows as Row[];
      },
    },
  };
}
