import { EventStreamReader } from './support/event-stream';
import { isolatedConfig, NewslineUnderTest } from './support/newsline-under-test';
import { sampleDevelopments } from './support/sample';
import { waitFor } from './support/wait-for';

describe('GET /v1/stream (Server-Sent Events)', () => {
  let system: NewslineUnderTest;
  const readers: EventStreamReader[] = [];

  beforeAll(async () => {
    system = await NewslineUnderTest.start();
  });

  // Streams still open: stopping the projector must end them, not wait for the clients.
  afterAll(async () => {
    await system?.stop();
    readers.forEach((reader) => reader.close());
  });

  const open = async (headers: Record<string, string> = {}, query = '') => {
    const reader = await EventStreamReader.open(
      `${system.projectorUrl}/v1/stream${query}`,
      headers,
    );
    readers.push(reader);
    return reader;
  };
  const record = async (body: unknown) => {
    const response = await system.post('/v1/developments', body);
    expect(response.status).toBe(202);
    return (await response.json()) as { developmentId: string; sequence: number };
  };

  it('sends each development as it is applied, then its corrections and retraction', async () => {
    const stream = await open();
    expect(stream.response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const [first, second] = sampleDevelopments();
    const one = await record(first);
    const two = await record(second);
    const corrected = await system.post(`/v1/developments/${one.developmentId}/corrections`, {
      title: 'Corrected title',
    });
    expect(corrected.status).toBe(202);
    const retracted = await system.post(`/v1/developments/${two.developmentId}/retraction`, {
      reason: 'Never happened',
    });
    expect(retracted.status).toBe(202);

    const messages = await stream.until(4);
    // A later development closes the list: anything sent twice would come before it.
    const last = await record({ occurredOn: '2025-12-23', title: 'After the others' });
    await stream.until(5);
    expect(
      stream.messages.map((message) => [message.id, message.event, message.data.type]),
    ).toEqual([
      [String(one.sequence), 'development', 'NewsEventRecorded'],
      [String(two.sequence), 'development', 'NewsEventRecorded'],
      [String(two.sequence + 1), 'development', 'NewsEventCorrected'],
      [String(two.sequence + 2), 'development', 'NewsEventRetracted'],
      [String(last.sequence), 'development', 'NewsEventRecorded'],
    ]);
    expect(messages[0].data.development).toMatchObject({
      developmentId: one.developmentId,
      sequence: one.sequence,
    });
    expect(messages[2].data.development).toMatchObject({
      developmentId: one.developmentId,
      title: 'Corrected title',
      revision: 2,
    });
    expect(messages[3].data.development.retracted).toEqual({
      reason: 'Never happened',
      sequence: two.sequence + 2,
    });
    // Each message is the development exactly as the timeline has it.
    await system.caughtUp();
    const timeline = await system.getJson('/v1/timeline?includeRetracted=true');
    const inTimeline = timeline.items.find(
      (item: { developmentId: string }) => item.developmentId === one.developmentId,
    );
    expect(messages[2].data.development).toEqual(inTimeline);
  });

  it('resumes after Last-Event-ID: what was missed, then live, each once and in order', async () => {
    const before = await system.lastSequence();
    const missed = await record({ occurredOn: '2025-12-20', title: 'Missed while away' });
    await system.caughtUp();
    const stream = await open({ 'last-event-id': String(before) });
    const live = await record({ occurredOn: '2025-12-21', title: 'Live again' });
    const messages = await stream.until(2);
    expect(messages.map((message) => Number(message.id))).toEqual([missed.sequence, live.sequence]);
    expect(messages.map((message) => message.data.development.title)).toEqual([
      'Missed while away',
      'Live again',
    ]);

    const byQuery = await open({}, `?lastEventId=${before}`);
    await byQuery.until(2);
    // A later development closes both lists: anything sent twice would come before it.
    const last = await record({ occurredOn: '2025-12-22', title: 'Closing the list' });
    for (const reader of [stream, byQuery]) {
      await reader.until(3);
      expect(reader.messages.map((message) => Number(message.id))).toEqual([
        missed.sequence,
        live.sequence,
        last.sequence,
      ]);
    }
  });

  it('refuses a Last-Event-ID that is not a sequence', async () => {
    const response = await fetch(`${system.projectorUrl}/v1/stream`, {
      headers: { 'last-event-id': 'yesterday' },
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toBe('invalid_query');
  });
});

describe('GET /v1/stream to a client that stops reading', () => {
  const BUFFER_BYTES = 16 * 1024;
  let system: NewslineUnderTest;
  let stream: EventStreamReader | undefined;

  beforeAll(async () => {
    system = await NewslineUnderTest.start(
      isolatedConfig({ STREAM_CLIENT_BUFFER_BYTES: String(BUFFER_BYTES) }),
    );
  });

  afterAll(async () => {
    await system?.stop();
    stream?.close();
  });

  const fullClients = async () => {
    const metrics = await (await fetch(`${system.projectorUrl}/metrics`)).text();
    return Number(/^newsline_stream_client_full_total\{[^}]*\} (\d+)$/m.exec(metrics)?.[1]);
  };

  it('sends it nothing more until it reads again, then all it missed, once and in order', async () => {
    stream = await EventStreamReader.open(`${system.projectorUrl}/v1/stream`);
    stream.hold();
    // Far more than the socket buffers hold, so that most of it waits on the server.
    const body = 'A long account of the talks. '.repeat(500);
    const items = Array.from({ length: 300 }, (_, index) => ({
      occurredOn: '2025-12-01',
      title: `Development ${index}`,
      body,
    }));
    const response = await system.post('/v1/developments/batch', items);
    expect(response.status).toBe(200);
    const { results } = (await response.json()) as { results: { sequence: number }[] };
    await system.caughtUp();
    // The stream sends what was applied right after it commits: it fills this client up.
    await waitFor('the stream to hold the client back', async () =>
      (await fullClients()) > 0 ? true : undefined,
    );

    stream.release();
    const messages = await stream.until(items.length);
    // A development posted once the client reads again comes after, and nothing twice.
    const last = await system.post('/v1/developments', {
      occurredOn: '2025-12-02',
      title: 'After the backlog',
    });
    const { sequence: lastSequence } = (await last.json()) as { sequence: number };
    await stream.until(items.length + 1);
    expect(stream.messages.map((message) => Number(message.id))).toEqual([
      ...results.map((result) => result.sequence),
      lastSequence,
    ]);
    expect(messages.map((message) => message.data.development.title)).toEqual(
      items.map((item) => item.title),
    );
    expect(stream.closed).toBe(false);
  });
});
