import { queryTimeline, recordedAt, useTestDatabase } from '@app/read-model/testing';
import { readCheckpoints } from '../checkpoints/checkpoints';
import { timelineProjection } from '../timeline/timeline.projection';
import { applyBatch } from './apply-batch';

describe('applyBatch on a real PostgreSQL database', () => {
  const database = useTestDatabase();

  const count = async (table: string) =>
    Number((await database.dataSource.query(`SELECT count(*) AS n FROM read_model.${table}`))[0].n);

  it('applies a batch and its checkpoint together, and skips what is at or below it', async () => {
    const batch = [
      recordedAt(1, { occurredOn: '2025-12-02', title: 'first' }),
      recordedAt(2, { occurredOn: '2025-12-01', title: 'second', topics: ['peace-plan'] }),
    ];
    await applyBatch(database.dataSource, [timelineProjection], batch);
    expect((await readCheckpoints(database.dataSource, ['timeline'])).get('timeline')).toBe(2);

    // A redelivery of the same batch, and an overlapping one, change nothing twice.
    await applyBatch(database.dataSource, [timelineProjection], batch);
    await applyBatch(
      database.dataSource,
      [timelineProjection],
      [batch[1], recordedAt(3, { occurredOn: '2025-12-03', title: 'third' })],
    );
    expect(await count('developments')).toBe(3);
    expect(await count('development_events')).toBe(3);
    expect((await readCheckpoints(database.dataSource, ['timeline'])).get('timeline')).toBe(3);

    const page = await queryTimeline(database.dataSource, { order: 'asc', limit: 10 });
    expect(page.items.map((item) => item.title)).toEqual(['second', 'first', 'third']);
  });

  it('rolls the whole batch back, checkpoint included, when one statement fails', async () => {
    const failing = {
      name: 'failing',
      tables: [],
      handle: () => Promise.reject(new Error('boom')),
    };
    const before = await count('developments');
    await expect(
      applyBatch(
        database.dataSource,
        [timelineProjection, failing],
        [recordedAt(4, { occurredOn: '2025-12-04', title: 'fourth' })],
      ),
    ).rejects.toThrow('boom');
    expect(await count('developments')).toBe(before);
    expect((await readCheckpoints(database.dataSource, ['timeline'])).get('timeline')).toBe(3);
  });

  it('has entities and migrations that agree (no schema drift)', async () => {
    const pending = await database.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });
});
