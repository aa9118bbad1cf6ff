import type { LogEvent } from '@app/contracts';

/** An event together with its place in the log. */
export interface ProjectedEvent {
  sequence: number;
  event: LogEvent;
}

/** The slice of a database connection projections and queries need. */
export interface SqlExecutor {
  query<Row = Record<string, unknown>>(sql: string, parameters?: unknown[]): Promise<Row[]>;
  /** Where queries whose plan does not depend on their values run, if elsewhere (`planningOnce`). */
  readonly planningOnce?: SqlExecutor;
}

/**
 * A transaction's connection for projections. `send` writes a statement whose answer is not
 * read, without waiting for it, so that a batch's statements travel together; its failure
 * fails the transaction. `query` waits for its rows.
 */
export interface TransactionSql extends SqlExecutor {
  send(sql: string, parameters?: unknown[]): void;
}

/**
 * A read model kept from the log. `handle` gets events in log order, all newer than the
 * projection's checkpoint, one round at a time (`rounds`: no development twice), inside the
 * batch's transaction; it must depend on nothing but the events and the rows it owns (no
 * clock, no randomness), so a rebuild is identical. It writes with `send` and reads with
 * `query` only what it must decide on.
 * It writes to unqualified table names: the transaction's search_path names the schema
 * (the live read model, or a copy being rebuilt), and `tables` lists what it owns there.
 */
export interface Projection {
  name: string;
  tables: readonly string[];
  /**
   * Indexes (of `tables`) its own writes look rows up by in every round. A rebuild builds
   * them with the empty copy and the others once it is loaded; without them each round would
   * read a table whole.
   */
  indexesWritesUse?: readonly string[];
  handle(events: ProjectedEvent[], sql: TransactionSql): Promise<void> | void;
}
