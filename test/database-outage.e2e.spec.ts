import { Client } from 'pg';
import { NewslineUnderTest } from './support/newsline-under-test';
import { waitFor } from './support/wait-for';

describe('the projector when PostgreSQL refuses it', () => {
  let system: NewslineUnderTest;
  let admin: Client;

  const databaseName = () => new URL(system.config.DATABASE_URL).pathname.slice(1);

  /** Refuses new connections to the read-model database and cuts the open ones. */
  const refuse = async (refused: boolean) => {
    await admin.query(
      `ALTER DATABASE "${databaseName()}" WITH ALLOW_CONNECTIONS ${refused ? 'false' : 'true'}`,
    );
    if (refused) {
      await admin.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
        [databaseName()],
      );
    }
  };

  beforeAll(async () => {
    system = await NewslineUnderTest.start();
    const url = new URL(system.config.DATABASE_URL);
    url.pathname = '/postgres';
    admin = new Client({ connectionString: url.toString() });
    await admin.connect();
  });

  afterAll(async () => {
    await refuse(false).catch(() => undefined);
    await admin?.end();
    await system?.stop();
  });

  it('stalls and says so, keeps the events, and catches up when the database is back', async () => {
    const post = async (title: string) =>
      expect(
        (await system.post('/v1/developments', { occurredOn: '2025-12-20', title })).status,
      ).toBe(202);
    await post('before the outage');
    await system.caughtUp();

    await refuse(true);
    await post('during the outage');
    await post('still during the outage');
    // Queries need the database too: they fail with a clear error, not wrong data.
    const query = await system.get('/v1/timeline');
    expect(query.status).toBe(503);
    expect(query.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(((await query.json()) as { error: string }).error).toBe('database_unavailable');
    // The consumer cannot apply what arrived: it stalls, and health says so.
    const health = await waitFor('the consumer to report itself stalled', async () => {
      const response = await fetch(`${system.projectorUrl}/health`);
      const body = (await response.json()) as any;
      return response.status === 503 && body.details?.consumer?.status === 'down'
        ? body
        : undefined;
    });
    expect(health.details.postgres.status).toBe('down');

    await refuse(false);
    await system.caughtUp();
    const timeline = await system.getJson('/v1/timeline?limit=500');
    expect(timeline.items.map((item: { title: string }) => item.title)).toEqual([
      'before the outage',
      'during the outage',
      'still during the outage',
    ]);
    expect((await fetch(`${system.projectorUrl}/health`)).status).toBe(200);
  });
});
