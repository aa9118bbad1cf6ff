import { queryTimeline, recordedAt, useTestDatabase } from '@app/read-model/testing';
import { readCheckpoints } from '../checkpoints/checkpoints';
import { dataSourceTransactions, Transactions } from '../database/transactions';
import { positionsProjection } from '../positions/positions.projection';
import { timelineProjection } from '../timeline/timeline.projection';
import { applyBatch } from './apply-batch';
import type { Projection } from './projection';

describe.each([
  ['pipelined', (database: ReturnType<typeof useTestDatabase>) => database.transactions],
  [
    'one statement at a time',
    (database: ReturnType<typeof useTestDatabase>) => dataSourceTransactions(database.dataSource),
  ],
])('applyBatch on a real PostgreSQL database, %s', (way, transactionsOf) => {
  const database = useTestDatabase();
  let transactions: Transactions;
  beforeAll(() => {
    transactions = transactionsOf(database);
  });

  const count = async (table: string) =>
    Number((await database.dataSource.query(`SELECT count(*) AS n FROM read_model.${table}`))[0].n);
  const checkpoint = async () =>
    (await readCheckpoints(database.dataSource, ['timeline'])).get('timeline');

  it('applies a batch and its checkpoint together, and skips what is at or below it', async () => {
    const batch = [
      recordedAt(1, { occurredOn: '2025-12-02', title: 'first' }),
      recordedAt(2, { occurredOn: '2025-12-01', title: 'second', topics: ['peace-plan'] }),
    ];
    await applyBatch(transactions, [timelineProjection], batch);
    expect(await checkpoint()).toBe(2);

    // A redelivery of the same batch, and an overlapping one, change nothing twice.
    await applyBatch(transactions, [timelineProjection], batch);
    await applyBatch(
      transactions,
      [timelineProjection],
      [batch[1], recordedAt(3, { occurredOn: '2025-12-03', title: 'third' })],
    );
    expect(await count('developments')).toBe(3);
    expect(await count('development_events')).toBe(3);
    expect(await checkpoint()).toBe(3);

    // Redelivered late, behind a newer batch: neither applied nor moving the checkpoint back.
    await applyBatch(transactions, [timelineProjection], batch);
    expect(await checkpoint()).toBe(3);

    const page = await queryTimeline(database.dataSource, { order: 'asc', limit: 10 });
    expect(page.items.map((item) => item.title)).toEqual(['second', 'first', 'third']);
  });

  it('rolls the whole batch back, checkpoint included, when its work fails', async () => {
    const failing: Projection = {
      name: 'failing',
      tables: [],
      handle: () => Promise.reject(new Error('boom')),
    };
    const before = await count('developments');
    await expect(
      applyBatch(
        transactions,
        [timelineProjection, failing],
        [recordedAt(4, { occurredOn: '2025-12-04', title: 'fourth' })],
      ),
    ).rejects.toThrow('boom');
    expect(await count('developments')).toBe(before);
    expect(await checkpoint()).toBe(3);
  });

  it('reports the first statement that failed, not those it aborted, and keeps nothing', async () => {
    const failing: Projection = {
      name: 'failing',
      tables: [],
      handle(_events, sql) {
        sql.send(`SELECT 1 / $1::int`, [0]);
        sql.send(`SELECT 1`);
        return sql.query(`SELECT 2`).then(() => undefined);
      },
    };
    const before = await count('developments');
    await expect(
      applyBatch(
        transactions,
        [timelineProjection, failing],
        [recordedAt(5, { occurredOn: '2025-12-05', title: 'fifth' })],
      ),
    ).rejects.toMatchObject({ code: '22012', message: 'division by zero' });
    expect(await count('developments')).toBe(before);
    expect(await checkpoint()).toBe(3);

    // The connection is fit for the next batch.
    await applyBatch(
      transactions,
      [timelineProjection],
      [recordedAt(5, { occurredOn: '2025-12-05', title: 'fifth' })],
    );
    expect(await checkpoint()).toBe(5);
  });

  it('writes each projection on a connection of its own when pipelined, and commits them together', async () => {
    const backends: number[] = [];
    const recordingBackend = (name: string): Projection => ({
      name,
      tables: [],
      async handle(_events, sql) {
        const [row] = await sql.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
        backends.push(row.pid);
      },
    });
    await applyBatch(
      transactions,
      [recordingBackend('first'), recordingBackend('second')],
      [recordedAt(6, { occurredOn: '2025-12-06', title: 'sixth' })],
    );
    expect(new Set(backends).size).toBe(way === 'pipelined' ? 2 : 1);
    const checkpoints = await readCheckpoints(database.dataSource, ['first', 'second']);
    expect([...checkpoints.values()]).toEqual([6, 6]);
  });

  it('applies to each projection what it has not applied yet, when one is ahead', async () => {
    const batch = [7, 8, 9].map((sequence) =>
      recordedAt(sequence, {
        occurredOn: '2025-12-07',
        title: `event ${sequence}`,
        actors: [{ name: 'Volodymyr Zelensky' }],
      }),
    );
    // As when the timeline's commit went through and the positions' did not.
    await applyBatch(transactions, [timelineProjection], batch.slice(0, 2));
    await applyBatch(transactions, [timelineProjection, positionsProjection], batch);
    const sequencesIn = async (table: string) =>
      (
        await database.dataSource.query<{ sequence: string }[]>(
          `SELECT sequence FROM read_model.${table} WHERE sequence >= 7 ORDER BY sequence`,
        )
      ).map((row) => Number(row.sequence));
    expect(await sequencesIn('development_events')).toEqual([7, 8, 9]);
    expect(await sequencesIn('development_actors')).toEqual([7, 8, 9]);
    const checkpoints = await readCheckpoints(database.dataSource, ['timeline', 'positions']);
    expect(Object.fromEntries(checkpoints)).toEqual({ timeline: 9, positions: 9 });
  });

  it('has entities and migrations that agree (no schema drift)', async () => {
    const pending = await database.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });
});
