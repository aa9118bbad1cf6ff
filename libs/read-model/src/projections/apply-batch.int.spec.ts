import { queryTimeline, recordedAt, useTestDatabase } from '@app/read-model/testing';
import { readCheckpoints } from '../checkpoints/checkpoints';
import { dataSourceTransactions, Transactions } from '../database/transactions';
import { timelineProjection } from '../timeline/timeline.projection';
import { applyBatch } from './apply-batch';
import type { Projection } from './projection';

describe.each([
  ['pipelined', (database: ReturnType<typeof useTestDatabase>) => database.transactions],
  [
    'one statement at a time',
    (database: ReturnType<typeof useTestDatabase>) => dataSourceTransactions(database.dataSource),
  ],
])('applyBatch on a real PostgreSQL database, %s', (_, transactionsOf) => {
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

  it('has entities and migrations that agree (no schema drift)', async () => {
    const pending = await database.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });
});
