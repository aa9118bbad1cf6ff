import type { NewsEvent } from '@app/contracts';

/** An event together with its place in the log. */
export interface ProjectedEvent {
  sequence: number;
  event: NewsEvent;
}

/** The slice of a database connection projections and queries need. */
export interface SqlExecutor {
  query<Row = Record<string, unknown>>(sql: string, parameters?: unknown[]): Promise<Row[]>;
}

/**
 * A read model kept from the log. `handle` gets events in log order, all newer than the
 * projection's checkpoint, inside the batch's transaction; it must depend on nothing but
 * the events and the rows it owns (no clock, no randomness), so a rebuild is identical.
 */
export interface Projection {
  name: string;
  handle(events: ProjectedEvent[], sql: SqlExecutor): Promise<void>;
}
