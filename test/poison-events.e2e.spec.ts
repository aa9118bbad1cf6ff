import { randomUUID } from 'node:crypto';
import { developmentSubject } from '@app/contracts';
import { everyAnswer } from './support/answers';
import { NewslineUnderTest } from './support/newsline-under-test';
import { waitFor } from './support/wait-for';

/** A sample's value in Prometheus text, whatever labels it carries; it must be there. */
function metric(text: string, name: string): number {
  const sample = new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(text);
  if (!sample) throw new Error(`/metrics has no ${name}`);
  return Number(sample[1]);
}

interface Projection {
  name: string;
  status: string;
  position: number;
  error: string | null;
  deadLetters: number;
}

describe('events the projector cannot apply', () => {
  let system: NewslineUnderTest;

  beforeAll(async () => {
    system = await NewslineUnderTest.start();
  });

  afterAll(() => system?.stop());

  const subject = () => developmentSubject(system.config.SUBJECT_PREFIX, randomUUID());
  const projections = () => system.getJson<Projection[]>('/v1/projections');
  const readMetrics = async () => (await system.get('/metrics')).text();
  const timelineTitles = async () =>
    (await system.getJson('/v1/timeline')).items.map((item: { title: string }) => item.title);
  const deadLetterSequences = async () =>
    (await system.log.messages(`${system.config.STREAM_NAME}_DEAD_LETTERS`)).map((letter) =>
      letter.header?.get('Newsline-Original-Sequence'),
    );
  const record = async (title: string) => {
    const response = await system.post('/v1/developments', { occurredOn: '2025-12-05', title });
    expect(response.status).toBe(202);
  };

  it('retries them, sets them aside in the dead-letter stream, counts them, and goes on', async () => {
    await record('Before the garbage');
    const garbage = await system.log.publish(subject(), Uint8Array.from([0x7b, 0xff, 0x00]));
    const invalid = await system.log.publish(
      subject(),
      JSON.stringify({
        eventId: randomUUID(),
        type: 'NewsEventRecorded',
        schemaVersion: 2,
        recordedAt: '2025-12-16T08:00:00Z',
        correlationId: 'c',
        causationId: null,
        data: {
          developmentId: randomUUID(),
          idempotencyKey: 'k',
          development: {
            occurredOn: '2025-12-05',
            occurredUntil: '2025-12-05',
            title: 'A stance nobody knows',
            topics: ['t'],
            actors: [{ id: 'a', name: 'A' }],
            statements: [{ actor: 'a', topic: 't', stance: 'maybe' }],
          },
        },
      }),
    );
    await record('After the garbage');

    // While it retries, the projection says it is stalled, and why.
    const stalled = await waitFor('a stalled projection', async () => {
      const states = await projections();
      return states.find((state) => state.status === 'stalled');
    });
    expect(stalled.error).toMatch(/cannot be applied \(attempt \d of 5\)/);

    await system.caughtUp();
    const states = await projections();
    expect(states.map((state) => [state.status, state.deadLetters])).toEqual([
      ['live', 2],
      ['live', 2],
    ]);
    const titles = (await system.getJson('/v1/timeline')).items.map(
      (item: { title: string }) => item.title,
    );
    expect(titles).toEqual(['Before the garbage', 'After the garbage']);

    const letters = await system.log.messages(`${system.config.STREAM_NAME}_DEAD_LETTERS`);
    expect(letters.map((letter) => letter.header?.get('Newsline-Original-Sequence'))).toEqual([
      String(garbage.seq),
      String(invalid.seq),
    ]);
    expect(letters[0].header?.get('Newsline-Dead-Letter-Reason')).toMatch(/^not UTF-8 JSON/);
    expect(letters[1].header?.get('Newsline-Dead-Letter-Reason')).toMatch(
      /invalid NewsEventRecorded.*stance/,
    );
    expect(Array.from(letters[0].data)).toEqual([0x7b, 0xff, 0x00]);
    const metrics = await (await system.get('/metrics')).text();
    expect(metrics).toMatch(/newsline_projector_dead_letters_total({[^}]*})? 2\n/);

    // A restart resumes after the checkpoint: the new process neither meets the events set
    // aside again nor applies anything it had applied; it applies the one new event once.
    await system.stopProjector();
    await system.startProjector();
    await record('After the restart');
    await system.caughtUp();
    const restarted = await readMetrics();
    expect(metric(restarted, 'newsline_projector_dead_letters_total')).toBe(0);
    expect(metric(restarted, 'newsline_projector_batch_events_sum')).toBe(1);
    expect(
      (await projections()).map((state) => [state.status, state.error, state.deadLetters]),
    ).toEqual([
      ['live', null, 2],
      ['live', null, 2],
    ]);
    expect(await timelineTitles()).toEqual([
      'Before the garbage',
      'After the garbage',
      'After the restart',
    ]);
    expect(await deadLetterSequences()).toEqual([String(garbage.seq), String(invalid.seq)]);

    // A rebuild meets them again, sets nothing aside twice, and answers as before.
    const live = await everyAnswer(system);
    await system.rebuildAll();
    expect(await everyAnswer(system)).toEqual(live);
    expect(metric(await readMetrics(), 'newsline_projector_dead_letters_total')).toBe(0);
    expect((await projections()).map((state) => state.deadLetters)).toEqual([2, 2]);
    expect(await deadLetterSequences()).toEqual([String(garbage.seq), String(invalid.seq)]);
  });
});
