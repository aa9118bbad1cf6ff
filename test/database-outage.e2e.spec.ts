import { Client } from 'pg';
import { isolatedConfig, NewslineUnderTest } from './support/newsline-under-test';
import { PostgresInstance } from './support/postgres-instance';
import { ProjectorProcess } from './support/projector-process';
import { ensureBuilt, freePort } from './support/service-process';
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

/** Every query route answers 503 database_unavailable with Retry-After: a clear error, not wrong data. */
async function expectEveryQueryRefused(system: NewslineUnderTest, developmentId: string) {
  const answers: string[] = [];
  for (const path of READ_ROUTES) {
    const query = await system.get(path.replace(':developmentId', developmentId));
    const body = (await query.json()) as { error: string };
    answers.push(`${path} ${query.status} ${body.error} ${query.headers.get('retry-after')}`);
  }
  expect(answers).toEqual(READ_ROUTES.map((path) => `${path} 503 database_unavailable 2`));
}

/** Waits until the projector's health reports the consumer stalled; resolves with the health body. */
function stalledHealth(system: NewslineUnderTest): Promise<any> {
  return waitFor('the consumer to report itself stalled', async () => {
    const response = await fetch(`${system.projectorUrl}/health`);
    const body = (await response.json()) as any;
    return response.status === 503 && body.details?.consumer?.status === 'down' ? body : undefined;
  });
}

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
    // Queries need the database too.
    await expectEveryQueryRefused(system, developmentId);
    // The consumer cannot apply what arrived: it stalls, and health says so.
    const health = await stalledHealth(system);
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

describe('the projector when its PostgreSQL server is stopped hard', () => {
  let postgres: PostgresInstance;
  let system: NewslineUnderTest;
  let projector: ProjectorProcess;

  beforeAll(async () => {
    ensureBuilt();
    postgres = PostgresInstance.create(await freePort());
    postgres.start();
    system = await NewslineUnderTest.startIngestOnly(
      isolatedConfig({ DATABASE_URL: postgres.url('newsline') }),
    );
    // A process of its own: under Jest, the errors of a refused connection come from another
    // realm than the projector's code, which would then not recognise them.
    projector = new ProjectorProcess(system.config, await freePort());
    await projector.start();
    system.useProjectorAt(projector.url);
  }, 120_000);

  afterAll(async () => {
    try {
      await projector?.kill();
      // Stopping the system drops its database, which needs the server.
      if (postgres && !postgres.isRunning) postgres.start();
      await system?.stop();
    } finally {
      postgres?.remove();
    }
  });

  it('stalls and says so while the server is down, then applies every event once', async () => {
    const developmentIds: string[] = [];
    const record = async (title: string) => {
      const response = await system.post('/v1/developments', {
        occurredOn: '2025-12-21',
        title,
        statements: [{ actor: 'Outage Witness', topic: 'outages', stance: 'support' }],
      });
      expect(response.status).toBe(202);
      developmentIds.push(((await response.json()) as { developmentId: string }).developmentId);
    };
    for (const n of [1, 2, 3]) await record(`before the crash ${n}`);
    await system.caughtUp();

    postgres.kill();
    // Ingest needs only the log: writes go on being recorded.
    for (const n of [1, 2, 3]) await record(`while the server is down ${n}`);
    await expectEveryQueryRefused(system, developmentIds[0]);
    const health = await stalledHealth(system);
    expect(health.details.postgres.status).toBe('down');
    // Positions are kept in the database, so the status route cannot tell them either.
    const projections = await system.get('/v1/projections');
    expect([
      projections.status,
      ((await projections.json()) as { error: string }).error,
      projections.headers.get('retry-after'),
    ]).toEqual([503, 'database_unavailable', '2']);

    postgres.start();
    await system.caughtUp();
    const statuses = await system.getJson<Array<{ status: string }>>('/v1/projections');
    expect(statuses.map((projection) => projection.status)).toEqual(statuses.map(() => 'live'));
    const recovered = await fetch(`${system.projectorUrl}/health`);
    expect(recovered.status).toBe(200);
    const timeline = await system.getJson<{ items: Array<{ developmentId: string }> }>(
      '/v1/timeline?limit=500',
    );
    expect(timeline.items.map((item) => item.developmentId).sort()).toEqual(
      [...developmentIds].sort(),
    );
    const witness = await system.getJson<{ developments: number; statements: number }>(
      '/v1/actors/outage-witness',
    );
    expect([witness.developments, witness.statements]).toEqual([
      developmentIds.length,
      developmentIds.length,
    ]);
    for (const developmentId of developmentIds) {
      const development = await system.getJson<{ history: unknown[] }>(
        `/v1/developments/${developmentId}`,
      );
      expect([developmentId, development.history]).toEqual([
        developmentId,
        [expect.objectContaining({ type: 'NewsEventRecorded' })],
      ]);
    }
  });
});
