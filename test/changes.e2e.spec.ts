import { EventStreamReader } from './support/event-stream';
import { NewslineUnderTest } from './support/newsline-under-test';

type Json = any;

describe('GET /v1/changes and GET /v1/stream?kind=changes', () => {
  let system: NewslineUnderTest;
  const readers: EventStreamReader[] = [];

  beforeAll(async () => {
    system = await NewslineUnderTest.start();
  });

  afterAll(async () => {
    await system?.stop();
    readers.forEach((reader) => reader.close());
  });

  const open = async (query: string, headers: Record<string, string> = {}) => {
    const reader = await EventStreamReader.open(
      `${system.projectorUrl}/v1/stream${query}`,
      headers,
    );
    readers.push(reader);
    return reader;
  };
  const record = async (body: unknown): Promise<{ developmentId: string; sequence: number }> => {
    const response = await system.post('/v1/developments', body);
    expect(response.status).toBe(202);
    return (await response.json()) as { developmentId: string; sequence: number };
  };
  const correct = async (id: string, body: unknown): Promise<number> => {
    const response = await system.post(`/v1/developments/${id}/corrections`, body);
    expect(response.status).toBe(202);
    return ((await response.json()) as { sequence: number }).sequence;
  };
  /** The event of a development at a sequence, as its history gives it. */
  const eventOf = async (developmentId: string, sequence: number) => {
    const development = await system.getJson(`/v1/developments/${developmentId}`);
    const entry = development.history.find((event: Json) => event.sequence === sequence);
    return {
      sequence,
      recordedAt: entry.recordedAt,
      recordedBy: entry.recordedBy,
      eventType: entry.type,
      developmentId,
    };
  };

  it('lists the changes of a record and a correction, pages them, and streams them with resuming', async () => {
    const start = await system.lastSequence();
    const changes = await open(`?kind=changes&lastEventId=${start}`);
    expect(changes.response.status).toBe(200);

    const talks = await record({
      occurredOn: '2025-12-01',
      title: 'Envoy backs the plan',
      actors: [{ name: 'Envoy Changes' }],
      statements: [{ actor: 'Envoy Changes', topic: 'changes-plan', stance: 'support' }],
    });
    const corrected = await correct(talks.developmentId, {
      statements: [{ actor: 'Envoy Changes', topic: 'changes-plan', stance: 'oppose' }],
    });
    await system.caughtUp();

    const actor = { id: 'envoy-changes', name: 'Envoy Changes' };
    const expected = [
      {
        ...(await eventOf(talks.developmentId, talks.sequence)),
        actor,
        topic: 'changes-plan',
        before: null,
        after: { stance: 'support', since: '2025-12-01' },
      },
      {
        ...(await eventOf(talks.developmentId, corrected)),
        actor,
        topic: 'changes-plan',
        before: { stance: 'support', since: '2025-12-01' },
        after: { stance: 'oppose', since: '2025-12-01' },
      },
    ];
    expect(await system.getJson(`/v1/changes?after=${start}`)).toEqual({
      items: expected,
      nextCursor: null,
    });
    // before and after are what the positions route answers just before and after.
    for (const item of expected) {
      // An actor not known yet is a 404: no position.
      const at = async (sequence: number) => {
        const response = await system.get(
          `/v1/actors/${actor.id}/positions?topic=changes-plan&knownAt=${sequence}`,
        );
        if (response.status === 404) return null;
        return ((await response.json()) as Json).positions[0] ?? null;
      };
      const [before, after] = [await at(item.sequence - 1), await at(item.sequence)];
      expect(before && { stance: before.stance, since: before.since }).toEqual(item.before);
      expect(after && { stance: after.stance, since: after.since }).toEqual(item.after);
    }

    const first = await system.getJson(`/v1/changes?after=${start}&limit=1`);
    expect(first.items).toEqual([expected[0]]);
    const second = await system.getJson(
      `/v1/changes?after=${start}&limit=1&cursor=${first.nextCursor}`,
    );
    expect(second).toEqual({ items: [expected[1]], nextCursor: null });
    expect(
      await system.getJson(
        `/v1/changes?after=${start}&until=${talks.sequence}&actor=envoy-changes`,
      ),
    ).toEqual({ items: [expected[0]], nextCursor: null });
    expect(await system.getJson(`/v1/changes?after=${start}&topic=other-topic`)).toEqual({
      items: [],
      nextCursor: null,
    });

    // The stream sends the same, caught up and then live.
    await changes.until(2);
    const later = await record({
      occurredOn: '2025-12-02',
      title: 'Second envoy speaks',
      actors: [{ name: 'Envoy Later' }],
      statements: [{ actor: 'Envoy Later', topic: 'changes-plan', stance: 'neutral' }],
    });
    await changes.until(3);
    const laterItem = {
      ...(await eventOf(later.developmentId, later.sequence)),
      actor: { id: 'envoy-later', name: 'Envoy Later' },
      topic: 'changes-plan',
      before: null,
      after: { stance: 'neutral', since: '2025-12-02' },
    };
    expect(
      changes.messages.map((message) => ({
        id: message.id,
        event: message.event,
        data: message.data,
      })),
    ).toEqual(
      [...expected, laterItem].map((item) => ({
        id: String(item.sequence),
        event: 'change',
        data: item,
      })),
    );

    // Resuming after the record: the correction, then what comes live, each once.
    for (const resumed of [
      await open('?kind=changes', { 'last-event-id': String(talks.sequence) }),
      await open(`?kind=changes&lastEventId=${talks.sequence}`),
    ]) {
      await resumed.until(2);
      expect(resumed.messages.map((message) => message.data)).toEqual([expected[1], laterItem]);
    }
    // A later change closes the lists: anything sent twice would come before it.
    const closing = await correct(later.developmentId, {
      statements: [{ actor: 'Envoy Later', topic: 'changes-plan', stance: 'support' }],
    });
    for (const reader of readers.slice(-3)) {
      await reader.until(reader === changes ? 4 : 3);
      expect(reader.messages.map((message) => Number(message.id)).slice(-2)).toEqual([
        later.sequence,
        closing,
      ]);
    }
  });

  it('refuses parameters it does not take, naming them', async () => {
    for (const [query, field] of [
      ['after=yesterday', 'after'],
      ['until=-1', 'until'],
      ['limit=1001', 'limit'],
      ['topic=Not%20a%20slug', 'topic'],
      ['cursor=nonsense', 'cursor'],
      ['since=1', 'since'],
    ]) {
      const response = await system.get(`/v1/changes?${query}`);
      expect(response.status).toBe(400);
      const body = (await response.json()) as Json;
      expect(body.error).toBe('invalid_query');
      expect(body.details.map((detail: Json) => detail.path)).toContain(field);
    }
    const stream = await system.get('/v1/stream?kind=everything');
    expect(stream.status).toBe(400);
    expect(((await stream.json()) as Json).details).toEqual([
      { path: 'kind', message: 'must be one of developments, changes' },
    ]);
  });
});
