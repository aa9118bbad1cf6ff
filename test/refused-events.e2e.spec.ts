import { randomUUID } from 'node:crypto';
import { actorSubject } from '@app/contracts';
import { DEAD_LETTER_HEADERS } from '@app/jetstream';
import { everyAnswer } from './support/answers';
import { NewslineUnderTest } from './support/newsline-under-test';
import { waitFor } from './support/wait-for';

interface Projection {
  name: string;
  status: string;
  position: number;
  deadLetters: number;
}

/**
 * An event that decodes and passes validation, but that PostgreSQL refuses to store: a merge
 * reason holding U+0000, which no text or jsonb value may contain. Ingest refuses such a
 * reason; another writer to the log might not.
 */
function mergeWithUnstorableReason(actorId: string, into: string): string {
  return JSON.stringify({
    eventId: randomUUID(),
    type: 'ActorMerged',
    schemaVersion: 1,
    recordedAt: '2025-12-16T08:00:00Z',
    correlationId: 'refused',
    causationId: null,
    data: { actorId, into, reason: 'same person\u0000' },
  });
}

describe('an event PostgreSQL refuses', () => {
  let system: NewslineUnderTest;

  beforeAll(async () => {
    system = await NewslineUnderTest.start();
  });

  afterAll(() => system?.stop());

  const projections = () => system.getJson<Projection[]>('/v1/projections');
  const record = async (index: number) => {
    const response = await system.post('/v1/developments', {
      occurredOn: '2025-12-05',
      title: `Development ${index}`,
      statements: [{ actor: `Actor ${index % 3}`, topic: 'peace-plan', stance: 'support' }],
    });
    expect(response.status).toBe(202);
  };

  it('is found alone in its batch, set aside with the database reason, and the rest is applied', async () => {
    // Everything waits in the log, so the projector meets it all in one batch.
    await system.stopProjector();
    for (let index = 0; index < 6; index++) await record(index);
    const refused = await system.log.publish(
      actorSubject(system.config.SUBJECT_PREFIX, 'actor-1'),
      mergeWithUnstorableReason('actor-1', 'actor-0'),
    );
    for (let index = 6; index < 12; index++) await record(index);
    const merged = await system.post('/v1/actors/actor-2/merge', { into: 'actor-0' });
    expect(merged.status).toBe(202);
    const head = await system.lastSequence();
    expect(head).toBe(14);

    await system.startProjector();
    const applied = await waitFor('the projections to pass the refused event', async () => {
      const states = await projections();
      return states.every((state) => state.position === head && state.status === 'live')
        ? states
        : undefined;
    });
    expect(applied.map((state) => state.deadLetters)).toEqual([1, 1]);

    // The dead letter is the event itself, with PostgreSQL's reason.
    const letters = await system.log.messages(`${system.config.STREAM_NAME}_DEAD_LETTERS`);
    expect(letters).toHaveLength(1);
    expect(letters[0].header?.get(DEAD_LETTER_HEADERS.sequence)).toBe(String(refused.seq));
    expect(letters[0].header?.get(DEAD_LETTER_HEADERS.reason)).toMatch(
      /PostgreSQL refused it \(SQLSTATE 22P05\)/,
    );

    // Every other event is applied: twelve developments, and the valid merge but not the other.
    const timeline = await system.getJson<{ items: unknown[] }>('/v1/timeline?limit=50');
    expect(timeline.items).toHaveLength(12);
    const canonical = await system.getJson<{ id: string; aliases: Array<{ id: string }> }>(
      '/v1/actors/actor-0',
    );
    expect(canonical.aliases.map((alias) => alias.id)).toEqual(['actor-2']);
    const notMerged = await system.getJson<Record<string, unknown>>('/v1/actors/actor-1');
    expect(notMerged.id).toBe('actor-1');
    expect(notMerged).not.toHaveProperty('mergedFrom');

    // A rebuild leaves it out as well, and adds no second dead letter.
    const live = await everyAnswer(system);
    await system.rebuildAll();
    expect(await everyAnswer(system)).toEqual(live);
    expect(await system.log.messages(`${system.config.STREAM_NAME}_DEAD_LETTERS`)).toHaveLength(1);
  }, 120_000);
});
