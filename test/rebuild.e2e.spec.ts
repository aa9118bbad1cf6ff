import { everyAnswer, generated } from './support/answers';
import { NewslineUnderTest } from './support/newsline-under-test';
import { sampleDevelopments } from './support/sample';
import { waitFor } from './support/wait-for';

describe('rebuilding the projections from the log', () => {
  let system: NewslineUnderTest;

  beforeAll(async () => {
    system = await NewslineUnderTest.start();
    for (const body of [
      ...sampleDevelopments(),
      ...Array.from({ length: 300 }, (_, i) => generated(i, 'before')),
    ]) {
      expect((await system.post('/v1/developments', body)).status).toBe(202);
    }
    await system.caughtUp();
  });

  afterAll(() => system?.stop());

  const rebuild = async (name: string) => {
    const response = await fetch(`${system.projectorUrl}/v1/projections/${name}/rebuild`, {
      method: 'POST',
    });
    return response;
  };

  const finished = (rebuildId: string) =>
    waitFor(`rebuild ${rebuildId}`, async () => {
      const state = await system.getJson(`/v1/rebuilds/${rebuildId}`);
      return state.status === 'running' ? undefined : state;
    });

  it('rebuilds "all" while writes and reads go on, and ends with the same answers', async () => {
    const before = await everyAnswer(system);
    const started = await rebuild('all');
    expect(started.status).toBe(202);
    const { rebuildId } = (await started.json()) as { rebuildId: string };

    let stop = false;
    let lastCount = 0;
    let sawRebuilding = false;
    const failures: string[] = [];
    const posted: string[] = [];
    const writer = (async () => {
      for (let i = 0; !stop || i < 20; i++) {
        const response = await system.post('/v1/developments', generated(i, 'during'));
        if (response.status !== 202) failures.push(`POST ${response.status}`);
        else posted.push(((await response.json()) as { developmentId: string }).developmentId);
      }
    })();
    const reader = (async () => {
      while (!stop) {
        const response = await system.get('/v1/timeline?limit=500');
        if (response.status !== 200) failures.push(`GET ${response.status}`);
        const count = ((await response.json()) as { items: unknown[] }).items.length;
        if (count < lastCount) failures.push(`timeline shrank from ${lastCount} to ${count}`);
        lastCount = count;
        const projections = await system.getJson('/v1/projections');
        if (projections.some((p: any) => p.status === 'stalled')) failures.push('stalled');
        if (projections.every((p: any) => p.status === 'rebuilding' && p.rebuild?.rebuildId)) {
          sawRebuilding = true;
        }
      }
    })();

    const state = await finished(rebuildId);
    stop = true;
    await Promise.all([writer, reader]);
    expect(state).toMatchObject({ status: 'succeeded', error: null });
    expect(failures).toEqual([]);
    expect(sawRebuilding).toBe(true);
    await system.caughtUp();
    expect(await system.schemaDrift()).toEqual([]);

    const after = await everyAnswer(system);
    for (const [path, answer] of Object.entries(before)) {
      if (
        path.startsWith('/v1/timeline') ||
        path.startsWith('/v1/actors?') ||
        path.startsWith('/v1/topics?')
      ) {
        continue;
      }
      expect([path, after[path]]).toEqual([path, answer]);
    }
    const timeline = (
      after['/v1/timeline?limit=500'] as { items: Array<{ developmentId: string }> }
    ).items;
    const beforeIds = (
      before['/v1/timeline?limit=500'] as { items: Array<{ developmentId: string }> }
    ).items.map((item) => item.developmentId);
    expect(timeline.map((item) => item.developmentId)).toEqual(
      expect.arrayContaining([...beforeIds, ...posted]),
    );
    expect(timeline).toHaveLength(beforeIds.length + posted.length);
  });

  it('answers 409 for a second rebuild of the same projection, 404 for an unknown one', async () => {
    const first = await rebuild('timeline');
    expect(first.status).toBe(202);
    const second = await rebuild('all');
    expect(second.status).toBe(409);
    expect((await rebuild('no-such-projection')).status).toBe(404);
    const { rebuildId } = (await first.json()) as { rebuildId: string };
    expect(await finished(rebuildId)).toMatchObject({ status: 'succeeded' });
  });
});
