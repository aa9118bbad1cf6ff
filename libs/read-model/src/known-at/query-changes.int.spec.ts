import fc from 'fast-check';
import { actorIdOf, DevelopmentInput } from '@app/contracts';
import type { ActorPositions, PositionChange, PositionState } from '@app/contracts';
import {
  developmentIdOf,
  eventOf,
  recordedAtOf,
  useTestDatabase,
  WriterAction,
} from '@app/read-model/testing';
import { READ_MODEL_SCHEMA } from '../database/read-model-schema';
import { canonicalIdSql } from '../identities/resolve-actors';
import { applyBatch } from '../projections/apply-batch';
import type { ProjectedEvent, SqlExecutor } from '../projections/projection';
import { positionsProjection } from '../positions/positions.projection';
import { queryActorPositionsJson } from '../positions/query-positions';
import { timelineProjection } from '../timeline/timeline.projection';
import { ChangesQuery, decodeChangesCursor, queryChanges } from './query-changes';
import { relationsKnownAt } from './read-model-relations';

const SEED = Number(process.env.PROPERTY_SEED ?? 20261207);
const PROJECTIONS = [timelineProjection, positionsProjection];
const PROJECTION_NAMES = PROJECTIONS.map((projection) => projection.name);
/** Who records every event here: changes name her. */
const BY_ALICE = { recordedBy: 'alice' };

async function project(sql: Parameters<typeof applyBatch>[0], events: ProjectedEvent[]) {
  const tables = PROJECTIONS.flatMap((projection) => projection.tables);
  await sql.query(`TRUNCATE ${tables.map((table) => `${READ_MODEL_SCHEMA}.${table}`).join(', ')}`);
  await sql.query(`DELETE FROM ${READ_MODEL_SCHEMA}.projection_checkpoints`);
  // Batches of two: several events of one batch must still be told apart.
  for (let start = 0; start < events.length; start += 2) {
    await applyBatch(sql, PROJECTIONS, events.slice(start, start + 2));
  }
}

/** Every page of changes, followed by their cursors. */
async function allChanges(
  sql: SqlExecutor,
  query: Partial<ChangesQuery> = {},
): Promise<PositionChange[]> {
  const items: PositionChange[] = [];
  let cursor: ChangesQuery['cursor'];
  for (;;) {
    const page = await queryChanges(sql, {
      after: 0,
      limit: 100,
      projections: PROJECTION_NAMES,
      ...query,
      cursor,
    });
    items.push(...page.items);
    if (page.nextCursor === null) return items;
    cursor = decodeChangesCursor(page.nextCursor)!;
  }
}

/** What `GET /v1/actors/{actor}/positions?knownAt=sequence&topic=` says of the topic. */
async function positionKnownAt(
  sql: SqlExecutor,
  actorId: string,
  topic: string,
  sequence: number,
): Promise<PositionState | null> {
  const json = await queryActorPositionsJson(
    sql,
    actorId,
    { topic, historyLimit: 1 },
    relationsKnownAt(String(sequence)),
  );
  const position = json && (JSON.parse(json) as ActorPositions).positions[0];
  return position ? { stance: position.stance, since: position.since } : null;
}

async function expectAsThePositionsRouteSays(sql: SqlExecutor, items: PositionChange[]) {
  for (const item of items) {
    const pair = [item.sequence, item.actor.id, item.topic];
    expect({
      pair,
      before: await positionKnownAt(sql, item.actor.id, item.topic, item.sequence - 1),
      after: await positionKnownAt(sql, item.actor.id, item.topic, item.sequence),
    }).toEqual({ pair, before: item.before, after: item.after });
  }
}

const ALICE = 'Alice Adams';
const BOB = 'Bob Brown';
const ROBERT = 'Robert Brown';
const [alice, bob, robert] = [ALICE, BOB, ROBERT].map(actorIdOf);

describe('queryChanges: position changes event by event', () => {
  const database = useTestDatabase();
  const sql = () => database.dataSource;

  const day1 = (statements: DevelopmentInput['statements']): DevelopmentInput => ({
    occurredOn: '2025-12-01',
    title: 'Talks open',
    actors: [{ name: ALICE }, { name: BOB }],
    statements,
  });
  const events = [
    // 1: Alice supports, Bob opposes.
    {
      kind: 'record',
      key: 1,
      input: day1([
        { actor: ALICE, topic: 'peace-plan', stance: 'support' },
        { actor: BOB, topic: 'peace-plan', stance: 'oppose' },
      ]),
    },
    // 2: Alice again (no change); Robert for the first time.
    {
      kind: 'record',
      key: 2,
      input: {
        occurredOn: '2025-12-05',
        title: 'Second round',
        actors: [{ name: ALICE }, { name: ROBERT }],
        statements: [
          { actor: ALICE, topic: 'peace-plan', stance: 'support' },
          { actor: ROBERT, topic: 'peace-plan', stance: 'support' },
          { actor: ROBERT, topic: 'ceasefire', stance: 'oppose' },
        ],
      },
    },
    // 3: the first development corrected: Alice opposed, Bob supported.
    {
      kind: 'correct',
      key: 1,
      revision: 2,
      input: day1([
        { actor: ALICE, topic: 'peace-plan', stance: 'oppose' },
        { actor: BOB, topic: 'peace-plan', stance: 'support' },
      ]),
    },
    // 4, 5: Robert is Bob, then is not.
    { kind: 'merge', actorId: robert, into: bob },
    { kind: 'unmerge', actorId: robert, from: bob },
    // 6: the second development retracted.
    { kind: 'retract', key: 2 },
  ].map((action, index) => eventOf(action as WriterAction, index + 1, BY_ALICE));

  beforeAll(() => project(sql(), events));

  const change = (
    sequence: number,
    eventType: PositionChange['eventType'],
    actor: [string, string],
    topic: string,
    before: PositionState | null,
    after: PositionState | null,
  ): PositionChange => ({
    sequence,
    recordedAt: recordedAtOf(sequence).toISOString(),
    recordedBy: 'alice',
    eventType,
    developmentId:
      eventType === 'ActorMerged' || eventType === 'ActorUnmerged'
        ? null
        : developmentIdOf(sequence === 3 ? 1 : sequence === 6 ? 2 : sequence),
    actor: { id: actor[0], name: actor[1] },
    topic,
    before,
    after,
  });
  const ALL = [
    change(1, 'NewsEventRecorded', [alice, ALICE], 'peace-plan', null, {
      stance: 'support',
      since: '2025-12-01',
    }),
    change(1, 'NewsEventRecorded', [bob, BOB], 'peace-plan', null, {
      stance: 'oppose',
      since: '2025-12-01',
    }),
    change(2, 'NewsEventRecorded', [robert, ROBERT], 'ceasefire', null, {
      stance: 'oppose',
      since: '2025-12-05',
    }),
    change(2, 'NewsEventRecorded', [robert, ROBERT], 'peace-plan', null, {
      stance: 'support',
      since: '2025-12-05',
    }),
    change(
      3,
      'NewsEventCorrected',
      [alice, ALICE],
      'peace-plan',
      { stance: 'support', since: '2025-12-01' },
      { stance: 'support', since: '2025-12-05' },
    ),
    change(
      3,
      'NewsEventCorrected',
      [bob, BOB],
      'peace-plan',
      { stance: 'oppose', since: '2025-12-01' },
      { stance: 'support', since: '2025-12-01' },
    ),
    // Bob's support on peace-plan is unchanged by Robert's; his ceasefire stance is new.
    change(4, 'ActorMerged', [bob, BOB], 'ceasefire', null, {
      stance: 'oppose',
      since: '2025-12-05',
    }),
    change(
      5,
      'ActorUnmerged',
      [bob, BOB],
      'ceasefire',
      { stance: 'oppose', since: '2025-12-05' },
      null,
    ),
    // Before the unmerge, Robert's positions were Bob's.
    change(
      5,
      'ActorUnmerged',
      [robert, ROBERT],
      'peace-plan',
      { stance: 'support', since: '2025-12-01' },
      { stance: 'support', since: '2025-12-05' },
    ),
    change(
      6,
      'NewsEventRetracted',
      [alice, ALICE],
      'peace-plan',
      { stance: 'support', since: '2025-12-05' },
      { stance: 'oppose', since: '2025-12-01' },
    ),
    // Robert is named by no development any more: he goes by his name before the retraction.
    change(
      6,
      'NewsEventRetracted',
      [robert, ROBERT],
      'ceasefire',
      { stance: 'oppose', since: '2025-12-05' },
      null,
    ),
    change(
      6,
      'NewsEventRetracted',
      [robert, ROBERT],
      'peace-plan',
      { stance: 'support', since: '2025-12-05' },
      null,
    ),
  ];

  it('lists every change in log order, then by actor and topic', async () => {
    const page = await queryChanges(sql(), {
      after: 0,
      limit: 100,
      projections: PROJECTION_NAMES,
    });
    expect(page).toEqual({ items: ALL, nextCursor: null });
    await expectAsThePositionsRouteSays(sql(), page.items);
  });

  it('takes after (exclusive), until (inclusive), a topic and an actor as merges stand now', async () => {
    const inRange = (item: PositionChange) => item.sequence > 2 && item.sequence <= 5;
    expect(await allChanges(sql(), { after: 2, until: 5 })).toEqual(ALL.filter(inRange));
    expect(await allChanges(sql(), { topic: 'ceasefire' })).toEqual(
      ALL.filter((item) => item.topic === 'ceasefire'),
    );
    expect(await allChanges(sql(), { actor: robert })).toEqual(
      ALL.filter((item) => item.actor.id === robert),
    );
    expect(await allChanges(sql(), { until: 1000 })).toEqual(ALL);
    expect(await allChanges(sql(), { after: 6 })).toEqual([]);
  });

  it('finds the changes of actors merged into the one asked for', async () => {
    const merged = [...events, eventOf({ kind: 'merge', actorId: robert, into: bob }, 7, BY_ALICE)];
    await project(sql(), merged);
    try {
      const ofBob = await allChanges(sql(), { actor: robert });
      expect(ofBob).toEqual(
        ALL.filter((item) => item.actor.id === bob || item.actor.id === robert),
      );
    } finally {
      await project(sql(), events);
    }
  });

  it.each([1, 2, 3, 5])('pages of %i give every change once', async (limit) => {
    expect(await allChanges(sql(), { limit })).toEqual(ALL);
  });

  it('ends a page after ten events per item asked for, with a cursor past them', async () => {
    const quiet = Array.from({ length: 12 }, (_, index) =>
      eventOf(
        {
          kind: 'record',
          key: 10 + index,
          input: { occurredOn: '2025-12-02', title: `Quiet ${index}`, actors: [{ name: ALICE }] },
        },
        events.length + 1 + index,
        BY_ALICE,
      ),
    );
    await project(sql(), [...events, ...quiet]);
    try {
      const query = { after: 0, limit: 1, topic: 'ceasefire', projections: PROJECTION_NAMES };
      const pages = [];
      let cursor: ChangesQuery['cursor'];
      do {
        const page = await queryChanges(sql(), { ...query, cursor });
        pages.push({ items: page.items.map((item) => item.sequence), cursor: page.nextCursor });
        cursor = page.nextCursor === null ? undefined : decodeChangesCursor(page.nextCursor)!;
      } while (cursor);
      // Ceasefire changed at 2, 4, 5 and 6; events 7 to 18 moved nothing. The page after
      // 5 reads events 5 to 14: one item, then a cursor past 14.
      expect(pages).toEqual([
        { items: [2], cursor: expect.any(String) },
        { items: [4], cursor: expect.any(String) },
        { items: [5], cursor: expect.any(String) },
        { items: [6], cursor: expect.any(String) },
        { items: [], cursor: null },
      ]);
      expect(decodeChangesCursor(pages[3].cursor!)).toEqual({ sequence: 14 });
    } finally {
      await project(sql(), events);
    }
  });
});

const NAMES = ['Volodymyr Zelensky', 'Zelensky', 'Rustem Umerov', 'Umerov', 'Marco Rubio'];
const IDS = NAMES.map(actorIdOf);
const TOPICS = ['peace-plan', 'ceasefire'];
const STANCES = ['support', 'oppose', 'conditional', 'neutral'] as const;

const contentArbitrary = fc.record({
  day: fc.integer({ min: 1, max: 4 }),
  actors: fc.uniqueArray(fc.integer({ min: 0, max: NAMES.length - 1 }), {
    minLength: 1,
    maxLength: 3,
  }),
  statements: fc.array(
    fc.record({
      actor: fc.nat(),
      topic: fc.constantFrom(...TOPICS),
      stance: fc.constantFrom(...STANCES),
    }),
    { maxLength: 3 },
  ),
});

type Content = typeof contentArbitrary extends fc.Arbitrary<infer T> ? T : never;

function inputOf(key: number, content: Content): DevelopmentInput {
  const names = content.actors.map((index) => NAMES[index]);
  return {
    occurredOn: `2025-12-0${content.day}`,
    title: `Development ${key}`,
    actors: names.map((name) => ({ name })),
    statements: content.statements.map((statement) => ({
      actor: names[statement.actor % names.length],
      topic: statement.topic,
      stance: statement.stance,
    })),
  };
}

/** Developments recorded, corrected, perhaps retracted, and merges (some undone), interleaved. */
const historyArbitrary = fc
  .tuple(
    fc.array(
      fc.record({
        first: contentArbitrary,
        corrections: fc.array(contentArbitrary, { maxLength: 2 }),
        retracted: fc.boolean(),
      }),
      { minLength: 2, maxLength: 4 },
    ),
    fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.boolean()), {
      minLength: IDS.length,
      maxLength: IDS.length,
    }),
    fc.infiniteStream(fc.nat()),
  )
  .map(([writers, mergeChoices, choices]) => {
    const queues: WriterAction[][] = writers.map((writer, index) => {
      const key = index + 1;
      return [
        { kind: 'record', key, input: inputOf(key, writer.first) },
        ...writer.corrections.map((content, n): WriterAction => ({
          kind: 'correct',
          key,
          revision: n + 2,
          input: inputOf(key, content),
        })),
        ...(writer.retracted ? [{ kind: 'retract', key } as const] : []),
      ];
    });
    const roots = [IDS[0], IDS[2]];
    IDS.forEach((actorId, index) => {
      const [target, undone] = mergeChoices[index];
      if (roots.includes(actorId) || target === 2) return;
      const into = roots[target];
      queues.push([
        { kind: 'merge', actorId, into },
        ...(undone ? [{ kind: 'unmerge', actorId, from: into } as const] : []),
      ]);
    });
    const actions: WriterAction[] = [];
    for (;;) {
      const open = queues.filter((queue) => queue.length > 0);
      if (open.length === 0) break;
      actions.push(open[choices.next().value % open.length].shift()!);
    }
    return actions.map((action, index) => eventOf(action, index + 1, BY_ALICE));
  });

/** Whether `actorId` is merged into no other actor when the log ends at `sequence`. */
async function isCanonicalAt(sql: SqlExecutor, actorId: string, sequence: number) {
  const merges = relationsKnownAt(String(sequence)).actorMerges;
  const [row] = await sql.query<{ id: string }>(`SELECT ${canonicalIdSql('$1', merges)} AS id`, [
    actorId,
  ]);
  return row.id === actorId;
}

describe('queryChanges over random histories', () => {
  const database = useTestDatabase();

  it('lists exactly the (actor, topic) pairs whose position the positions route says each event moved', async () => {
    await fc.assert(
      fc.asyncProperty(historyArbitrary, async (events) => {
        const sql = database.dataSource;
        await project(sql, events);
        const expected: Array<[number, string, string]> = [];
        for (const { sequence } of events) {
          for (const actorId of [...IDS].sort()) {
            if (!(await isCanonicalAt(sql, actorId, sequence))) continue;
            for (const topic of [...TOPICS].sort()) {
              const before = await positionKnownAt(sql, actorId, topic, sequence - 1);
              const after = await positionKnownAt(sql, actorId, topic, sequence);
              if (JSON.stringify(before) !== JSON.stringify(after)) {
                expected.push([sequence, actorId, topic]);
              }
            }
          }
        }
        const items = await allChanges(sql, { limit: 2 });
        expect(items.map((item) => [item.sequence, item.actor.id, item.topic])).toEqual(expected);
        await expectAsThePositionsRouteSays(sql, items);
      }),
      { seed: SEED, numRuns: 25 },
    );
  }, 300_000);
});
