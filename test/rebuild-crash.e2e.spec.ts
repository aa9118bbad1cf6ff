import { Client } from 'pg';
import { isolatedConfig, NewslineUnderTest } from './support/newsline-under-test';
import { ensureBuilt, freePort, ProjectorProcess } from './support/projector-process';
import { waitFor } from './support/wait-for';
import { okJson } from './support/http';

const DEVELOPMENTS = 4000;

function development(index: number) {
  return {
    occurredOn: `2025-${String(1 + (index % 12)).padStart(2, '0')}-${String(1 + (index % 28)).padStart(2, '0')}`,
    title: `Development ${index}`,
    actors: [{ name: `Actor ${index % 40}` }],
    statements: [{ actor: `Actor ${index % 40}`, topic: `topic-${index % 9}`, stance: 'support' }],
  };
}

describe('a rebuild killed half-way', () => {
  let system: NewslineUnderTest;
  let projector: ProjectorProcess;

  const json = (path: string) => okJson(`${projector.url}${path}`);

  const shadowSchemas = async () => {
    const client = new Client({ connectionString: system.config.DATABASE_URL });
    await client.connect();
    try {
      const { rows } = await client.query(
        "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'read_model_rebuild_%'",
      );
      return rows.map((row: { nspname: string }) => row.nspname);
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    ensureBuilt();
    system = await NewslineUnderTest.startIngestOnly(isolatedConfig({ REBUILD_BATCH_SIZE: '500' }));
    projector = new ProjectorProcess(system.config, await freePort());
    await projector.start();
    for (let start = 0; start < DEVELOPMENTS; start += 100) {
      const posts = Array.from({ length: 100 }, (_, i) =>
        system.post('/v1/developments', development(start + i)),
      );
      for (const response of await Promise.all(posts)) expect(response.status).toBe(202);
    }
    await waitFor(
      'the projector to catch up',
      async () => {
        const projections = await json('/v1/projections');
        return projections.every((p: any) => p.position === DEVELOPMENTS) ? true : undefined;
      },
      { timeoutMs: 60_000 },
    );
  }, 180_000);

  afterAll(async () => {
    await projector?.kill();
    await system?.stop();
  });

  it('leaves the old read model answering, is cleaned up on restart, and a new rebuild succeeds', async () => {
    const before = await json('/v1/timeline?limit=500&order=desc');
    const actorsBefore = await json('/v1/actors?limit=500');
    const started = await fetch(`${projector.url}/v1/projections/all/rebuild`, { method: 'POST' });
    expect(started.status).toBe(202);
    await waitFor(
      'the rebuild to be half-way',
      async () => {
        const [timeline] = await json('/v1/projections');
        const rebuild = timeline.rebuild;
        return rebuild && rebuild.position > 0 && rebuild.position < DEVELOPMENTS
          ? true
          : undefined;
      },
      { intervalMs: 5 },
    );
    await projector.kill('SIGKILL');
    expect(await shadowSchemas()).toHaveLength(1);

    await projector.start();
    expect(await shadowSchemas()).toEqual([]);
    expect(await json('/v1/timeline?limit=500&order=desc')).toEqual(before);

    const again = await fetch(`${projector.url}/v1/projections/all/rebuild`, { method: 'POST' });
    expect(again.status).toBe(202);
    const { rebuildId } = (await again.json()) as { rebuildId: string };
    const state = await waitFor(
      'the second rebuild',
      async () => {
        const current = await json(`/v1/rebuilds/${rebuildId}`);
        return current.status === 'running' ? undefined : current;
      },
      { timeoutMs: 60_000 },
    );
    expect(state).toMatchObject({ status: 'succeeded', position: DEVELOPMENTS });
    expect(await json('/v1/timeline?limit=500&order=desc')).toEqual(before);
    expect(await json('/v1/actors?limit=500')).toEqual(actorsBefore);
    expect(await shadowSchemas()).toEqual([]);
  });
});
