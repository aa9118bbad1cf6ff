import fc from 'fast-check';
import { actorIdOf, DevelopmentInput } from '@app/contracts';
import { developmentIdOf, eventOf, useTestDatabase, WriterAction } from '@app/read-model/testing';
import { READ_MODEL_SCHEMA } from '../database/read-model-schema';
import { getDevelopment } from '../developments/get-development';
import { applyBatch } from '../projections/apply-batch';
import type { ProjectedEvent, SqlExecutor } from '../projections/projection';
import { positionsProjection } from '../positions/positions.projection';
import { ACTOR_SORTS, getActor, listActors } from '../positions/query-actors';
import { queryActorPositionsJson, queryTopicPositions } from '../positions/query-positions';
import { getTopic, listTopics, TOPIC_SORTS } from '../positions/query-topics';
import { queryTimelineJson } from '../timeline/query-timeline';
import { timelineProjection } from '../timeline/timeline.projection';
import { CURRENT_RELATIONS, ReadModelRelations, relationsKnownAt } from './read-model-relations';

const SEED = Number(process.env.PROPERTY_SEED ?? 20261207);
const PROJECTIONS = [timelineProjection, positionsProjection];
const NAMES = ['Volodymyr Zelensky', 'Zelensky', 'Rustem Umerov', 'Umerov', 'Marco Rubio'];
const IDS = NAMES.map(actorIdOf);
const TOPICS = ['peace-plan', 'ceasefire'];
const STANCES = ['support', 'oppose', 'conditional', 'neutral'] as const;
const DEVELOPMENTS = 5;

const contentArbitrary = fc.record({
  day: fc.integer({ min: 1, max: 9 }),
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
    { minLength: 0, maxLength: 3 },
  ),
  affiliated: fc.boolean(),
});

type Content = typeof contentArbitrary extends fc.Arbitrary<infer T> ? T : never;

function inputOf(key: number, content: Content): DevelopmentInput {
  const names = content.actors.map((index) => NAMES[index]);
  return {
    occurredOn: `2025-12-${String(content.day).padStart(2, '0')}`,
    title: `Development ${key} on day ${content.day}`,
    actors: names.map((name) => ({ name, ...(content.affiliated && { affiliation: 'ukraine' }) })),
    topics: [...new Set(content.statements.map((statement) => statement.topic))],
    statements: content.statements.map((statement) => ({
      actor: names[statement.actor % names.length],
      topic: statement.topic,
      stance: statement.stance,
    })),
  };
}

/** Each development's own events, in its order: recorded, corrected, perhaps retracted. */
const developmentWritersArbitrary = fc
  .array(
    fc.record({
      first: contentArbitrary,
      corrections: fc.array(contentArbitrary, { maxLength: 2 }),
      retracted: fc.boolean(),
    }),
    { minLength: 2, maxLength: DEVELOPMENTS },
  )
  .map((writers) =>
    writers.map((writer, index): WriterAction[] => {
      const key = index + 1;
      const actions: WriterAction[] = [{ kind: 'record', key, input: inputOf(key, writer.first) }];
      writer.corrections.forEach((content, n) =>
        actions.push({ kind: 'correct', key, revision: n + 2, input: inputOf(key, content) }),
      );
      if (writer.retracted) actions.push({ kind: 'retract', key });
      return actions;
    }),
  );

/** Merges into actors that are not merged themselves, some undone. */
const mergeWritersArbitrary = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.boolean()), {
    minLength: IDS.length,
    maxLength: IDS.length,
  })
  .map((choices) => {
    const roots = [IDS[0], IDS[2]];
    return IDS.flatMap((actorId, index): WriterAction[][] => {
      const [target, undone] = choices[index];
      if (roots.includes(actorId) || target === 2) return [];
      const into = roots[target];
      const merge: WriterAction = { kind: 'merge', actorId, into };
      return [undone ? [merge, { kind: 'unmerge', actorId, from: into }] : [merge]];
    });
  });

/** A history: the writers' actions interleaved at random, each writer's kept in order. */
const historyArbitrary = fc
  .tuple(developmentWritersArbitrary, mergeWritersArbitrary, fc.infiniteStream(fc.nat()))
  .map(([developments, merges, choices]) => {
    const queues = [...developments, ...merges].map((actions) => [...actions]);
    const actions: WriterAction[] = [];
    for (;;) {
      const open = queues.filter((queue) => queue.length > 0);
      if (open.length === 0) break;
      actions.push(open[choices.next().value % open.length].shift()!);
    }
    return actions.map((action, index) => eventOf(action, index + 1));
  });

/** Every answer of every route that takes `knownAt`, as the API would print it. */
async function answers(
  sql: SqlExecutor,
  relations: ReadModelRelations,
): Promise<Record<string, unknown>> {
  const result: Record<string, unknown> = {};
  for (const includeRetracted of [false, true]) {
    result[`timeline ${includeRetracted}`] = await queryTimelineJson(sql, {
      order: 'asc',
      limit: 500,
      includeRetracted,
      relations,
    });
  }
  result['timeline of an actor'] = await queryTimelineJson(sql, {
    order: 'desc',
    limit: 500,
    actors: [IDS[0]],
    relations,
  });
  for (let key = 1; key <= DEVELOPMENTS; key++) {
    result[`development ${key}`] = await getDevelopment(sql, developmentIdOf(key), relations);
  }
  for (const sort of ACTOR_SORTS) {
    result[`actors by ${sort}`] = await listActors(sql, { sort, limit: 2 }, relations);
    result[`all actors by ${sort}`] = await listActors(sql, { sort, limit: 500 }, relations);
  }
  result['actors found by a prefix'] = await listActors(
    sql,
    { sort: 'name', limit: 500, prefix: 'zel' },
    relations,
  );
  for (const id of IDS) {
    result[`actor ${id}`] = await getActor(sql, id, relations);
    result[`positions ${id}`] = await queryActorPositionsJson(
      sql,
      id,
      { historyLimit: 100 },
      relations,
    );
    result[`positions ${id} as of a day`] = await queryActorPositionsJson(
      sql,
      id,
      { historyLimit: 1, asOf: '2025-12-03' },
      relations,
    );
  }
  for (const sort of TOPIC_SORTS) {
    result[`topics by ${sort}`] = await listTopics(sql, { sort, limit: 500 }, relations);
  }
  for (const topic of TOPICS) {
    result[`topic ${topic}`] = await getTopic(sql, topic, relations);
    result[`topic ${topic} positions`] = await queryTopicPositions(sql, topic, {}, relations);
  }
  return result;
}

/**
 * The actor and topic rows the projection keeps by adding and taking away, and the same rows
 * counted from scratch from the rows that hold now: they must agree.
 */
async function keptAndCounted(sql: SqlExecutor): Promise<{ kept: unknown; counted: unknown }> {
  const rm = READ_MODEL_SCHEMA;
  const kept = {
    actors: await sql.query(
      `SELECT id, name, affiliation, developments, statements, first_seen_on::text AS first,
              last_seen_on::text AS last FROM ${rm}.actors ORDER BY id`,
    ),
    topics: await sql.query(
      `SELECT topic, developments, statements, first_seen_on::text AS first,
              last_seen_on::text AS last FROM ${rm}.topics ORDER BY topic`,
    ),
  };
  const counted = {
    actors: await sql.query(
      `SELECT c.id, n.name, f.affiliation, c.developments, coalesce(s.statements, 0) AS statements,
              c.first, c.last
         FROM (SELECT canonical_actor_id AS id, count(DISTINCT development_id)::integer AS developments,
                      min(occurred_on)::text AS first, max(occurred_on)::text AS last
                 FROM ${rm}.development_actors GROUP BY canonical_actor_id) c
         JOIN (SELECT DISTINCT ON (r.canonical_actor_id) r.canonical_actor_id AS id, r.name
                 FROM ${rm}.development_actors r
                ORDER BY r.canonical_actor_id, r.actor_id = r.canonical_actor_id DESC,
                         r.name <> r.actor_id DESC, r.occurred_on DESC, r.sequence DESC, r.actor_id) n
           USING (id)
         LEFT JOIN (SELECT DISTINCT ON (r.canonical_actor_id) r.canonical_actor_id AS id, r.affiliation
                      FROM ${rm}.development_actors r WHERE r.affiliation IS NOT NULL
                     ORDER BY r.canonical_actor_id, r.occurred_on DESC, r.sequence DESC, r.actor_id) f
           USING (id)
         LEFT JOIN (SELECT canonical_actor_id AS id, count(*)::integer AS statements
                      FROM ${rm}.statements GROUP BY canonical_actor_id) s USING (id)
        ORDER BY c.id`,
    ),
    topics: await sql.query(
      `SELECT c.topic, c.developments, coalesce(s.statements, 0) AS statements, c.first, c.last
         FROM (SELECT topic, count(*)::integer AS developments, min(occurred_on)::text AS first,
                      max(occurred_on)::text AS last
                 FROM ${rm}.development_topics GROUP BY topic) c
         LEFT JOIN (SELECT topic, count(*)::integer AS statements FROM ${rm}.statements GROUP BY topic) s
           USING (topic)
        ORDER BY c.topic`,
    ),
  };
  return { kept, counted };
}

describe('known-at answers on a real PostgreSQL database, over random histories', () => {
  // The log applied live in random batches, the same log applied as a rebuild would (in
  // other batches), and a fresh read model fed the log up to each sequence.
  const live = useTestDatabase();
  const rebuilt = useTestDatabase();
  const fresh = useTestDatabase();

  async function project(
    sql: { query: SqlExecutor['query'] } & Parameters<typeof applyBatch>[0],
    events: ProjectedEvent[],
    batchSizes: () => number,
  ): Promise<void> {
    const tables = PROJECTIONS.flatMap((projection) => projection.tables);
    await sql.query(
      `TRUNCATE ${tables.map((table) => `${READ_MODEL_SCHEMA}.${table}`).join(', ')}`,
    );
    await sql.query(`DELETE FROM ${READ_MODEL_SCHEMA}.projection_checkpoints`);
    for (let start = 0; start < events.length;) {
      const size = batchSizes();
      await applyBatch(sql, PROJECTIONS, events.slice(start, start + size));
      start += size;
    }
  }

  it('answers at every sequence exactly as a read model fed the log up to it, and a rebuild agrees', async () => {
    await fc.assert(
      fc.asyncProperty(
        historyArbitrary,
        fc.infiniteStream(fc.integer({ min: 1, max: 5 })),
        async (events, sizes) => {
          await project(live.dataSource, events, () => sizes.next().value);
          await project(rebuilt.dataSource, events, () => events.length);
          for (let sequence = 0; sequence <= events.length; sequence++) {
            await project(fresh.dataSource, events.slice(0, sequence), () => 1 + events.length);
            const { kept, counted } = await keptAndCounted(fresh.dataSource);
            expect({ sequence, kept }).toEqual({ sequence, kept: counted });
            const expected = await answers(fresh.dataSource, CURRENT_RELATIONS);
            const knownAt = relationsKnownAt(String(sequence));
            expect({ sequence, answers: await answers(live.dataSource, knownAt) }).toEqual({
              sequence,
              answers: expected,
            });
            expect({ sequence, answers: await answers(rebuilt.dataSource, knownAt) }).toEqual({
              sequence,
              answers: expected,
            });
          }
        },
      ),
      { seed: SEED, numRuns: Number(process.env.PROPERTY_RUNS ?? 14) },
    );
  }, 300_000);
});
