import { EventStreamReader, StreamMessage } from './support/event-stream';
import { isolatedConfig, NewslineUnderTest } from './support/newsline-under-test';
import { ensureBuilt, freePort, ProjectorProcess } from './support/projector-process';
import { waitFor } from './support/wait-for';

interface Status {
  lease: 'held' | 'waiting';
  position: number;
}

function development(index: number) {
  return {
    occurredOn: `2025-12-${String(1 + (index % 28)).padStart(2, '0')}`,
    title: `Streamed development ${index}`,
    topics: ['peace-plan'],
    statements: [{ actor: `Actor ${index % 4}`, topic: 'peace-plan', stance: 'support' }],
  };
}

const sequencesOf = (messages: StreamMessage[]) => messages.map((message) => Number(message.id));
const oneTo = (last: number) => Array.from({ length: last }, (_, i) => i + 1);

/** Every live message once and in order: a duplicate or a gap anywhere fails. */
function expectEveryEventOnceInOrder(messages: StreamMessage[], head: number): void {
  expect(sequencesOf(messages)).toEqual(oneTo(head));
}

describe('the live stream of every projector, the active one and the standby', () => {
  let system: NewslineUnderTest;
  let first: ProjectorProcess;
  let second: ProjectorProcess;
  const readers: EventStreamReader[] = [];

  const statusOf = async (projector: ProjectorProcess) =>
    (await (await fetch(`${projector.url}/v1/projections`)).json()) as Status[];
  const follow = async (projector: ProjectorProcess, lastEventId?: number) => {
    const reader = await EventStreamReader.open(
      `${projector.url}/v1/stream`,
      lastEventId === undefined ? {} : { 'last-event-id': String(lastEventId) },
    );
    expect(reader.response.status).toBe(200);
    readers.push(reader);
    return reader;
  };
  const post = async (from: number, count: number) => {
    for (let index = from; index < from + count; index++) {
      expect((await system.post('/v1/developments', development(index))).status).toBe(202);
    }
  };
  /** Waits for the reader to end: the server it followed is gone. */
  const ended = (reader: EventStreamReader) =>
    waitFor('the stream to end', () => (reader.closed ? true : undefined));

  beforeAll(async () => {
    ensureBuilt();
    system = await NewslineUnderTest.startIngestOnly(isolatedConfig());
    first = new ProjectorProcess(system.config, await freePort());
    await first.start();
    await waitFor('the first projector to hold the lease', async () =>
      (await statusOf(first)).every((p) => p.lease === 'held') ? true : undefined,
    );
    second = new ProjectorProcess(system.config, await freePort());
    await second.start();
  }, 120_000);

  afterAll(async () => {
    readers.forEach((reader) => reader.close());
    await first?.kill();
    await second?.kill();
    await system?.stop();
  });

  it('the standby streams what the active one applies; after a failover both go on, each event once and in order', async () => {
    expect((await statusOf(second)).map((p) => p.lease)).toEqual(['waiting', 'waiting']);
    const onActive = await follow(first);
    const onStandby = await follow(second);

    await post(0, 10);
    const merged = await system.post('/v1/actors/actor-1/merge', { into: 'actor-0' });
    expect(merged.status).toBe(202);
    await post(10, 5);
    let head = await system.lastSequence();
    expect(head).toBe(16);
    await onStandby.until(head);
    await onActive.until(head);
    expectEveryEventOnceInOrder(onStandby.messages, head);
    expectEveryEventOnceInOrder(onActive.messages, head);
    expect(onStandby.messages.find((m) => m.event === 'actor')?.data).toMatchObject({
      type: 'ActorMerged',
      actorId: 'actor-1',
      into: 'actor-0',
    });

    // The active projector dies while developments are posted; the standby takes over.
    const posting = post(15, 20);
    await first.kill('SIGKILL');
    await ended(onActive);
    await waitFor('the standby to take the lease', async () =>
      (await statusOf(second)).every((p) => p.lease === 'held') ? true : undefined,
    );
    await posting;

    // The first comes back as the standby; its follower resumes from its last event.
    await first.start();
    const resumed = await follow(first, Number(onActive.messages.at(-1)!.id));
    await post(35, 10);
    head = await system.lastSequence();
    expect(head).toBe(46);
    // One more, waited for: a late duplicate of an earlier event would arrive before it.
    await post(45, 1);
    await onStandby.until(head + 1);
    await resumed.until(head + 1 - onActive.messages.length);
    expectEveryEventOnceInOrder(onStandby.messages, head + 1);
    expectEveryEventOnceInOrder([...onActive.messages, ...resumed.messages], head + 1);
  }, 180_000);
});
