import { dropDatabase } from '@app/read-model';
import { NewslineUnderTest } from './support/newsline-under-test';
import { createProjectorApp } from '../apps/projector/src/create-projector-app';
import { sampleDevelopments } from './support/sample';
import { waitFor } from './support/wait-for';

describe('the projector resumes from its checkpoint', () => {
  let system: NewslineUnderTest;
  const samples = sampleDevelopments();

  beforeAll(async () => {
    system = await NewslineUnderTest.start();
  });

  afterAll(() => system?.stop());

  const timelineIds = async () =>
    (
      await system.getJson<{ items: Array<{ developmentId: string }> }>('/v1/timeline?limit=500')
    ).items.map((item) => item.developmentId);

  const post = async (bodies: unknown[]) => {
    for (const body of bodies)
      expect((await system.post('/v1/developments', body)).status).toBe(202);
  };

  it('catches up with what was recorded while it was down, applying each event once', async () => {
    await post(samples.slice(0, 6));
    await system.caughtUp();
    await system.stopProjector();

    await post(samples.slice(6));
    await system.startProjector();
    await system.caughtUp();

    const ids = await timelineIds();
    expect(ids).toHaveLength(samples.length);
    expect(new Set(ids).size).toBe(samples.length);
    for (const id of ids) {
      const development = await system.getJson(`/v1/developments/${id}`);
      expect(development.history).toHaveLength(1);
    }
  });

  it('rebuilds everything from the log when its database was thrown away', async () => {
    const before = await timelineIds();
    await system.stopProjector();
    await dropDatabase(system.config.DATABASE_URL);

    await system.startProjector();
    await system.caughtUp();
    expect(await timelineIds()).toEqual(before);
  });

  it('lets a second projector stand by and take over when the first goes away', async () => {
    const standby = await createProjectorApp(system.config);
    await standby.startAllMicroservices();
    await standby.listen(0, '127.0.0.1');
    const standbyUrl = await standby.getUrl();
    const leases = async (url: string) =>
      ((await (await fetch(`${url}/v1/projections`)).json()) as Array<{ lease: string }>).map(
        (p) => p.lease,
      );
    try {
      await post([{ occurredOn: '2025-12-23', title: 'Recorded while two projectors run' }]);
      await system.caughtUp();
      expect(await leases(system.projectorUrl)).toEqual(['held', 'held']);
      expect(await leases(standbyUrl)).toEqual(['waiting', 'waiting']);
      await system.stopProjector();

      await post([{ occurredOn: '2025-12-24', title: 'Recorded after the first one left' }]);
      const head = await system.lastSequence();
      await waitFor('the standby projector to take over', async () => {
        const projections = (await (await fetch(`${standbyUrl}/v1/projections`)).json()) as Array<{
          position: number;
        }>;
        return projections.every((p) => p.position === head) ? true : undefined;
      });
      const timeline = (await (await fetch(`${standbyUrl}/v1/timeline?limit=500`)).json()) as {
        items: Array<{ developmentId: string }>;
      };
      expect(new Set(timeline.items.map((item) => item.developmentId)).size).toBe(
        samples.length + 2,
      );
      expect(await leases(standbyUrl)).toEqual(['held', 'held']);
    } finally {
      await standby.close();
      await system.startProjector();
    }
  });
});
