import { dropDatabase } from '@app/read-model';
import { NewslineUnderTest } from './support/newsline-under-test';
import { sampleDevelopments } from './support/sample';

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
});
