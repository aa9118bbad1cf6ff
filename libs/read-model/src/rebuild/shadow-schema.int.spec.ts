import { PROJECTIONS } from '../projections/all-projections';
import { READ_MODEL_SCHEMA } from '../database/read-model-schema';
import { useTestDatabase } from '../testing/test-database';
import { buildIndexes, createShadowSchema } from './shadow-schema';

const SHADOW = 'read_model_rebuild_shadow_schema_test';

describe('createShadowSchema', () => {
  const database = useTestDatabase();

  /** Each index of the schema, as `table index`. */
  const indexesIn = async (schema: string) =>
    (
      await database.dataSource.query<Array<{ name: string }>>(
        `SELECT tablename || ' ' || indexname AS name FROM pg_indexes
          WHERE schemaname = $1 ORDER BY 1`,
        [schema],
      )
    ).map((row) => row.name);

  it('builds the indexes the writes use with the empty copy, and the others when asked', async () => {
    const deferred = await createShadowSchema(database.dataSource, SHADOW, PROJECTIONS);
    const live = await indexesIn(READ_MODEL_SCHEMA);
    const declared = PROJECTIONS.flatMap((projection) => projection.indexesWritesUse ?? []);
    const withTheCopy = await indexesIn(SHADOW);
    // Every declared index exists in the live read model, and was built with the copy.
    for (const name of declared) {
      expect(live.filter((index) => index.endsWith(` ${name}`))).toHaveLength(1);
      expect(withTheCopy.filter((index) => index.endsWith(` ${name}`))).toHaveLength(1);
    }
    expect(deferred.length).toBeGreaterThan(0);
    expect(deferred.some((definition) => declared.some((name) => definition.includes(name)))).toBe(
      false,
    );

    await buildIndexes(database.dataSource, deferred);
    const liveOfTheProjections = live.filter(
      (index) =>
        PROJECTIONS.some((projection) => projection.tables.includes(index.split(' ')[0])) ||
        index.startsWith('projection_checkpoints '),
    );
    expect(await indexesIn(SHADOW)).toEqual(liveOfTheProjections);
  });
});
