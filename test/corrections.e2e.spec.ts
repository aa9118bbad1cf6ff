import { everyAnswer, generated } from './support/answers';
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
    const [first, second] = await Promise.all([
      correct(id, { title: 'Wording A' }, { 'if-match': '"1"' }),
      correct(id, { title: 'Wording B' }, { 'if-match': '"1"' }),
    ]);
    expect([first.status, second.status].sort()).toEqual([202, 412]);
    const loser = first.status === 412 ? first : second;
    expect(((await loser.json()) as Json).error).toBe('precondition_failed');
    expect(loser.headers.get('etag')).toBe('"2"');
    await system.caughtUp();
    const development = await system.getJson(`/v1/developments/${id}`);
    expect(development.revision).toBe(2);
    expect(['Wording A', 'Wording B']).toContain(development.title);
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
