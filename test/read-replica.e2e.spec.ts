import { execFileSync } from 'node:child_process';
import { DataSource } from 'typeorm';
import {
  dropDatabase,
  ensureDatabase,
  migrateExclusively,
  readModelDataSourceOptions,
} from '@app/read-model';
import { isolatedConfig, NewslineUnderTest } from './support/newsline-under-test';
import { sampleDevelopments } from './support/sample';

/**
 * DATABASE_READ_URL: queries read from it, the projector writes to DATABASE_URL. The
 * "replica" here is a second database that receives the primary's rows when the test
 * copies them, which stands for replication and its lag.
 */
describe('queries served from a read replica', () => {
  const primary = isolatedConfig();
  const replicaUrl = `${primary.DATABASE_URL}_replica`;
  let system: NewslineUnderTest;

  beforeAll(async () => {
    await ensureDatabase(replicaUrl);
    const replica = await new DataSource(readModelDataSourceOptions(replicaUrl)).initialize();
    await migrateExclusively(replica);
    await replica.destroy();
    system = await NewslineUnderTest.start(
      isolatedConfig({
        STREAM_NAME: primary.STREAM_NAME,
        SUBJECT_PREFIX: primary.SUBJECT_PREFIX,
        DATABASE_URL: primary.DATABASE_URL,
        DATABASE_READ_URL: replicaUrl,
      }),
    );
  });

  afterAll(async () => {
    await system?.stop();
    await dropDatabase(replicaUrl);
  });

  it('answers queries from the replica, which shows the primary’s rows once they reach it', async () => {
    for (const development of sampleDevelopments().slice(0, 4)) {
      expect((await system.post('/v1/developments', development)).status).toBe(202);
    }
    // The projector applies to the primary and reports from it...
    await system.caughtUp();
    // ...while queries read the replica, which has not received anything yet.
    expect((await system.getJson('/v1/timeline')).items).toEqual([]);

    const dump = execFileSync('pg_dump', [
      '--data-only',
      '--schema=read_model',
      primary.DATABASE_URL,
    ]);
    execFileSync('psql', ['-q', '-v', 'ON_ERROR_STOP=1', replicaUrl], { input: dump });
    const titles = (await system.getJson('/v1/timeline')).items.map(
      (item: { title: string }) => item.title,
    );
    expect(titles.sort()).toEqual(
      sampleDevelopments()
        .slice(0, 4)
        .map((development) => development.title)
        .sort(),
    );
  });
});
