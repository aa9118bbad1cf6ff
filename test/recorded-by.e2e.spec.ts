import { randomUUID } from 'node:crypto';
import {
  actorSubject,
  ACTOR_MERGED_VERSION,
  ACTOR_UNMERGED_VERSION,
  developmentIdFor,
  developmentSubject,
  NEWS_EVENT_CORRECTED_VERSION,
  NEWS_EVENT_RECORDED_VERSION,
  NEWS_EVENT_RETRACTED_VERSION,
} from '@app/contracts';
import { isolatedConfig, NewslineUnderTest } from './support/newsline-under-test';

type Json = Record<string, any>;

const INGEST_TOKEN = 'recorded-by-ingest-secret';
const CURRENT_VERSIONS: Record<string, number> = {
  NewsEventRecorded: NEWS_EVENT_RECORDED_VERSION,
  NewsEventCorrected: NEWS_EVENT_CORRECTED_VERSION,
  NewsEventRetracted: NEWS_EVENT_RETRACTED_VERSION,
  ActorMerged: ACTOR_MERGED_VERSION,
  ActorUnmerged: ACTOR_UNMERGED_VERSION,
};

/** Every write the API offers, each answering the ids the test looks up afterwards. */
function writer(system: NewslineUnderTest, headers: Record<string, string>) {
  const send = async (path: string, body: unknown, extra: Record<string, string> = {}) => {
    const response = await system.post(path, body, { ...headers, ...extra });
    return { status: response.status, answer: (await response.json()) as Json };
  };
  return {
    async post(title: string, key = randomUUID()) {
      const { status, answer } = await send(
        '/v1/developments',
        {
          occurredOn: '2025-12-02',
          title,
          statements: [{ actor: 'Rustem Umerov', topic: 'peace-plan', stance: 'support' }],
        },
        { 'idempotency-key': key },
      );
      expect(status).toBe(202);
      return answer.developmentId as string;
    },
    async batch(titles: string[]) {
      const { status, answer } = await send(
        '/v1/developments/batch',
        titles.map((title) => ({ occurredOn: '2025-12-03', title })),
      );
      expect(status).toBe(200);
      expect(answer.accepted).toBe(titles.length);
      return (answer.results as Json[]).map((result) => result.developmentId as string);
    },
    async correct(id: string, title: string) {
      const { status } = await send(`/v1/developments/${id}/corrections`, { title });
      expect(status).toBe(202);
    },
    async retract(id: string) {
      const { status } = await send(`/v1/developments/${id}/retraction`, { reason: 'denied' });
      expect(status).toBe(202);
    },
    async merge(actorId: string, into: string) {
      const { status } = await send(`/v1/actors/${actorId}/merge`, { into });
      expect(status).toBe(202);
    },
    async unmerge(actorId: string) {
      const response = await system.delete(`/v1/actors/${actorId}/merge`, headers);
      expect(response.status).toBe(202);
    },
  };
}

/** The development's history as GET /v1/developments/{id} answers it. */
async function historyOf(system: NewslineUnderTest, id: string): Promise<Json[]> {
  return (await system.getJson(`/v1/developments/${id}`)).history as Json[];
}

/** The raw events of the log on `subject`, as stored. */
async function loggedOn(system: NewslineUnderTest, subject: string): Promise<Json[]> {
  const messages = await system.log.messages(system.config.STREAM_NAME);
  return messages.filter((m) => m.subject === subject).map((m) => m.json<Json>());
}

function developmentEvents(system: NewslineUnderTest, id: string) {
  return loggedOn(system, developmentSubject(system.config.SUBJECT_PREFIX, id));
}

function actorEvents(system: NewslineUnderTest, actorId: string) {
  return loggedOn(system, actorSubject(system.config.SUBJECT_PREFIX, actorId));
}

/** What the log holds of who recorded each event, with the event's type and version. */
const recorders = (events: Json[]) =>
  events.map(({ type, schemaVersion, recordedBy }) => ({ type, schemaVersion, recordedBy }));

/** Every write of the API, then what history and the log say of who recorded each. */
async function everyWrite(system: NewslineUnderTest, headers: Record<string, string>) {
  const write = writer(system, headers);
  const posted = await write.post('Umerov backs the plan');
  const [batched, alsoBatched] = await write.batch(['First of a batch', 'Second of a batch']);
  await write.correct(posted, 'Umerov backs the plan, with conditions');
  await write.retract(batched);
  await write.merge('rustem-umerov-jr', 'rustem-umerov');
  await write.unmerge('rustem-umerov-jr');
  await system.caughtUp();
  return {
    history: {
      posted: await historyOf(system, posted),
      batched: await historyOf(system, batched),
      alsoBatched: await historyOf(system, alsoBatched),
    },
    log: {
      posted: recorders(await developmentEvents(system, posted)),
      batched: recorders(await developmentEvents(system, batched)),
      alsoBatched: recorders(await developmentEvents(system, alsoBatched)),
      actor: recorders(await actorEvents(system, 'rustem-umerov-jr')),
    },
  };
}

/** What everyWrite should find when every event is recorded by `recordedBy`. */
function everyWriteBy(recordedBy: string | null) {
  const entry = (type: string) => expect.objectContaining({ type, recordedBy });
  const logged = (type: string) => ({ type, schemaVersion: CURRENT_VERSIONS[type], recordedBy });
  return {
    history: {
      posted: [entry('NewsEventRecorded'), entry('NewsEventCorrected')],
      batched: [entry('NewsEventRecorded'), entry('NewsEventRetracted')],
      alsoBatched: [entry('NewsEventRecorded')],
    },
    log: {
      posted: [logged('NewsEventRecorded'), logged('NewsEventCorrected')],
      batched: [logged('NewsEventRecorded'), logged('NewsEventRetracted')],
      alsoBatched: [logged('NewsEventRecorded')],
      actor: [logged('ActorMerged'), logged('ActorUnmerged')],
    },
  };
}

describe('recordedBy: who recorded each event', () => {
  describe('with INGEST_TOKEN set', () => {
    let system: NewslineUnderTest;
    const auth = { authorization: `Bearer ${INGEST_TOKEN}` };

    beforeAll(async () => {
      system = await NewslineUnderTest.start(isolatedConfig({ INGEST_TOKEN }));
    });

    afterAll(() => system?.stop());

    it('names the token holder in every event a write records, in history and in the log', async () => {
      expect(await everyWrite(system, auth)).toEqual(everyWriteBy('ingest-token'));
    });

    it('answers a repeat with the original event, recorded once', async () => {
      const write = writer(system, auth);
      const key = randomUUID();
      const id = await write.post('Posted twice', key);
      const again = await system.post(
        '/v1/developments',
        { occurredOn: '2025-12-02', title: 'Posted twice' },
        { ...auth, 'idempotency-key': key },
      );
      expect(again.status).toBe(200);
      const [original] = await developmentEvents(system, id);
      expect(await again.json()).toMatchObject({ developmentId: id, eventId: original.eventId });
      await system.caughtUp();
      expect(await historyOf(system, id)).toEqual([
        expect.objectContaining({ eventId: original.eventId, recordedBy: 'ingest-token' }),
      ]);
    });

    it('reads events written before envelopes named anyone as recordedBy null, and keeps it through a rebuild', async () => {
      const key = `old-${randomUUID()}`;
      const developmentId = developmentIdFor(key);
      const subject = developmentSubject(system.config.SUBJECT_PREFIX, developmentId);
      const development = {
        occurredOn: '2025-12-04',
        occurredUntil: '2025-12-04',
        title: 'Written by an older ingest',
        topics: [],
        actors: [],
        statements: [],
      };
      const old = (type: string, schemaVersion: number, data: Json) => {
        const eventId = randomUUID();
        // A name an older writer might have put there means nothing at its version.
        const extra = type === 'NewsEventCorrected' ? { recordedBy: 'mallory' } : {};
        return system.log.publish(
          subject,
          JSON.stringify({
            eventId,
            type,
            schemaVersion,
            recordedAt: '2025-12-16T08:00:00.000Z',
            correlationId: eventId,
            causationId: null,
            ...extra,
            data,
          }),
          { 'Newsline-Event-Type': type, 'Newsline-Schema-Version': String(schemaVersion) },
        );
      };
      await old('NewsEventRecorded', 2, { developmentId, idempotencyKey: key, development });
      await old('NewsEventCorrected', 1, {
        developmentId,
        revision: 2,
        changed: ['title'],
        development: { ...development, title: 'Corrected by an older ingest' },
      });
      // Ingest reads them too, and records its own correction after them.
      await writer(system, auth).correct(developmentId, 'Corrected today');
      await system.caughtUp();

      const history = await historyOf(system, developmentId);
      expect(history).toEqual([
        expect.objectContaining({ type: 'NewsEventRecorded', recordedBy: null }),
        expect.objectContaining({ type: 'NewsEventCorrected', recordedBy: null }),
        expect.objectContaining({ type: 'NewsEventCorrected', recordedBy: 'ingest-token' }),
      ]);
      // The log keeps the bytes it was given: nothing was rewritten.
      expect(recorders(await developmentEvents(system, developmentId))).toEqual([
        { type: 'NewsEventRecorded', schemaVersion: 2, recordedBy: undefined },
        { type: 'NewsEventCorrected', schemaVersion: 1, recordedBy: 'mallory' },
        {
          type: 'NewsEventCorrected',
          schemaVersion: NEWS_EVENT_CORRECTED_VERSION,
          recordedBy: 'ingest-token',
        },
      ]);

      const before = await system.getJson(`/v1/developments/${developmentId}`);
      await system.rebuildAll();
      expect(await system.getJson(`/v1/developments/${developmentId}`)).toEqual(before);
    });
  });

  describe('with writes open', () => {
    let system: NewslineUnderTest;

    beforeAll(async () => {
      system = await NewslineUnderTest.start();
    });

    afterAll(() => system?.stop());

    it('records null in every event', async () => {
      expect(await everyWrite(system, {})).toEqual(everyWriteBy(null));
    });
  });
});
