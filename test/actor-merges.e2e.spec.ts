import { everyAnswer } from './support/answers';
import { EventStreamReader } from './support/event-stream';
import { NewslineUnderTest } from './support/newsline-under-test';

type Json = Record<string, any>;

/** Three real reports of one person under three spellings, with contradictory stances. */
const REPORTS = [
  {
    occurredOn: '2025-12-02',
    title: 'Zelensky: the plan will have 20 points, not 28',
    actors: [{ name: 'Volodymyr Zelensky', affiliation: 'ukraine' }],
    statements: [{ actor: 'Volodymyr Zelensky', topic: 'peace-plan', stance: 'support' }],
  },
  {
    occurredOn: '2025-12-20',
    title: 'Zelenskyy rejects the territorial clauses',
    actors: [{ name: 'Volodymyr Zelenskyy' }],
    statements: [{ actor: 'Volodymyr Zelenskyy', topic: 'peace-plan', stance: 'oppose' }],
  },
  {
    occurredOn: '2025-12-21',
    title: 'Зеленський: мир можливий за умови гарантій',
    actors: [{ name: 'Володимир Зеленський', affiliation: 'ukraine' }],
    statements: [{ actor: 'Володимир Зеленський', topic: 'peace-plan', stance: 'conditional' }],
  },
];
const CANONICAL = 'volodymyr-zelensky';
const VARIANTS = ['volodymyr-zelenskyy', 'володимир-зеленський'];

type Step = { report: number } | { merge: string };
const STEPS: Step[] = [
  { report: 0 },
  { report: 1 },
  { report: 2 },
  ...VARIANTS.map((merge) => ({ merge })),
];

/** Posting orders: reports first, merges first, and merges between the reports. */
const ORDERS: number[][] = [
  [0, 1, 2, 3, 4],
  [3, 4, 0, 1, 2],
  [2, 3, 0, 4, 1],
];

const path = (id: string) => `/v1/actors/${encodeURIComponent(id)}`;

async function play(system: NewslineUnderTest, order: number[]): Promise<void> {
  for (const index of order) {
    const step = STEPS[index];
    const response =
      'report' in step
        ? await system.post('/v1/developments', REPORTS[step.report])
        : await system.post(`${path(step.merge)}/merge`, { into: CANONICAL, reason: 'spelling' });
    expect(response.status).toBe(202);
  }
  await system.caughtUp();
}

describe('one actor under many names: merges', () => {
  const systems: NewslineUnderTest[] = [];

  beforeAll(async () => {
    systems.push(...(await Promise.all(ORDERS.map(() => NewslineUnderTest.start()))));
    await Promise.all(ORDERS.map((order, index) => play(systems[index], order)));
  });

  afterAll(() => Promise.all(systems.map((system) => system.stop())));

  it('gives one actor, conditional since 2025-12-21, whichever of the five posts comes first', async () => {
    for (const system of systems) {
      const topic = await system.getJson('/v1/topics/peace-plan/positions');
      expect(topic.positions).toEqual([
        {
          actor: { id: CANONICAL, name: 'Volodymyr Zelensky' },
          stance: 'conditional',
          since: '2025-12-21',
          developmentId: expect.any(String),
        },
      ]);
      const positions = await system.getJson(`${path(CANONICAL)}/positions`);
      expect(positions.positions.map((p: Json) => [p.topic, p.stance, p.since])).toEqual([
        ['peace-plan', 'conditional', '2025-12-21'],
      ]);
      expect(positions.positions[0].history.map((h: Json) => h.stance)).toEqual([
        'support',
        'oppose',
        'conditional',
      ]);
    }
  });

  it('answers every route for the canonical actor when asked about an alias, and the same everywhere', async () => {
    const answers = [];
    for (const system of systems) {
      const canonical = await system.getJson(path(CANONICAL));
      expect(canonical).toMatchObject({ id: CANONICAL, developments: 3, statements: 3 });
      expect(canonical.aliases.map((alias: Json) => alias.id).sort()).toEqual([...VARIANTS].sort());
      expect(canonical.aliases).toContainEqual({ id: VARIANTS[1], name: 'Володимир Зеленський' });
      expect(canonical.mergedFrom).toBeUndefined();

      const alias = await system.getJson(path(VARIANTS[0]));
      expect(alias).toEqual({ ...canonical, mergedFrom: VARIANTS[0] });
      const aliasPositions = await system.getJson(`${path(VARIANTS[1])}/positions`);
      expect(aliasPositions.actor).toMatchObject({ id: CANONICAL, mergedFrom: VARIANTS[1] });
      expect(aliasPositions.positions[0]).toMatchObject({ stance: 'conditional' });

      const actors = await system.getJson('/v1/actors?limit=500');
      expect(actors.items.map((actor: Json) => actor.id)).toEqual([CANONICAL]);

      for (const id of [CANONICAL, ...VARIANTS]) {
        const timeline = await system.getJson(`/v1/timeline?actor=${encodeURIComponent(id)}`);
        expect(timeline.items).toHaveLength(3);
        for (const item of timeline.items) {
          expect(item.actors.map((actor: Json) => actor.id)).toEqual([CANONICAL]);
          expect(item.statements.map((statement: Json) => statement.actor)).toEqual([CANONICAL]);
        }
        expect(timeline.items.map((item: Json) => item.actors[0].name)).toEqual([
          'Volodymyr Zelensky',
          'Volodymyr Zelenskyy',
          'Володимир Зеленський',
        ]);
      }
      answers.push(await everyAnswerWithoutIds(system));
    }
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
  });

  it('refuses merges that would confuse identities, and repeats a merge made before', async () => {
    const [system] = systems;
    const merge = (id: string, body: unknown) => system.post(`${path(id)}/merge`, body);

    const repeat = await merge(VARIANTS[0], { into: CANONICAL });
    expect(repeat.status).toBe(200);
    expect(await repeat.json()).toEqual({
      eventId: expect.any(String),
      sequence: expect.any(Number),
      duplicate: true,
    });

    const self = await merge(CANONICAL, { into: CANONICAL });
    expect(self.status).toBe(400);
    expect(((await self.json()) as Json).details).toEqual([
      { path: 'into', message: expect.any(String) },
    ]);

    const malformed = await merge('Volodymyr Zelenskiy', { into: CANONICAL });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as Json).details[0]).toMatchObject({ path: 'actorId' });
    const badBody = await merge('zelenskiy', { into: 'Not A Slug', extra: 1 });
    expect(badBody.status).toBe(400);
    expect(((await badBody.json()) as Json).details.map((d: Json) => d.path).sort()).toEqual([
      'extra',
      'into',
    ]);

    const intoAlias = await merge('zelenskiy', { into: VARIANTS[0] });
    expect(intoAlias.status).toBe(409);
    expect(await intoAlias.json()).toMatchObject({
      error: 'merge_conflict',
      details: [{ path: 'into', canonical: CANONICAL }],
    });

    const cycle = await merge(CANONICAL, { into: VARIANTS[0] });
    expect(cycle.status).toBe(409);
    expect(await cycle.json()).toMatchObject({ error: 'merge_conflict' });

    const elsewhere = await merge(VARIANTS[0], { into: 'someone-else' });
    expect(elsewhere.status).toBe(409);
    expect(await elsewhere.json()).toMatchObject({
      error: 'merge_conflict',
      details: [{ canonical: CANONICAL }],
    });

    // Two merges of one actor at once: the log takes one, the other sees it and is refused.
    const racing = await Promise.all(
      ['rival-a', 'rival-b'].map((into) => merge('zelenskiy-the-second', { into })),
    );
    expect(racing.map((response) => response.status).sort()).toEqual([202, 409]);

    const notMerged = await system.delete(`${path(CANONICAL)}/merge`);
    expect(notMerged.status).toBe(409);
    expect(await notMerged.json()).toMatchObject({ error: 'not_merged' });
  });

  it('gives identical answers after a rebuild', async () => {
    const system = systems[2];
    await system.caughtUp();
    const before = await everyAnswer(system);
    await system.rebuildAll();
    expect(await everyAnswer(system)).toEqual(before);
  });

  it('restores three actors with their own stances once both merges are undone', async () => {
    const system = systems[1];
    const stream = await EventStreamReader.open(`${system.projectorUrl}/v1/stream`);
    for (const id of VARIANTS) {
      const response = await system.delete(`${path(id)}/merge`);
      expect(response.status).toBe(202);
      expect(await response.json()).toEqual({
        eventId: expect.any(String),
        sequence: expect.any(Number),
      });
    }
    await system.caughtUp();
    const unmerges = await stream.until(2);
    stream.close();
    expect(unmerges.map((message) => [message.event, message.data])).toEqual(
      VARIANTS.map((actorId) => [
        'actor',
        { type: 'ActorUnmerged', sequence: expect.any(Number), actorId, from: CANONICAL },
      ]),
    );
    const topic = await system.getJson('/v1/topics/peace-plan/positions');
    expect(topic.positions.map((p: Json) => [p.actor.id, p.stance, p.since]).sort()).toEqual(
      [
        [CANONICAL, 'support', '2025-12-02'],
        [VARIANTS[0], 'oppose', '2025-12-20'],
        [VARIANTS[1], 'conditional', '2025-12-21'],
      ].sort(),
    );
    const actors = await system.getJson('/v1/actors?limit=500');
    expect(actors.items.map((actor: Json) => actor.id).sort()).toEqual(
      [CANONICAL, ...VARIANTS].sort(),
    );
    expect(await system.getJson(path(CANONICAL))).toMatchObject({ developments: 1, aliases: [] });
    const alias = await system.getJson(path(VARIANTS[0]));
    expect(alias).toMatchObject({ id: VARIANTS[0], name: 'Volodymyr Zelenskyy' });
    expect(alias.mergedFrom).toBeUndefined();
    const timeline = await system.getJson(`/v1/timeline?actor=${CANONICAL}`);
    expect(timeline.items).toHaveLength(1);
  });
});

/** Every answer, without what differs between logs of the same content (ids, sequences). */
async function everyAnswerWithoutIds(system: NewslineUnderTest): Promise<unknown> {
  const answers = await everyAnswer(system);
  const text = JSON.stringify(
    Object.entries(answers)
      .filter(([path]) => !path.startsWith('/v1/developments/'))
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
  return JSON.parse(
    text.replace(
      /"(developmentId|eventId|sequence|lastSequence|recordedAt|nextCursor)":("[^"]*"|\d+|null)/g,
      '"$1":"-"',
    ),
  );
}
