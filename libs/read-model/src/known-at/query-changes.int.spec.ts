import fc from 'fast-check';
import { actorIdOf, DevelopmentInput } from '@app/contracts';
import type { ActorPositions, PositionChange, PositionState } from '@app/contracts';
import {
  developmentIdOf,
  eventOf,
  HISTORY_ACTOR_IDS,
  HISTORY_PROJECTIONS,
  HISTORY_TOPICS,
  historyArbitrary,
  projectHistory,
  PROPERTY_SEED,
  recordedAtOf,
  useTestDatabase,
  WriterAction,
} from '@app/read-model/testing';
import { canonicalIdSql } from '../identities/resolve-actors';
import type { ProjectedEvent, SqlExecutor } from '../projections/projection';
import { queryActorPositionsJson } from '../positions/query-positions';
import { ChangesQuery, decodeChangesCursor, queryChanges } from './query-changes';
import { relationsKnownAt } from './read-model-relations';

const PROJECTION_NAMES = HISTORY_PROJECTIONS.map((projection) => projection.name);
/** Who records every event here: changes name her. */
const BY_ALICE = { recordedBy: 'alice' };

/** Batches of two: several events of one batch must still be told apart. */
const project = (sql: Parameters<typeof projectHistory>[0], events: ProjectedEvent[]) =>
  projectHistory(sql, events, () => 2);

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

  /** Checks the log with `more` events after it, then puts the log back. */
  async function withMoreEvents(more: ProjectedEvent[], check: () => Promise<void>) {
    await project(sql(), [...events, ...more]);
    try {
      await check();
    } finally {
      await project(sql(), events);
    }
  }

  /** A stance taken on a day of December 2025. */
  const held = (stance: PositionState['stance'], day: number): PositionState => ({
    stance,
    since: `2025-12-0${day}`,
  });
  const NAME_OF: Record<string, string> = { [alice]: ALICE, [bob]: BOB, [robert]: ROBERT };
  const change = (
    sequence: number,
    eventType: PositionChange['eventType'],
    actorId: string,
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
    actor: { id: actorId, name: NAME_OF[actorId] },
    topic,
    before,
    after,
  });
  const ALL = [
    change(1, 'NewsEventRecorded', alice, 'peace-plan', null, held('support', 1)),
    change(1, 'NewsEventRecorded', bob, 'peace-plan', null, held('oppose', 1)),
    change(2, 'NewsEventRecorded', robert, 'ceasefire', null, held('oppose', 5)),
    change(2, 'NewsEventRecorded', robert, 'peace-plan', null, held('support', 5)),
    change(3, 'NewsEventCorrected', alice, 'peace-plan', held('support', 1), held('support', 5)),
    change(3, 'NewsEventCorrected', bob, 'peace-plan', held('oppose', 1), held('support', 1)),
    // Bob's support on peace-plan is unchanged by Robert's; his ceasefire stance is new.
    change(4, 'ActorMerged', bob, 'ceasefire', null, held('oppose', 5)),
    change(5, 'ActorUnmerged', bob, 'ceasefire', held('oppose', 5), null),
    // Before the unmerge, Robert's positions were Bob's.
    change(5, 'ActorUnmerged', robert, 'peace-plan', held('support', 1), held('support', 5)),
    change(6, 'NewsEventRetracted', alice, 'peace-plan', held('support', 5), held('oppose', 1)),
    // Robert is named by no development any more: he goes by his name before the retraction.
    change(6, 'NewsEventRetracted', robert, 'ceasefire', held('oppose', 5), null),
    change(6, 'NewsEventRetracted', robert, 'peace-plan', held('support', 5), null),
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
    const merge = eventOf({ kind: 'merge', actorId: robert, into: bob }, 7, BY_ALICE);
    await withMoreEvents([merge], async () => {
      const ofBob = await allChanges(sql(), { actor: robert });
      expect(ofBob).toEqual(
        ALL.filter((item) => item.actor.id === bob || item.actor.id === robert),
      );
    });
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
    await withMoreEvents(quiet, async () => {
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
    });
  });
});

const HISTORIES = historyArbitrary({
  lastDay: 4,
  maxDevelopments: 4,
  affiliations: false,
  recordedBy: BY_ALICE.recordedBy,
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
      fc.asyncProperty(HISTORIES, async (events) => {
        const sql = database.dataSource;
        await project(sql, events);
        const expected: Array<[number, string, string]> = [];
        for (const { sequence } of events) {
          for (const actorId of [...HISTORY_ACTOR_IDS].sort()) {
            if (!(await isCanonicalAt(sql, actorId, sequence))) continue;
            for (const topic of [...HISTORY_TOPICS].sort()) {
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
      { seed: PROPERTY_SEED, numRuns: 25 },
    );
  }, 300_000);
});
