import { isolatedConfig, NewslineUnderTest } from './support/newsline-under-test';
import { ensureBuilt, freePort, ProjectorProcess } from './support/projector-process';
import { waitFor } from './support/wait-for';
import { okJson } from './support/http';

const DEVELOPMENTS = 2000;

function development(index: number) {
  return {
    occurredOn: `2025-${String(1 + (index % 12)).padStart(2, '0')}-${String(1 + (index % 28)).padStart(2, '0')}`,
    title: `Failover development ${index}`,
    topics: [`topic-${index % 5}`],
    statements: [
      {
        actor: `Actor ${index % 20}`,
        topic: `topic-${index % 5}`,
        stance: ['support', 'oppose'][index % 2],
      },
    ],
  };
}

interface Status {
  name: string;
  position: number;
  status: string;
  lease: 'held' | 'waiting';
  instance: string;
  activeInstance: string | null;
}

describe('two projectors on one database: the standby takes over', () => {
  let system: NewslineUnderTest;
  let first: ProjectorProcess;
  let second: ProjectorProcess;

  const statusOf = async (projector: ProjectorProcess) =>
    (await (await fetch(`${projector.url}/v1/projections`)).json()) as Status[];
  const json = (projector: ProjectorProcess, path: string) => okJson(`${projector.url}${path}`);
  const answers = async (projector: ProjectorProcess) => {
    const result: Record<string, unknown> = {
      timeline: await json(projector, '/v1/timeline?limit=500&order=desc'),
      actors: await json(projector, '/v1/actors?limit=500'),
      topics: await json(projector, '/v1/topics?limit=500'),
    };
    for (const { id } of (result.actors as { items: Array<{ id: string }> }).items) {
      result[`positions ${id}`] = await json(
        projector,
        `/v1/actors/${id}/positions?historyLimit=1000`,
      );
    }
    return result;
  };

  beforeAll(async () => {
    ensureBuilt();
    system = await NewslineUnderTest.startIngestOnly(
      isolatedConfig({ PROJECTOR_BATCH_SIZE: '50' }),
    );
    first = new ProjectorProcess(system.config, await freePort());
    await first.start();
    await waitFor('the first projector to hold the lease', async () =>
      (await statusOf(first)).every((p) => p.lease === 'held') ? true : undefined,
    );
    second = new ProjectorProcess(system.config, await freePort());
    await second.start();
  }, 120_000);

  afterAll(async () => {
    await first?.kill();
    await second?.kill();
    await system?.stop();
  });

  it('one applies, both say which; kill -9 the active one during ingest and the other carries on', async () => {
    const [onFirst, onSecond] = [await statusOf(first), await statusOf(second)];
    expect(onFirst.map((p) => p.lease)).toEqual(['held', 'held']);
    expect(onSecond.map((p) => p.lease)).toEqual(['waiting', 'waiting']);
    expect(onSecond[0].activeInstance).toBe(onFirst[0].instance);
    expect(onFirst[0].activeInstance).toBe(onFirst[0].instance);
    expect(onSecond[0].instance).not.toBe(onFirst[0].instance);

    let posted = 0;
    const posting = (async () => {
      for (let start = 0; start < DEVELOPMENTS; start += 50) {
        const responses = await Promise.all(
          Array.from({ length: 50 }, (_, i) =>
            system.post('/v1/developments', development(start + i)),
          ),
        );
        for (const response of responses) expect(response.status).toBe(202);
        posted += responses.length;
      }
    })();
    await waitFor('the first projector to be applying', async () =>
      posted >= 500 && (await statusOf(first))[0].position > 0 ? true : undefined,
    );
    await first.kill('SIGKILL');
    // How fast is a figure for docs/scaling.md; here, that the standby takes over at all.
    await waitFor('the standby to take the lease', async () =>
      (await statusOf(second)).every((p) => p.lease === 'held') ? true : undefined,
    );
    await posting;

    const head = await system.lastSequence();
    expect(head).toBe(DEVELOPMENTS);
    await waitFor(
      'the standby to apply everything',
      async () =>
        (await statusOf(second)).every((p) => p.position === head && p.status === 'live')
          ? true
          : undefined,
      { timeoutMs: 60_000 },
    );
    const taken = await statusOf(second);
    expect(taken[0].activeInstance).toBe(taken[0].instance);

    // Nothing lost, nothing applied twice: the read models equal a fresh rebuild.
    const live = await answers(second);
    expect((live.timeline as { items: unknown[] }).items).toHaveLength(500);
    const started = await fetch(`${second.url}/v1/projections/all/rebuild`, { method: 'POST' });
    const { rebuildId } = (await started.json()) as { rebuildId: string };
    const rebuild = await waitFor('the rebuild', async () => {
      const state = await json(second, `/v1/rebuilds/${rebuildId}`);
      return state.status === 'running' ? undefined : state;
    });
    expect(rebuild.status).toBe('succeeded');
    expect(await answers(second)).toEqual(live);
  }, 180_000);
});
