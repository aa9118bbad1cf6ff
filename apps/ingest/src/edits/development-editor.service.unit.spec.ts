import {
  developmentIdFor,
  editEventIdFor,
  LoggedEvent,
  NewsEvent,
  newsEventCorrected,
  newsEventRecorded,
  normalizeDevelopment,
} from '@app/contracts';
import { AppendResult, LogUnavailableError } from '@app/jetstream';
import { ConcurrentEditsError } from './concurrent-edits.error';
import {
  DevelopmentEditor,
  DevelopmentEvents,
  MAX_EDIT_ATTEMPTS,
} from './development-editor.service';
import { EditRefusedError } from './edit-refused.error';

const developmentId = developmentIdFor('editor-1');
const development = normalizeDevelopment({ occurredOn: '2025-12-14', title: 'Berlin talks' });

/**
 * A log of one stream that appends only after the sequence the writer read, as JetStream
 * does with Nats-Expected-Last-Subject-Sequence; `beforeAppend` runs in between, as a
 * concurrent writer would.
 */
class InMemoryLog implements DevelopmentEvents {
  readonly events: LoggedEvent[] = [];
  appends = 0;
  beforeAppend?: (event: NewsEvent) => void;

  read(id: string): Promise<LoggedEvent[]> {
    return Promise.resolve(this.events.filter(({ event }) => event.data.developmentId === id));
  }

  append(event: NewsEvent, expectedLastSubjectSequence: number): Promise<AppendResult> {
    this.appends++;
    this.beforeAppend?.(event);
    return Promise.resolve(this.appendNow(event, expectedLastSubjectSequence));
  }

  /** Appends at once, as another writer does. */
  appendNow(event: NewsEvent, expectedLastSubjectSequence?: number): AppendResult {
    const ofDevelopment = this.events.filter(
      (logged) => logged.event.data.developmentId === event.data.developmentId,
    );
    const last = ofDevelopment[ofDevelopment.length - 1]?.sequence ?? 0;
    if (expectedLastSubjectSequence !== undefined && expectedLastSubjectSequence !== last) {
      return { appended: false, reason: 'wrong_expected_sequence' };
    }
    const sequence = this.events.length + 1;
    this.events.push({ sequence, event });
    return { appended: true, sequence, duplicate: false };
  }

  titles(): string[] {
    return this.events.flatMap(({ event }) =>
      event.type === 'NewsEventRetracted' ? [] : [event.data.development.title],
    );
  }
}

/** Another writer's correction of the development to `title`, at its next revision. */
function otherCorrection(log: InMemoryLog, title: string): void {
  const revision = log.events.filter(({ event }) => event.type === 'NewsEventCorrected').length + 2;
  log.appendNow(
    newsEventCorrected({
      developmentId,
      revision,
      changed: ['title'],
      development: { ...development, title },
    }),
  );
}

async function refusalOf(edit: Promise<unknown>) {
  const error: unknown = await edit.then(
    () => new Error('the edit was made'),
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(EditRefusedError);
  return (error as EditRefusedError).refusal;
}

describe('DevelopmentEditor', () => {
  let log: InMemoryLog;
  let editor: DevelopmentEditor;

  beforeEach(() => {
    log = new InMemoryLog();
    log.appendNow(newsEventRecorded({ developmentId, idempotencyKey: 'editor-1', development }));
    editor = new DevelopmentEditor(log);
  });

  it('appends a correction after the events it read, at the next revision', async () => {
    const result = await editor.correct(
      developmentId,
      { title: 'Berlin talks, day one' },
      {
        correlationId: 'request-1',
      },
    );
    expect(result).toEqual({
      outcome: { eventId: log.events[1].event.eventId, sequence: 2, revision: 2 },
      duplicate: false,
    });
    expect(log.events[1].event).toMatchObject({
      type: 'NewsEventCorrected',
      correlationId: 'request-1',
      data: { revision: 2, changed: ['title'], development: { title: 'Berlin talks, day one' } },
    });
  });

  it('retracts, leaving the revision as it was', async () => {
    const result = await editor.retract(developmentId, 'reported twice', { expectedRevision: 1 });
    expect(result.outcome).toMatchObject({ sequence: 2, revision: 1 });
    expect(log.events[1].event).toMatchObject({
      type: 'NewsEventRetracted',
      data: { developmentId, reason: 'reported twice' },
    });
  });

  it('names who recorded each edit in its envelope, null when nobody is named', async () => {
    await editor.correct(developmentId, { title: 'Fixed' }, { recordedBy: 'alice' });
    await editor.retract(developmentId, 'withdrawn', { recordedBy: 'ingest-token' });
    const anonymous = new InMemoryLog();
    anonymous.appendNow(log.events[0].event);
    await new DevelopmentEditor(anonymous).correct(developmentId, { title: 'Open' });
    expect(log.events.map(({ event }) => event.recordedBy)).toEqual([
      null,
      'alice',
      'ingest-token',
    ]);
    expect(anonymous.events[1].event.recordedBy).toBeNull();
  });

  describe('when another writer appends between its read and its append', () => {
    it('reads again and decides on what the other left', async () => {
      let interrupted = false;
      log.beforeAppend = () => {
        if (!interrupted) otherCorrection(log, 'Corrected by another writer');
        interrupted = true;
      };
      const result = await editor.correct(developmentId, { body: 'Talks went on' });
      expect(log.appends).toBe(2);
      expect(result.outcome).toMatchObject({ sequence: 3, revision: 3 });
      expect(log.events[2].event.data).toMatchObject({
        revision: 3,
        changed: ['body'],
        development: { title: 'Corrected by another writer', body: 'Talks went on' },
      });
    });

    it('refuses with the new revision when If-Match named the one it read', async () => {
      log.beforeAppend = () => otherCorrection(log, 'Corrected by another writer');
      const refusal = await refusalOf(
        editor.correct(developmentId, { title: 'Mine' }, { expectedRevision: 1 }),
      );
      expect(refusal).toEqual({ refused: 'revision_moved', revision: 2 });
      expect(log.appends).toBe(1);
      expect(log.titles()).toEqual(['Berlin talks', 'Corrected by another writer']);
    });

    it(`gives up after ${MAX_EDIT_ATTEMPTS} attempts, having appended nothing`, async () => {
      log.beforeAppend = () => otherCorrection(log, `Update ${log.appends}`);
      await expect(editor.correct(developmentId, { title: 'Never lands' })).rejects.toThrow(
        ConcurrentEditsError,
      );
      expect(log.appends).toBe(MAX_EDIT_ATTEMPTS);
      expect(log.titles()).not.toContain('Never lands');
      expect(log.events).toHaveLength(1 + MAX_EDIT_ATTEMPTS);
    });
  });

  describe('with an Idempotency-Key', () => {
    const options = { idempotencyKey: 'fix-1' };

    it('answers a repeat with the first edit, appending nothing', async () => {
      const first = await editor.correct(developmentId, { title: 'Fixed' }, options);
      const again = await editor.correct(developmentId, { title: 'Fixed' }, options);
      expect(again).toEqual({ outcome: first.outcome, duplicate: true });
      expect(first.outcome.eventId).toBe(editEventIdFor(developmentId, 'correction', 'fix-1'));
      expect(log.appends).toBe(1);
      expect(log.events).toHaveLength(2);
    });

    it('answers a repeat after later corrections with the revision the first left', async () => {
      const first = await editor.correct(developmentId, { title: 'Fixed' }, options);
      otherCorrection(log, 'Later');
      const again = await editor.correct(developmentId, { title: 'Fixed' }, options);
      expect(again).toEqual({ outcome: { ...first.outcome, revision: 2 }, duplicate: true });
    });

    it('keeps corrections and retractions under one key apart', async () => {
      await editor.correct(developmentId, { title: 'Fixed' }, options);
      const retraction = await editor.retract(developmentId, 'withdrawn', options);
      expect(retraction.duplicate).toBe(false);
      expect(log.events).toHaveLength(3);
    });

    it('takes its own event, stored although the log answered it moved on, as new', async () => {
      // The first copy was stored but its acknowledgement was lost; the copy sent again
      // finds the subject past the sequence it expected.
      log.beforeAppend = (event) => {
        log.beforeAppend = undefined;
        log.appendNow(event);
      };
      const result = await editor.correct(developmentId, { title: 'Stored once' }, options);
      expect(result).toEqual({
        outcome: { eventId: log.events[1].event.eventId, sequence: 2, revision: 2 },
        duplicate: false,
      });
      expect(log.events).toHaveLength(2);
    });
  });

  it('refuses what the decision refuses, appending nothing', async () => {
    expect(await refusalOf(editor.correct(developmentIdFor('nobody'), { title: 'x' }))).toEqual({
      refused: 'not_found',
    });
    expect(await refusalOf(editor.retract(developmentId, 'x', { expectedRevision: 4 }))).toEqual({
      refused: 'revision_moved',
      revision: 1,
    });
    expect(log.appends).toBe(0);
  });

  describe('when the log cannot be read', () => {
    it('passes the failure on before it sent anything', async () => {
      log.read = () => Promise.reject(new LogUnavailableError('no stream leader'));
      await expect(editor.correct(developmentId, { title: 'x' })).rejects.toMatchObject({
        outcomeUnknown: false,
      });
    });

    it('says the outcome is unknown once its event was sent', async () => {
      log.beforeAppend = () => {
        otherCorrection(log, 'Another');
        log.read = () => Promise.reject(new LogUnavailableError('no stream leader'));
      };
      const error: unknown = await editor.correct(developmentId, { title: 'x' }).catch((e) => e);
      expect(error).toBeInstanceOf(LogUnavailableError);
      expect(error).toMatchObject({ outcomeUnknown: true, message: 'no stream leader' });
    });
  });
});
