import { randomUUID } from 'node:crypto';
import { developmentIdFor, developmentSubject } from '@app/contracts';
import { everyAnswer } from './support/answers';
import { NewslineUnderTest } from './support/newsline-under-test';
import { waitFor } from './support/wait-for';

/** A NewsEventRecorded exactly as version 1 of ingest wrote it: no occurredUntil for one day. */
function version1Event(key: string, development: Record<string, unknown>) {
  const eventId = randomUUID();
  return {
    eventId,
    type: 'NewsEventRecorded',
    schemaVersion: 1,
    recordedAt: '2025-12-16T08:00:00.000Z',
    correlationId: eventId,
    causationId: null,
    data: { developmentId: developmentIdFor(key), idempotencyKey: key, development },
  };
}

describe('events written at older schema versions', () => {
  let system: NewslineUnderTest;

  beforeAll(async () => {
    system = await NewslineUnderTest.start();
  });

  afterAll(() => system?.stop());

  const publishV1 = async (key: string, development: Record<string, unknown>) => {
    const event = version1Event(key, development);
    await system.log.publish(
      developmentSubject(system.config.SUBJECT_PREFIX, event.data.developmentId),
      JSON.stringify(event),
      { 'Newsline-Event-Type': 'NewsEventRecorded', 'Newsline-Schema-Version': '1' },
    );
    return event.data.developmentId;
  };

  it('reads version 1 NewsEventRecorded from the log into the same read models as version 2', async () => {
    const oneDay = await publishV1('v1-one-day', {
      occurredOn: '2025-12-02',
      title: 'Zelensky: the plan will have 20 points, not 28',
      topics: ['peace-plan'],
      actors: [{ id: 'volodymyr-zelensky', name: 'Volodymyr Zelensky', affiliation: 'ukraine' }],
      statements: [{ actor: 'volodymyr-zelensky', topic: 'peace-plan', stance: 'conditional' }],
    });
    const range = await publishV1('v1-range', {
      occurredOn: '2025-12-19',
      occurredUntil: '2025-12-20',
      title: 'The US proposes trilateral talks; Moscow rejects them',
      topics: ['trilateral-talks'],
      actors: [{ id: 'russia', name: 'Russia' }],
      statements: [{ actor: 'russia', topic: 'trilateral-talks', stance: 'oppose' }],
    });
    const posted = await system.post('/v1/developments', {
      occurredOn: '2025-12-03',
      title: 'Posted today, at version 2',
      statements: [{ actor: 'Volodymyr Zelensky', topic: 'peace-plan', stance: 'support' }],
    });
    expect(posted.status).toBe(202);
    await system.caughtUp();

    const timeline = await system.getJson('/v1/timeline');
    expect(timeline.items.map((item: { title: string }) => item.title)).toEqual([
      'Zelensky: the plan will have 20 points, not 28',
      'Posted today, at version 2',
      'The US proposes trilateral talks; Moscow rejects them',
    ]);
    expect(await system.getJson(`/v1/developments/${oneDay}`)).toMatchObject({
      occurredOn: '2025-12-02',
      occurredUntil: '2025-12-02',
      revision: 1,
    });
    expect(await system.getJson(`/v1/developments/${range}`)).toMatchObject({
      occurredOn: '2025-12-19',
      occurredUntil: '2025-12-20',
    });
    const inRange = await system.getJson('/v1/timeline?from=2025-12-20&to=2025-12-31');
    expect(inRange.items.map((item: { developmentId: string }) => item.developmentId)).toEqual([
      range,
    ]);
    const positions = await system.getJson('/v1/actors/volodymyr-zelensky/positions');
    expect(positions.positions[0]).toMatchObject({
      topic: 'peace-plan',
      stance: 'support',
      history: [
        expect.objectContaining({ occurredOn: '2025-12-02', stance: 'conditional' }),
        expect.objectContaining({ occurredOn: '2025-12-03', stance: 'support' }),
      ],
    });
    const actor = await system.getJson('/v1/actors/volodymyr-zelensky');
    expect(actor).toMatchObject({ name: 'Volodymyr Zelensky', affiliation: 'ukraine' });

    // Ingest reads the old event too: the development can be corrected.
    const correction = await system.post(`/v1/developments/${oneDay}/corrections`, {
      title: 'Zelensky: 20 points',
    });
    expect(correction.status).toBe(202);
    await system.caughtUp();
    expect(await system.getJson(`/v1/developments/${oneDay}`)).toMatchObject({
      title: 'Zelensky: 20 points',
      occurredUntil: '2025-12-02',
      revision: 2,
    });

    // And a rebuild reads them the same way.
    const live = await everyAnswer(system);
    const started = await fetch(`${system.projectorUrl}/v1/projections/all/rebuild`, {
      method: 'POST',
    });
    const { rebuildId } = (await started.json()) as { rebuildId: string };
    const state = await waitFor('the rebuild', async () => {
      const current = await system.getJson(`/v1/rebuilds/${rebuildId}`);
      return current.status === 'running' ? undefined : current;
    });
    expect(state.status).toBe('succeeded');
    expect(await everyAnswer(system)).toEqual(live);
  });
});
