import { escapeIdentifier } from 'pg';
import { DataSource } from 'typeorm';
import { READ_MODEL_SCHEMA } from '../database/read-model-schema';
import { dataSourceTransactions, Transactions } from '../database/transactions';
import { lockCheckpoints, storeProjectionCheckpoint } from '../checkpoints/checkpoints';
import { Projection, ProjectedEvent, TransactionSql } from './projection';
import { rounds } from './rounds';

export interface ApplyOptions {
  /** The live read model, or a copy being rebuilt. */
  schema?: string;
  /**
   * The last log sequence the batch covers, when that is past its last event (events set
   * aside as dead letters): the checkpoints move this far.
   */
  through?: number;
  /**
   * Send the batch's writes before its checkpoints are read, as if every event were new to
   * every projection, and fail with `StaleBatch` (rolled back) if one was not.
   */
  speculate?: boolean;
}

/** A speculative batch that had been applied before, wholly or in part: rolled back. */
export class StaleBatch extends Error {
  constructor() {
    super('the batch had been applied before');
  }
}

/**
 * Applies a batch to every projection together with its checkpoint, round by round
 * (`rounds`) so that every version of a row keeps the sequence that made it. Projections own
 * separate tables, so where the target can (`runTogether`) each is written in a transaction
 * of its own, at the same time, and all are committed together; otherwise in one
 * transaction. Events at or below a projection's checkpoint were applied before (a
 * redelivery) and are skipped, which turns at-least-once delivery into exactly-once effects.
 * A batch is first sent whole, in one round trip with its checkpoints' lock; a redelivered
 * one is applied again once its checkpoints are known.
 */
export async function applyBatch(
  target: Transactions | DataSource,
  projections: readonly Projection[],
  events: readonly ProjectedEvent[],
  options: ApplyOptions = {},
): Promise<void> {
  if (events.length === 0 && !options.through) return;
  const transactions = target instanceof DataSource ? dataSourceTransactions(target) : target;
  const apply = async (applyOptions: ApplyOptions) => {
    if (transactions.runTogether && projections.length > 1) {
      await transactions.runTogether(
        projections.map(
          (projection) => (sql: TransactionSql) =>
            applyEventsIn(sql, [projection], events, applyOptions),
        ),
      );
    } else {
      await transactions.run((sql) => applyEventsIn(sql, projections, events, applyOptions));
    }
  };
  try {
    await apply({ ...options, speculate: events.length > 0 });
  } catch (error) {
    if (!(error instanceof StaleBatch)) throw error;
    await apply(options);
  }
}

/** The body of applyBatch, for a caller that holds its own transaction. */
export async function applyEventsIn(
  sql: TransactionSql,
  projections: readonly Projection[],
  events: readonly ProjectedEvent[],
  { schema = READ_MODEL_SCHEMA, through = 0, speculate = false }: ApplyOptions = {},
): Promise<void> {
  sql.send(`SET LOCAL search_path TO ${escapeIdentifier(schema)}`);
  const names = projections.map((projection) => projection.name);
  const locked = lockCheckpoints(sql, names);
  locked.catch(() => undefined); // awaited below, after the writes are sent
  const last = Math.max(through, events[events.length - 1]?.sequence ?? 0);
  if (!speculate) {
    await applyFresh(sql, projections, events, await locked, { schema, last });
    return;
  }
  const before = events[0].sequence - 1;
  const assumed = new Map(names.map((name) => [name, before]));
  const isStale = (checkpoints: Map<string, number>) =>
    names.some((name) => (checkpoints.get(name) ?? 0) > before);
  try {
    await applyFresh(sql, projections, events, assumed, { schema, last });
  } catch (error) {
    // A redelivery can fail a statement that assumed it new; then the failure is not news.
    const checkpoints = await locked.catch(() => undefined);
    throw checkpoints && isStale(checkpoints) ? new StaleBatch() : error;
  }
  if (isStale(await locked)) throw new StaleBatch();
}

/** Applies to each projection the events past its checkpoint, and moves the checkpoint. */
async function applyFresh(
  sql: TransactionSql,
  projections: readonly Projection[],
  events: readonly ProjectedEvent[],
  checkpoints: Map<string, number>,
  { schema, last }: { schema: string; last: number },
): Promise<void> {
  let moved = false;
  for (const projection of projections) {
    const applied = checkpoints.get(projection.name) ?? 0;
    if (last <= applied) continue;
    const fresh = events.filter((event) => event.sequence > applied);
    for (const round of rounds(fresh)) await projection.handle(round, sql);
    storeProjectionCheckpoint(sql, projection.name, last);
    moved = true;
  }
  // Delivered on commit, to every projector listening: each streams from the database.
  if (moved && schema === READ_MODEL_SCHEMA) {
    sql.send(`SELECT pg_notify($1, $2)`, [APPLIED_CHANNEL, String(last)]);
  }
}

/** The channel on which a committed batch announces the last sequence it applied. */
export const APPLIED_CHANNEL = 'read_model_applied';
