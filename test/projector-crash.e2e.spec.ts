import { isolatedConfig, NewslineUnderTest } from './support/newsline-under-test';
import { ensureBuilt, freePort, ProjectorProcess } from './support/projector-process';
import { waitFor } from './support/wait-for';
import { okJson } from './support/http';

const DEVELOPMENTS = 3000;

function development(index: number) {
  return {
    occurredOn: `2025-${String(1 + (index % 12)).padStart(2, '0')}-${String(1 + (index % 28)).padStart(2, '0')}`,
    title: `Development ${index}`,
    topics: [`topic-${index % 7}`],
    actors: [{ name: `Actor ${index % 30}`, affiliation: `party-${index % 3}` }],
    statements: [
      {
        actor: `Actor ${index % 30}`,
        topic: `topic-${index % 7}`,
        stance: ['support', 'oppose'][index % 2],
      },
    ],
  };
}

describe('the projector killed while developments pour in', () => {
  let system: NewslineUnderTest;
  let projector: ProjectorProcess;

  const json = (path: string) => okJson(`${projector.url}${path}`);

  /** Everything the read models answer, for comparison. */
  const answers = async () => {
    const result: Record<string, unknown> = {
      timeline: await json('/v1/timeline?limit=500&order=desc'),
      actors: await json('/v1/actors?limit=500'),
      topics: await json('/v1/topics?limit=500'),
    };
    for (const { id } of (result.actors as { items: Array<{ id: string }> }).items) {
      result[`positions ${id}`] = await json(`/v1/actors/${id}/positions?historyLimit=1000`);
    }
    for (const { topic } of (result.topics as { items: Array<{ topic: string }> }).items) {
      result[`topic ${topic}`] = await json(`/v1/topics/${topic}/positions`);
    }
    return result;
  };

  const caughtUp = (position: number) =>
    waitFor(
      `the projections to reach ${position}`,
      async () => {
        const projections = await json('/v1/projections');
        return projections.every((p: any) => p.position === position && p.status === 'live')
          ? true
          : undefined;
      },
      { timeoutMs: 60_000 },
    );

  beforeAll(async () => {
    ensureBuilt();
    system = await NewslineUnderTest.startIngestOnly(
      isolatedConfig({ PROJECTOR_BATCH_SIZE: '50' }),
    );
    projector = new ProjectorProcess(system.config, await freePort());
    await projector.start();
  }, 120_000);

  afterAll(async () => {
    await projector?.kill();
    await system?.stop();
  });

  it('loses no event and applies none twice: the read models equal a fresh rebuild', async () => {
    const exits: Array<number | null> = [];
    const posting = (async () => {
      for (let start = 0; start < DEVELOPMENTS; start += 50) {
        const posts = Array.from({ length: 50 }, (_, i) =>
          system.post('/v1/developments', development(start + i)),
        );
        for (const response of await Promise.all(posts)) expect(response.status).toBe(202);
      }
    })();
    // Stop it three times, each once it has applied part of what arrived: killed outright
    // twice, and once asked to stop, which must finish its batch and exit cleanly.
    const stops: Array<[number, NodeJS.Signals]> = [
      [DEVELOPMENTS / 4, 'SIGKILL'],
      [DEVELOPMENTS / 2, 'SIGTERM'],
      [(DEVELOPMENTS * 3) / 4, 'SIGKILL'],
    ];
    for (const [threshold, signal] of stops) {
      await waitFor('the projector to be part-way', async () => {
        const projections = await json('/v1/projections');
        return projections[0].position >= threshold ? true : undefined;
      });
      exits.push(await projector.kill(signal));
      await projector.start();
    }
    await posting;
    expect(exits).toEqual([null, 0, null]);
    await caughtUp(DEVELOPMENTS);
    const live = await answers();
    expect((live.timeline as { items: unknown[] }).items).toHaveLength(500);
    const actorCount = (live.actors as { items: Array<{ developments: number }> }).items.reduce(
      (sum, actor) => sum + actor.developments,
      0,
    );
    expect(actorCount).toBe(DEVELOPMENTS);

    const rebuild = await fetch(`${projector.url}/v1/projections/all/rebuild`, { method: 'POST' });
    const { rebuildId } = (await rebuild.json()) as { rebuildId: string };
    await waitFor(
      'the rebuild',
      async () =>
        (await json(`/v1/rebuilds/${rebuildId}`)).status === 'succeeded' ? true : undefined,
      { timeoutMs: 60_000 },
    );
    expect(await answers()).toEqual(live);
  });
});
