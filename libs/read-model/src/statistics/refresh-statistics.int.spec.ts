import { recordedAt, useTestDatabase } from '@app/read-model/testing';
import { PROJECTIONS } from '..';
import { applyBatch } from '../projections/apply-batch';
import {
  refreshStatistics,
  shouldRefreshStatistics,
  STATISTICS_REFRESH_EVENTS,
} from './refresh-statistics';

describe('shouldRefreshStatistics', () => {
  it('waits for a bulk load to be over: enough events, and a batch smaller than the largest', () => {
    expect(shouldRefreshStatistics(STATISTICS_REFRESH_EVENTS, 500, 500)).toBe(false);
    expect(shouldRefreshStatistics(STATISTICS_REFRESH_EVENTS, 12, 500)).toBe(true);
    expect(shouldRefreshStatistics(STATISTICS_REFRESH_EVENTS - 1, 12, 500)).toBe(false);
  });
});

describe('refreshStatistics on a real PostgreSQL database', () => {
  const database = useTestDatabase();

  it("gives the planner the read model's real size", async () => {
    const events = Array.from({ length: 300 }, (_, n) =>
      recordedAt(n + 1, { occurredOn: '2025-12-02', title: `development ${n}` }),
    );
    await applyBatch(database.transactions, PROJECTIONS, events);
    const tables = PROJECTIONS.flatMap((projection) => projection.tables);
    await refreshStatistics(database.dataSource, tables);
    const rows = await database.dataSource.query<Array<{ relname: string; reltuples: number }>>(
      `SELECT relname, reltuples FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'read_model' AND relname = ANY($1)`,
      [tables],
    );
    const tuples = Object.fromEntries(rows.map((row) => [row.relname, Number(row.reltuples)]));
    expect(tuples.developments).toBe(300);
    expect(tuples.development_events).toBe(300);
  });
});
