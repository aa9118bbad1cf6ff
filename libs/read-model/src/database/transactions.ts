import type { Pool, PoolClient } from 'pg';
import type { DataSource } from 'typeorm';
import type { SqlExecutor, TransactionSql } from '../projections/projection';
import { readModelPool } from './data-source-options';
import { preparedStatementNames } from './prepared-statements';

/** Runs work in one transaction: committed if it returns, rolled back if it throws. */
export interface Transactions {
  run<T>(work: (sql: TransactionSql) => Promise<T>): Promise<T>;
  /**
   * Runs each work in a transaction of its own, all at once on connections of their own, and
   * commits them together once every statement of every one has succeeded; if one fails,
   * all are rolled back. Each work holds a connection until the end, so the pool must have
   * one for every work. Where absent, the caller runs the works in one transaction.
   */
  runTogether?<T>(works: readonly ((sql: TransactionSql) => Promise<T>)[]): Promise<T[]>;
}

/**
 * Connections in pipeline mode, for the projector's writes: a statement is written to the
 * connection as soon as it is made, without waiting for the answers of those before it.
 */
export function pipelinedPool(databaseUrl: string, max = 2): Pool {
  return readModelPool(databaseUrl, { max, pipeline: true });
}

/** A pipelined transaction whose statements are all answered, waiting to be ended. */
interface WorkDone<T> {
  result: T;
  commit(): Promise<void>;
  rollBack(): Promise<void>;
}

/**
 * Transactions whose statements travel together: BEGIN, every statement `send` makes, and
 * COMMIT leave before the first answer is back, so a batch costs one round trip plus one per
 * `query` whose rows the work waits for. Statements with parameters run as named prepared
 * statements, planned once per connection (a projection's statements take their rows as one
 * JSON document, so their plan does not depend on the values). In a pipeline a failed
 * statement makes every later one fail as "current transaction is aborted", and COMMIT roll
 * back: the error reported is always the first.
 *
 * `runTogether` lets PostgreSQL work on independent writes (projections owning separate
 * tables) on several cores. Its COMMITs wait for every answer, one round trip more, and are
 * then sent at once; should one fail after another succeeded (a connection lost between
 * them), the caller is told and applies again, which checkpoints make safe.
 */
export function pipelinedTransactions(pool: Pool): Required<Transactions> {
  const nameOf = preparedStatementNames();
  /** Runs the work; with `commitWithWork`, COMMIT goes out before the answers are back. */
  const open = async <T>(
    work: (sql: TransactionSql) => Promise<T>,
    commitWithWork: boolean,
  ): Promise<WorkDone<T>> => {
    const client = await pool.connect();
    const answers: Promise<unknown>[] = [];
    let failure: Error | undefined;
    // A connection lost between statements is reported by the client, not by a statement.
    const lost = (error: Error) => void (failure ??= error);
    client.on('error', lost);
    const submit = (text: string, parameters?: unknown[]) => {
      const answer = client.query({
        name: parameters?.length ? nameOf(text) : undefined,
        text,
        values: parameters,
      });
      answers.push(answer.catch((error: Error) => (failure ??= error)));
      return answer;
    };
    const sql: TransactionSql = {
      send: (text, parameters) => void submit(text, parameters),
      async query<Row>(text: string, parameters?: unknown[]) {
        const answer = submit(text, parameters);
        try {
          return (await answer).rows as Row[];
        } catch (error) {
          throw failure ?? error;
        }
      },
    };
    const settled = async () => {
      await Promise.all(answers);
      if (failure) throw failure;
    };
    const end = () => client.off('error', lost);
    void submit('BEGIN');
    try {
      const result = await work(sql);
      if (commitWithWork) void submit('COMMIT');
      await settled();
      return {
        result,
        commit: async () => {
          try {
            if (!commitWithWork) {
              void submit('COMMIT');
              await settled();
            }
            client.release();
          } catch (error) {
            await rollBack(client, answers);
            throw error;
          } finally {
            end();
          }
        },
        rollBack: async () => {
          await rollBack(client, answers).finally(end);
        },
      };
    } catch (error) {
      await rollBack(client, answers).finally(end);
      throw error;
    }
  };
  return {
    async run<T>(work: (sql: TransactionSql) => Promise<T>): Promise<T> {
      const done = await open(work, true);
      await done.commit();
      return done.result;
    },
    async runTogether<T>(works: readonly ((sql: TransactionSql) => Promise<T>)[]): Promise<T[]> {
      const opened = await Promise.allSettled(works.map((work) => open(work, false)));
      const done = opened.flatMap((outcome) =>
        outcome.status === 'fulfilled' ? [outcome.value] : [],
      );
      const failed = opened.find((outcome) => outcome.status === 'rejected');
      if (failed) {
        await Promise.all(done.map((transaction) => transaction.rollBack()));
        throw failed.reason;
      }
      const committed = await Promise.allSettled(done.map((transaction) => transaction.commit()));
      const commitFailed = committed.find((outcome) => outcome.status === 'rejected');
      if (commitFailed) throw commitFailed.reason;
      return done.map((transaction) => transaction.result);
    },
  };
}

/** Ends a transaction whose work failed, once every statement already sent is answered. */
async function rollBack(client: PoolClient, answers: Promise<unknown>[]): Promise<void> {
  const rollback = client.query('ROLLBACK');
  await Promise.all(answers);
  // A connection that cannot even roll back (PostgreSQL went away) is not reused.
  await rollback.then(
    () => client.release(),
    (error: Error) => client.release(error),
  );
}

/**
 * A transaction of the data source's, one statement at a time: `send` queues a statement
 * behind the others; `settled` waits for them all and reports the first failure.
 */
function sequentialSql(sql: SqlExecutor): TransactionSql & { settled(): Promise<void> } {
  let chain: Promise<unknown> = Promise.resolve();
  let failure: Error | undefined;
  const enqueue = <Row>(text: string, parameters?: unknown[]): Promise<Row[]> => {
    const answer = chain.then(() => {
      if (failure) throw failure;
      return sql.query<Row>(text, parameters);
    });
    chain = answer.catch((error: Error) => (failure ??= error));
    return answer;
  };
  return {
    send: (text, parameters) => void enqueue(text, parameters).catch(() => undefined),
    query: enqueue,
    settled: () =>
      chain.then(() => {
        if (failure) throw failure;
      }),
  };
}

/**
 * Runs work on a transaction the caller holds, a statement at a time (`sequentialSql`), and
 * returns once every statement it sent has run; the first failure is thrown, after them.
 */
export async function inSequence<T>(
  transaction: SqlExecutor,
  work: (sql: TransactionSql) => Promise<T>,
): Promise<T> {
  const sql = sequentialSql(transaction);
  try {
    const result = await work(sql);
    await sql.settled();
    return result;
  } catch (error) {
    // The caller rolls back once the statements already queued have run: one at a time.
    await sql.settled().catch(() => undefined);
    throw error;
  }
}

/** Transactions on a TypeORM data source, a statement at a time. */
export function dataSourceTransactions(dataSource: DataSource): Transactions {
  return { run: (work) => dataSource.transaction((manager) => inSequence(manager, work)) };
}
