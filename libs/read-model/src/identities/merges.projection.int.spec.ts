import { PROJECTIONS } from '../projections/all-projections';
import fc from 'fast-check';
import { actorIdOf, DevelopmentInput } from '@app/contracts';
import {
  eventOf,
  queryActorPositions,
  queryTimeline,
  useTestDatabase,
  WriterAction,
} from '@app/read-model/testing';
import { READ_MODEL_SCHEMA } from '../database/read-model-schema';
import { applyBatch } from '../projections/apply-batch';
import type { SqlExecutor } from '../projections/projection';
import { getActor, listActors } from '../positions/query-actors';
import { queryTopicPositions } from '../positions/query-positions';

const SEED = Number(process.env.PROPERTY_SEED ?? 20251221);
const NAMES = [
  'Volodymyr Zelensky',
  'Volodymyr Zelenskyy',
  'Володимир Зеленський',
  'Rustem Umerov',
  'Umerov',
  'Andrii Yermak',
];
const IDS = NAMES.map(actorIdOf);
const TOPICS = ['peace-plan', 'ceasefire'];
const STANCES = ['support', 'oppose', 'conditional', 'neutral'] as const;

/** Developments on distinct days (so no tie depends on log order), naming actors of the pool. */
const developmentsArbitrary = fc
  .array(
    fc.record({
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
        { minLength: 1, maxLength: 2 },
      ),
      affiliated: fc.boolean(),
      retracted: fc.boolean(),
    }),
    { minLength: 3, maxLength: 9 },
  )
  .map((drafts) =>
    drafts.map((draft, index) => {
      const names = draft.actors.map((i) => NAMES[i]);
      const key = index + 1;
      const input: DevelopmentInput = {
        occurredOn: `2025-12-${String(index + 1).padStart(2, '0')}`,
        title: `Development ${key}`,
        actors: names.map((name) => ({
          name,
          ...(draft.affiliated && { affiliation: 'ukraine' }),
        })),
        statements: draft.statements.map((statement) => ({
          actor: names[statement.actor % names.length],
          topic: statement.topic,
          stance: statement.stance,
        })),
      };
      const actions: WriterAction[] = [{ kind: 'record', key, input }];
      if (draft.retracted && index % 3 === 0) actions.push({ kind: 'retract', key });
      return actions;
    }),
  );

/**
 * Merges in force at the end, into actors that are not merged themselves (as ingest allows),
 * each possibly after a merge elsewhere that was undone.
 */
const mergesArbitrary = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.boolean()), {
    minLength: IDS.length,
    maxLength: IDS.length,
  })
  .map((choices) => {
    const roots = new Set([IDS[0], IDS[3]]);
    return IDS.flatMap((actorId, index): WriterAction[][] => {
      if (roots.has(actorId)) return [];
      const [target, detour] = choices[index];
      const into = [...roots][target % roots.size];
      const other = [...roots].find((root) => root !== into)!;
      const merge: WriterAction = { kind: 'merge', actorId, into };
      if (target === 3) return [];
      if (!detour) return [[merge]];
      return [
        [{ kind: 'merge', actorId, into: other }, { kind: 'unmerge', actorId, from: other }, merge],
      ];
    });
  });

/** A random interleaving of the writers' sequences, each kept in its own order. */
function interleave(sequences: WriterAction[][], random: () => number): WriterAction[] {
  const queues = sequences.map((sequence) => [...sequence]);
  const result: WriterAction[] = [];
  for (;;) {
    const open = queues.filter((queue) => queue.length > 0);
    if (open.length === 0) return result;
    result.push(open[Math.floor(random() * open.length)].shift()!);
  }
}

function randomFrom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('merges on a real PostgreSQL database, over random interleavings', () => {
  const database = useTestDatabase();

  async function project(actions: WriterAction[], random: () => number): Promise<void> {
    const tables = PROJECTIONS.flatMap((projection) => projection.tables);
    await database.dataSource.query(
      `TRUNCATE ${tables.map((table) => `${READ_MODEL_SCHEMA}.${table}`).join(', ')}`,
    );
    await database.dataSource.query(
      `UPDATE ${READ_MODEL_SCHEMA}.projection_checkpoints SET position = 0`,
    );
    const events = actions.map((action, index) => eventOf(action, index + 1));
    for (let start = 0; start < events.length;) {
      const size = 1 + Math.floor(random() * 4);
      await applyBatch(database.transactions, PROJECTIONS, events.slice(start, start + size));
      start += size;
    }
  }

  /** Every answer about actors, positions and the timeline that a sequence cannot change. */
  async function answers(sql: SqlExecutor): Promise<Record<string, unknown>> {
    const result: Record<string, unknown> = {};
    result.actors = (await listActors(sql, { sort: 'name', limit: 500 })).items;
    for (const id of IDS) {
      result[`actor ${id}`] = await getActor(sql, id);
      result[`positions ${id}`] = await queryActorPositions(sql, id, { historyLimit: 100 });
      result[`positions ${id} asOf`] = await queryActorPositions(sql, id, {
        asOf: '2025-12-04',
        historyLimit: 2,
      });
      const timeline = await queryTimeline(sql, { actors: [id], order: 'asc', limit: 500 });
      result[`timeline ${id}`] = timeline.items.map((item) => ({
        developmentId: item.developmentId,
        actors: item.actors,
        statements: item.statements,
      }));
    }
    for (const topic of TOPICS) {
      result[`topic ${topic}`] = await queryTopicPositions(sql, topic, {});
    }
    return result;
  }

  /** `check` on random developments and merges, with a random order source, seeded. */
  const forEveryStory = (
    numRuns: number,
    check: (
      developments: WriterAction[][],
      merges: WriterAction[][],
      random: () => number,
    ) => Promise<void>,
  ) =>
    fc.assert(
      fc.asyncProperty(
        developmentsArbitrary,
        mergesArbitrary,
        fc.integer(),
        (developments, merges, orderSeed) => check(developments, merges, randomFrom(orderSeed)),
      ),
      { seed: SEED, numRuns },
    );

  it(`gives the same answers whatever the order of developments, merges and unmerges (seed ${SEED})`, async () => {
    await forEveryStory(25, async (developments, merges, random) => {
      const writers = [...developments, ...merges];
      await project(interleave(writers, random), random);
      const first = await answers(database.dataSource);
      await project(interleave(writers, random), random);
      expect(await answers(database.dataSource)).toEqual(first);
      // Merges before every development, each applied alone.
      await project([...merges.flat(), ...developments.flat()], () => 0);
      expect(await answers(database.dataSource)).toEqual(first);
    });
  }, 120_000);

  it(`restores the answers without merges once every merge is undone (seed ${SEED})`, async () => {
    await forEveryStory(20, async (developments, merges, random) => {
      await project(interleave(developments, random), random);
      const unmerged = await answers(database.dataSource);
      const undone = merges.map((sequence): WriterAction[] => {
        const last = sequence[sequence.length - 1];
        if (last.kind !== 'merge') return sequence;
        return [...sequence, { kind: 'unmerge', actorId: last.actorId, from: last.into }];
      });
      await project(interleave([...developments, ...undone], random), random);
      expect(await answers(database.dataSource)).toEqual(unmerged);
    });
  }, 120_000);

  it('pools the statements of merged actors under the position rules', async () => {
    const zelensky = (occurredOn: string, name: string, stance: string): DevelopmentInput => ({
      occurredOn,
      title: `${name} on the plan`,
      actors: [{ name }],
      statements: [{ actor: name, topic: 'peace-plan', stance: stance as 'support' }],
    });
    await project(
      [
        { kind: 'record', key: 1, input: zelensky('2025-12-02', NAMES[0], 'support') },
        { kind: 'record', key: 2, input: zelensky('2025-12-20', NAMES[1], 'oppose') },
        { kind: 'merge', actorId: IDS[1], into: IDS[0] },
        { kind: 'record', key: 3, input: zelensky('2025-12-21', NAMES[2], 'oppose') },
        { kind: 'merge', actorId: IDS[2], into: IDS[0] },
      ],
      () => 0,
    );
    const positions = await queryActorPositions(database.dataSource, IDS[2], { historyLimit: 100 });
    expect(positions?.actor).toMatchObject({ id: IDS[0], mergedFrom: IDS[2], developments: 3 });
    expect(positions?.positions).toEqual([
      expect.objectContaining({ topic: 'peace-plan', stance: 'oppose', since: '2025-12-20' }),
    ]);
    expect(await queryTopicPositions(database.dataSource, 'peace-plan', {})).toHaveLength(1);
  });

  it('sets aside the later merge of a cycle that concurrent merges made', async () => {
    const input: DevelopmentInput = {
      occurredOn: '2025-12-01',
      title: 'Both named',
      actors: [{ name: NAMES[3] }, { name: NAMES[4] }],
    };
    await project(
      [
        { kind: 'record', key: 1, input },
        { kind: 'merge', actorId: IDS[3], into: IDS[4] },
        { kind: 'merge', actorId: IDS[4], into: IDS[3] },
      ],
      () => 0,
    );
    // The first merge stands: rustem-umerov is umerov; the second would close the cycle.
    expect(await getActor(database.dataSource, IDS[3])).toMatchObject({
      id: IDS[4],
      developments: 1,
    });
    expect((await listActors(database.dataSource, { sort: 'name', limit: 10 })).items).toHaveLength(
      1,
    );
  });
});
