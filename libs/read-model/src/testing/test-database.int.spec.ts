import { DataSource } from 'typeorm';
import { useTestDatabase } from './test-database';

const nameOf = async (dataSource: DataSource) =>
  (await dataSource.query<Array<{ name: string }>>('SELECT current_database() AS name'))[0].name;

describe('useTestDatabase', () => {
  const outer = useTestDatabase();
  let innerName = '';

  const databaseExists = async (name: string) =>
    (
      await outer.dataSource.query<unknown[]>('SELECT 1 FROM pg_database WHERE datname = $1', [
        name,
      ])
    ).length === 1;

  describe('a suite that uses it', () => {
    const inner = useTestDatabase();
    let errorWhileDeclaring: unknown;
    try {
      void inner.dataSource;
    } catch (error) {
      errorWhileDeclaring = error;
    }

    it('refuses to give the data source while the suite is being declared', () => {
      expect(errorWhileDeclaring).toBeInstanceOf(Error);
      expect((errorWhileDeclaring as Error).message).toMatch(
        /^useTestDatabase: .* in a hook or a test$/,
      );
    });

    it('gets a migrated database of its own', async () => {
      expect(inner.dataSource.isInitialized).toBe(true);
      expect(await inner.dataSource.showMigrations()).toBe(false);
      innerName = await nameOf(inner.dataSource);
      expect(innerName).toMatch(/^newsline_int_/);
      expect(innerName).not.toBe(await nameOf(outer.dataSource));
      expect(await databaseExists(innerName)).toBe(true);
    });
  });

  it('drops the database once the suite is over', async () => {
    expect(innerName).toMatch(/^newsline_int_/);
    expect(await databaseExists(innerName)).toBe(false);
  });
});
