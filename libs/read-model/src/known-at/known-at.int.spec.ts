import fc from 'fast-check';
import {
  developmentIdOf,
  HISTORY_ACTOR_IDS as IDS,
  HISTORY_PROJECTIONS,
  HISTORY_TOPICS as TOPICS,
  historyArbitrary,
  historyProjectionsWithVersionSpan,
  projectHistory,
  PROPERTY_SEED,
  useTestDatabase,
} from '@app/read-model/testing';
import { READ_MODEL_SCHEMA } from '../database/read-model-schema';
import { getDevelopment } from '../developments/get-development';
import type { SqlExecutor } from '../projections/projection';
import { ACTOR_SORTS, getActor, listActors } from '../positions/query-actors';
import { queryActorPositionsJson, queryTopicPositions } from '../positions/query-positions';
import { getTopic, listTopics, TOPIC_SORTS } from '../positions/query-topics';
import { queryTimelineJson } from '../timeline/query-timeline';
import {
  CURRENT_RELATIONS,
  ReadModelRelations,
  relationsKnownAt,
  relationsKnownAtParameter,
} from './read-model-relations';
import { resolveKnownAt } from './resolve-known-at';

const DEVELOPMENTS = 5;
const PROJECTIONS = HISTORY_PROJECTIONS.map((projection) => projection.name);
/**
 * Versions of actor and topic rows every two or three sequences inside a run of recordings:
 * answers must not depend on where the versions are (the fresh read model keeps them every
 * VERSION_SPAN, that is at round ends only, in such short histories).
 */
const LIVE_PROJECTIONS = historyProjectionsWithVersionSpan(2);
const REBUILT_PROJECTIONS = historyProjectionsWithVersionSpan(3);
const HISTORIES = historyArbitrary({
  lastDay: 9,
  maxDevelopments: DEVELOPMENTS,
  affiliations: true,
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

  it('answers at every sequence exactly as a read model fed the log up to it, and a rebuild agrees', async () => {
    await fc.assert(
      fc.asyncProperty(
        HISTORIES,
        fc.infiniteStream(fc.integer({ min: 1, max: 5 })),
        async (events, sizes) => {
          await projectHistory(live.dataSource, events, () => sizes.next().value, LIVE_PROJECTIONS);
          await projectHistory(
            rebuilt.dataSource,
            events,
            () => events.length,
            REBUILT_PROJECTIONS,
          );
          for (let sequence = 0; sequence <= events.length; sequence++) {
            await projectHistory(
              fresh.dataSource,
              events.slice(0, sequence),
              () => 1 + events.length,
            );
            const { kept, counted } = await keptAndCounted(fresh.dataSource);
            expect({ sequence, kept }).toEqual({ sequence, kept: counted });
            const expected = await answers(fresh.dataSource, CURRENT_RELATIONS);
            // As the routes ask (the sequence checked, and bound), and as SQL in one text.
            const resolved = await resolveKnownAt(live.dataSource, { sequence }, PROJECTIONS);
            if (resolved.outcome !== 'known') throw new Error(`${sequence}: ${resolved.outcome}`);
            const bound = relationsKnownAtParameter(sequence);
            expect({ sequence, answers: await answers(live.dataSource, bound) }).toEqual({
              sequence,
              answers: expected,
            });
            const inline = relationsKnownAt(String(sequence));
            expect({ sequence, answers: await answers(rebuilt.dataSource, inline) }).toEqual({
              sequence,
              answers: expected,
            });
          }
        },
      ),
      { seed: PROPERTY_SEED, numRuns: Number(process.env.PROPERTY_RUNS ?? 14) },
    );
  }, 300_000);
});
