import { Client } from 'pg';
import { NewslineUnderTest } from './support/newsline-under-test';
import { waitFor } from './support/wait-for';

/** Every query route, with a development, an actor and a topic that exist before the outage. */
const READ_ROUTES = [
  '/v1/timeline',
  '/v1/developments/:developmentId',
  '/v1/actors',
  '/v1/actors/outage-witness',
  '/v1/actors/outage-witness/positions',
  '/v1/actors/outage-witness/similar',
  '/v1/actors/duplicates',
  '/v1/topics',
  '/v1/topics/outages/positions',
];

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
    const recorded = await system.post('/v1/developments', {
      occurredOn: '2025-12-20',
      title: 'before the outage',
      statements: [{ actor: 'Outage Witness', topic: 'outages', stance: 'support' }],
    });
    expect(recorded.status).toBe(202);
    const { developmentId } = (await recorded.json()) as { developmentId: string };
    await system.caughtUp();

    await refuse(true);
    await post('during the outage');
    await post('still during the outage');
    // Queries need the database too: every one fails with a clear error, not wrong data.
    const answers: string[] = [];
    for (const path of READ_ROUTES) {
      const query = await system.get(path.replace(':developmentId', developmentId));
      const body = (await query.json()) as { error: string };
      answers.push(`${path} ${query.status} ${body.error} ${query.headers.get('retry-after')}`);
    }
    expect(answers).toEqual(READ_ROUTES.map((path) => `${path} 503 database_unavailable 2`));
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
