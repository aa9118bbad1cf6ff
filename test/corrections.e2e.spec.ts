import { developmentSubject, editEventIdFor } from '@app/contracts';
import type { AppendResult } from '@app/jetstream';
import { DevelopmentLog } from '../apps/ingest/src/log/development-log.service';
import { everyAnswer, generated } from './support/answers';
import { holdAppend, interceptAppends } from './support/held-appends';
import { NewslineUnderTest } from './support/newsline-under-test';
import { sampleDevelopments } from './support/sample';
import { waitFor } from './support/wait-for';

type Json = Record<string, any>;

describe('corrections and retractions', () => {
  let system: NewslineUnderTest;

  beforeAll(async () => {
    system = await NewslineUnderTest.start();
  });

  afterAll(() => system?.stop());

  let restoreAppend: (() => void) | undefined;
  afterEach(() => {
    restoreAppend?.();
    restoreAppend = undefined;
  });

  const record = async (body: Json): Promise<string> => {
    const response = await system.post('/v1/developments', body);
    expect(response.status).toBe(202);
    return ((await response.json()) as { developmentId: string }).developmentId;
  };
  const correct = (id: string, body: unknown, headers: Record<string, string> = {}) =>
    system.post(`/v1/developments/${id}/corrections`, body, headers);
  const retract = (
    id: string,
    reason = 'It did not happen',
    headers: Record<string, string> = {},
  ) => system.post(`/v1/developments/${id}/retraction`, { reason }, headers);
  const timelineIds = async (query = '') =>
    (await system.getJson(`/v1/timeline?limit=500${query}`)).items.map(
      (item: Json) => item.developmentId,
    );
  /**
   * Sends a correction and resolves once it has read the development, decided, and is held
   * at its append: the event it decided on, its answer to come, and what lets it go on.
   */
  const correctHeld = async (id: string, body: Json, headers: Record<string, string> = {}) => {
    const held = holdAppend(
      system.ingest!.get(DevelopmentLog),
      (event) => event.data.developmentId === id,
    );
    restoreAppend = held.restore;
    const response = correct(id, body, headers);
    const event = await Promise.race([
      held.entered,
      response.then((early): never => {
        throw new Error(`the correction answered ${early.status} before appending`);
      }),
    ]);
    return { event: event as Json, response, release: held.release };
  };
  const loggedEventsOf = async (id: string): Promise<Json[]> => {
    const subject = developmentSubject(system.config.SUBJECT_PREFIX, id);
    const messages = await system.log.messages(system.config.STREAM_NAME);
    return messages
      .filter((message) => message.subject === subject)
      .map((message) => message.json<Json>());
  };
  const stanceOf = async (actor: string, topic: string) => {
    const answer = await system.getJson(`/v1/actors/${actor}/positions?topic=${topic}`);
    return answer.positions[0]?.stance ?? null;
  };

  it('replaces the given fields, moves the development in the timeline and changes positions', async () => {
    const early = await record({
      occurredOn: '2025-11-01',
      title: 'Envoy backs the plan',
      statements: [{ actor: 'Envoy One', topic: 'c-plan', stance: 'support' }],
    });
    const late = await record({
      occurredOn: '2025-11-10',
      title: 'Envoy rejects the plan',
      statements: [{ actor: 'Envoy One', topic: 'c-plan', stance: 'oppose' }],
    });
    await system.caughtUp();
    expect(await stanceOf('envoy-one', 'c-plan')).toBe('oppose');

    // The support was in fact the later statement: moving its date changes the position.
    const response = await correct(early, {
      occurredOn: '2025-11-20',
      title: 'Envoy backs the plan after all',
    });
    expect(response.status).toBe(202);
    expect(response.headers.get('etag')).toBe('"2"');
    const outcome = (await response.json()) as Json;
    expect(outcome).toMatchObject({ revision: 2 });
    expect(outcome.sequence).toBe(await system.lastSequence());
    await system.caughtUp();

    const development = await system.getJson(`/v1/developments/${early}`);
    expect(development).toMatchObject({
      title: 'Envoy backs the plan after all',
      occurredOn: '2025-11-20',
      occurredUntil: '2025-11-20',
      revision: 2,
      lastSequence: outcome.sequence,
      statements: [{ actor: 'envoy-one', topic: 'c-plan', stance: 'support' }],
    });
    expect(development.history.map((event: Json) => event.type)).toEqual([
      'NewsEventRecorded',
      'NewsEventCorrected',
    ]);
    const ids = await timelineIds('&from=2025-11-01&to=2025-11-30');
    expect(ids).toEqual([late, early]);
    expect(await stanceOf('envoy-one', 'c-plan')).toBe('support');
    const positions = await system.getJson('/v1/actors/envoy-one/positions?topic=c-plan');
    expect(positions.positions[0]).toMatchObject({ since: '2025-11-20', developmentId: early });
  });

  it('lets exactly one of two corrections with the same If-Match win; the other gets 412', async () => {
    const id = await record({ occurredOn: '2025-11-02', title: 'Contested wording' });
    const ifMatch = { 'if-match': '"1"' };
    // Both read revision 1 and pass If-Match; only the log's expected sequence can tell them apart.
    const held = await correctHeld(id, { title: 'Wording A' }, ifMatch);
    expect(held.event.data).toMatchObject({ revision: 2, development: { title: 'Wording A' } });
    const winner = await correct(id, { title: 'Wording B' }, ifMatch);
    expect(winner.status).toBe(202);
    held.release();

    const loser = await held.response;
    expect(loser.status).toBe(412);
    expect(((await loser.json()) as Json).error).toBe('precondition_failed');
    expect(loser.headers.get('etag')).toBe('"2"');
    const corrections = (await loggedEventsOf(id)).filter(
      (event) => event.type === 'NewsEventCorrected',
    );
    expect(corrections.map((event) => event.data.development.title)).toEqual(['Wording B']);
    await system.caughtUp();
    const development = await system.getJson(`/v1/developments/${id}`);
    expect(development).toMatchObject({ revision: 2, title: 'Wording B' });
  });

  it('applies two overlapping corrections without If-Match in turn, the later on top of the earlier', async () => {
    const id = await record({ occurredOn: '2025-11-06', title: 'Talks announced' });
    const held = await correctHeld(id, { title: 'Talks announced for Monday' });
    expect(held.event.data).toMatchObject({ revision: 2, changed: ['title'] });
    const earlier = await correct(id, { title: 'Talks announced in Geneva', location: 'Geneva' });
    expect(earlier.status).toBe(202);
    held.release();

    const later = await held.response;
    expect(later.status).toBe(202);
    expect(later.headers.get('etag')).toBe('"3"');
    const earlierOutcome = (await earlier.json()) as Json;
    const laterOutcome = (await later.json()) as Json;
    expect(earlierOutcome.revision).toBe(2);
    expect(laterOutcome.revision).toBe(3);
    // Decided again on the earlier correction: it keeps the location it did not change.
    const events = await loggedEventsOf(id);
    expect(events.map((event) => event.type)).toEqual([
      'NewsEventRecorded',
      'NewsEventCorrected',
      'NewsEventCorrected',
    ]);
    expect([events[1].eventId, events[2].eventId]).toEqual([
      earlierOutcome.eventId,
      laterOutcome.eventId,
    ]);
    expect(events.map((event) => event.data.development)).toMatchObject([
      { title: 'Talks announced' },
      { title: 'Talks announced in Geneva', location: 'Geneva' },
      { title: 'Talks announced for Monday', location: 'Geneva' },
    ]);
    expect(events[2].data).toMatchObject({ revision: 3, changed: ['title'] });

    await system.caughtUp();
    const development = await system.getJson(`/v1/developments/${id}`);
    expect(development).toMatchObject({
      title: 'Talks announced for Monday',
      location: 'Geneva',
      revision: 3,
      lastSequence: laterOutcome.sequence,
    });
    expect(development.history.map((event: Json) => event.eventId)).toEqual(
      events.map((event) => event.eventId),
    );
  });

  it('answers 409 conflict when every attempt of a correction is outpaced, and logs none of it', async () => {
    const id = await record({ occurredOn: '2025-11-07', title: 'Fast-moving story' });
    const idempotencyKey = 'outpaced';
    const outpacedEventId = editEventIdFor(id, 'correction', idempotencyKey);
    const interveningStatuses: number[] = [];
    const outpacedResults: AppendResult[] = [];
    restoreAppend = interceptAppends(
      system.ingest!.get(DevelopmentLog),
      async (event, expected, append) => {
        if (event.eventId !== outpacedEventId) return append(event, expected);
        // Another correction lands between this attempt's read and its append.
        const update = interveningStatuses.length + 1;
        interveningStatuses.push((await correct(id, { title: `Update ${update}` })).status);
        const result = await append(event, expected);
        outpacedResults.push(result);
        return result;
      },
    );

    const response = await correct(
      id,
      { title: 'Never lands' },
      { 'idempotency-key': idempotencyKey },
    );
    expect(response.status).toBe(409);
    expect(((await response.json()) as Json).error).toBe('conflict');
    expect(interveningStatuses).toEqual([202, 202, 202, 202, 202]);
    expect(outpacedResults).toEqual(
      Array(5).fill({ appended: false, reason: 'wrong_expected_sequence' }),
    );
    const events = await loggedEventsOf(id);
    expect(events.map((event) => event.eventId)).not.toContain(outpacedEventId);
    expect(events.map((event) => event.data.development.title)).toEqual([
      'Fast-moving story',
      'Update 1',
      'Update 2',
      'Update 3',
      'Update 4',
      'Update 5',
    ]);
  });

  it('refuses bad corrections with 400 naming the field, and unknown developments with 404', async () => {
    const id = await record({
      occurredOn: '2025-11-03',
      occurredUntil: '2025-11-05',
      title: 'A range',
    });
    const before = await system.lastSequence();
    const invalid = await correct(id, { stance: 'x', title: '' });
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as Json).details.map((d: Json) => d.path).sort()).toEqual([
      'stance',
      'title',
    ]);
    const empty = await correct(id, {});
    expect(empty.status).toBe(400);
    const inverted = await correct(id, { occurredOn: '2025-11-09' });
    expect(inverted.status).toBe(400);
    expect(((await inverted.json()) as Json).details[0].path).toBe('occurredOn');
    const badIfMatch = await correct(id, { title: 'x' }, { 'if-match': 'yesterday' });
    expect(badIfMatch.status).toBe(400);
    const notUuid = await correct('not-a-uuid', { title: 'x' });
    expect(notUuid.status).toBe(400);
    const unknown = await correct('00000000-0000-5000-8000-000000000000', { title: 'x' });
    expect(unknown.status).toBe(404);
    expect(await system.lastSequence()).toBe(before);
  });

  it('records a keyed correction once, however often it is sent', async () => {
    const id = await record({ occurredOn: '2025-11-04', title: 'Sent twice' });
    const headers = { 'idempotency-key': 'fix-1' };
    const first = await correct(id, { title: 'Sent twice, fixed' }, headers);
    const again = await correct(id, { title: 'Sent twice, fixed' }, headers);
    expect([first.status, again.status]).toEqual([202, 200]);
    expect(await again.json()).toEqual(await first.json());
    await system.caughtUp();
    expect((await system.getJson(`/v1/developments/${id}`)).revision).toBe(2);
  });

  it('retracts: out of the timeline and positions, 409 the second time, 404 when unknown', async () => {
    const id = await record({
      occurredOn: '2025-11-15',
      title: 'Rumoured walk-out',
      topics: ['r-talks'],
      statements: [{ actor: 'Delegate Nine', topic: 'r-talks', stance: 'oppose' }],
    });
    await system.caughtUp();
    expect(await stanceOf('delegate-nine', 'r-talks')).toBe('oppose');

    const response = await retract(id, 'The report was wrong');
    expect(response.status).toBe(202);
    const { sequence } = (await response.json()) as Json;
    await system.caughtUp();
    expect(await timelineIds()).not.toContain(id);
    const withRetracted = await system.getJson('/v1/timeline?limit=500&includeRetracted=true');
    const item = withRetracted.items.find((candidate: Json) => candidate.developmentId === id);
    expect(item.retracted).toEqual({ reason: 'The report was wrong', sequence });
    expect((await system.get('/v1/actors/delegate-nine')).status).toBe(404);
    expect((await system.get('/v1/topics/r-talks/positions')).status).toBe(404);

    const twice = await retract(id);
    expect(twice.status).toBe(409);
    expect(((await twice.json()) as Json).error).toBe('retracted');
    const correction = await correct(id, { title: 'Too late' });
    expect(correction.status).toBe(409);
    expect((await retract('00000000-0000-5000-8000-000000000000')).status).toBe(404);
    const noReason = await system.post(`/v1/developments/${id}/retraction`, {});
    expect(noReason.status).toBe(400);
  });

  it('correct, retract, then rebuild: the rebuilt read models equal the live ones', async () => {
    const developments = [
      ...sampleDevelopments(),
      ...Array.from({ length: 60 }, (_, i) => generated(i, 'edit')),
    ];
    const ids: string[] = [];
    for (const body of developments) ids.push(await record(body));
    for (let i = 0; i < ids.length; i += 3) {
      expect(
        (
          await correct(ids[i], {
            title: `Corrected ${i}`,
            occurredOn: '2025-12-0' + (1 + (i % 9)),
          })
        ).status,
      ).toBe(202);
    }
    for (let i = 0; i < ids.length; i += 5) {
      expect(
        (
          await correct(ids[i], {
            statements: [{ actor: `Editor ${i % 4}`, topic: 'edits', stance: 'neutral' }],
          })
        ).status,
      ).toBe(202);
    }
    for (let i = 1; i < ids.length; i += 7) expect((await retract(ids[i])).status).toBe(202);
    await system.caughtUp();
    const live = await everyAnswer(system);

    const started = await fetch(`${system.projectorUrl}/v1/projections/all/rebuild`, {
      method: 'POST',
    });
    expect(started.status).toBe(202);
    const { rebuildId } = (await started.json()) as { rebuildId: string };
    const state = await waitFor('the rebuild', async () => {
      const current = await system.getJson(`/v1/rebuilds/${rebuildId}`);
      return current.status === 'running' ? undefined : current;
    });
    expect(state.status).toBe('succeeded');
    const rebuilt = await everyAnswer(system);
    expect(Object.keys(rebuilt).sort()).toEqual(Object.keys(live).sort());
    for (const path of Object.keys(live)) expect([path, rebuilt[path]]).toEqual([path, live[path]]);
  });
});
