import { PROJECTIONS } from '../projections/all-projections';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { actorIdOf, DevelopmentInput, validateDevelopment } from '@app/contracts';
import {
  createTestDatabase,
  queryActorPositions,
  recordedAt,
  useTestDatabase,
} from '@app/read-model/testing';
import { readCheckpoints } from '../checkpoints/checkpoints';
import { READ_MODEL_SCHEMA } from '../database/read-model-schema';
import { inSequence } from '../database/transactions';
import { decodeKeysetCursor } from '../pagination/keyset-cursor';
import { applyBatch } from '../projections/apply-batch';
import type { ProjectedEvent, SqlExecutor } from '../projections/projection';
import { timelineProjection } from '../timeline/timeline.projection';
import { createPositionsProjection, positionsProjection } from './positions.projection';
import { ACTOR_SORTS, getActor, listActors } from './query-actors';
import { queryTopicPositions } from './query-positions';
import { getTopic, listTopics, TOPIC_SORTS } from './query-topics';

jest.setTimeout(60_000);

/** The 12 sample developments, checked against the input rules as ingest would. */
const SEED: DevelopmentInput[] = (
  JSON.parse(
    readFileSync(join(__dirname, '../../../../examples/developments.seed.json'), 'utf8'),
  ) as unknown[]
).map((body, index) => {
  const validated = validateDevelopment(body);
  if (!validated.ok) throw new Error(`seed item ${index}: ${JSON.stringify(validated.details)}`);
  return validated.value;
});

/** A development keeps its id whatever the order it is recorded in. */
const developmentIdOf = (seedIndex: number) =>
  `5eed0000-0000-4000-8000-${String(seedIndex + 1).padStart(12, '0')}`;

/** The seed items in `order` as the log would hold them: sequence = place in the log. */
function logOf(order: readonly number[]): ProjectedEvent[] {
  return order.map((seedIndex, index) =>
    recordedAt(index + 1, SEED[seedIndex], developmentIdOf(seedIndex)),
  );
}

async function applyInBatches(
  dataSource: DataSource,
  events: readonly ProjectedEvent[],
  sizes: readonly number[],
): Promise<void> {
  expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(events.length);
  let start = 0;
  for (const size of sizes) {
    await applyBatch(dataSource, PROJECTIONS, events.slice(start, start + size));
    start += size;
  }
}

const CHRONOLOGICAL = SEED.map((_, index) => index);
const SHUFFLED = [11, 6, 2, 9, 0, 10, 4, 8, 1, 7, 3, 5];
const REVERSED = [...CHRONOLOGICAL].reverse();
const AS_OF_DATES = [
  '2025-11-29',
  '2025-12-01',
  '2025-12-02',
  '2025-12-14',
  '2025-12-19',
  '2025-12-22',
  '2025-12-31',
];

/** Every answer the queries give about the read model, keyed by what was asked. */
async function answers(sql: SqlExecutor): Promise<Map<string, unknown>> {
  const result = new Map<string, unknown>();
  for (const sort of ACTOR_SORTS) {
    result.set(`listActors ${sort}`, await listActors(sql, { sort, limit: 500 }));
  }
  for (const sort of TOPIC_SORTS) {
    result.set(`listTopics ${sort}`, await listTopics(sql, { sort, limit: 500 }));
  }
  const actorIds = (await listActors(sql, { sort: 'name', limit: 500 })).items.map((a) => a.id);
  const topics = (await listTopics(sql, { sort: 'topic', limit: 500 })).items.map((t) => t.topic);
  for (const id of actorIds) {
    result.set(`getActor ${id}`, await getActor(sql, id));
    for (const asOf of [undefined, ...AS_OF_DATES]) {
      result.set(
        `queryActorPositions ${id} asOf=${asOf}`,
        await queryActorPositions(sql, id, { asOf, historyLimit: 100 }),
      );
      result.set(
        `queryActorPositions ${id} topic=peace-plan asOf=${asOf}`,
        await queryActorPositions(sql, id, { topic: 'peace-plan', asOf, historyLimit: 1 }),
      );
    }
  }
  for (const topic of topics) {
    result.set(`getTopic ${topic}`, await getTopic(sql, topic));
    for (const asOf of [undefined, ...AS_OF_DATES]) {
      result.set(
        `queryTopicPositions ${topic} asOf=${asOf}`,
        await queryTopicPositions(sql, topic, { asOf }),
      );
    }
  }
  return result;
}

function expectSameAnswers(actual: Map<string, unknown>, expected: Map<string, unknown>): void {
  expect([...actual.keys()]).toEqual([...expected.keys()]);
  for (const [question, answer] of expected) {
    expect({ question, answer: actual.get(question) }).toEqual({ question, answer });
  }
}

/** Every row of the tables the positions projection owns, in a stable order. */
async function positionsRows(sql: SqlExecutor): Promise<Record<string, unknown[]>> {
  const orderBy: Record<string, string> = {
    statements: 'development_id, statement_index',
    statements_history: 'development_id, statement_index, valid_from',
    development_actors: 'development_id, actor_id',
    development_actors_history: 'development_id, actor_id, valid_from',
    development_topics: 'development_id, topic',
    development_topics_history: 'development_id, topic, valid_from',
    actors: 'id',
    actors_history: 'id, valid_from',
    topics: 'topic',
    topics_history: 'topic, valid_from',
    actor_merges: 'actor_id',
    actor_merges_history: 'actor_id, valid_from',
    actor_name_keys: 'key, name',
    actor_events: 'sequence',
    actor_search_terms: 'term, actor_id',
  };
  const rows: Record<string, unknown[]> = {};
  for (const table of positionsProjection.tables) {
    rows[table] = await sql.query(
      `SELECT * FROM ${READ_MODEL_SCHEMA}.${table} ORDER BY ${orderBy[table]}`,
    );
  }
  return rows;
}

async function allActorPages(sql: SqlExecutor, sort: (typeof ACTOR_SORTS)[number]) {
  const pages: string[][] = [];
  let cursor: string | null = null;
  do {
    const after = cursor === null ? undefined : (decodeKeysetCursor(cursor) ?? undefined);
    if (cursor !== null) expect(after).toMatchObject({ sort });
    const page = await listActors(sql, { sort, limit: 2, after });
    pages.push(page.items.map((actor) => actor.id));
    cursor = page.nextCursor;
  } while (cursor !== null && pages.length < 100);
  return pages;
}

async function allTopicPages(sql: SqlExecutor, sort: (typeof TOPIC_SORTS)[number]) {
  const pages: string[][] = [];
  let cursor: string | null = null;
  do {
    const after = cursor === null ? undefined : (decodeKeysetCursor(cursor) ?? undefined);
    const page = await listTopics(sql, { sort, limit: 2, after });
    pages.push(page.items.map((topic) => topic.topic));
    cursor = page.nextCursor;
  } while (cursor !== null && pages.length < 100);
  return pages;
}

async function expectPaginationVisitsEveryoneOnce(sql: SqlExecutor): Promise<void> {
  for (const sort of ACTOR_SORTS) {
    const everyone = (await listActors(sql, { sort, limit: 500 })).items.map((a) => a.id);
    const pages = await allActorPages(sql, sort);
    expect({ sort, ids: pages.flat() }).toEqual({ sort, ids: everyone });
    expect(new Set(pages.flat()).size).toBe(everyone.length);
    expect(pages.slice(0, -1).every((page) => page.length === 2)).toBe(true);
    expect(pages[pages.length - 1].length).toBeGreaterThan(0);
    expect(pages.length).toBe(Math.ceil(everyone.length / 2));
  }
  for (const sort of TOPIC_SORTS) {
    const everything = (await listTopics(sql, { sort, limit: 500 })).items.map((t) => t.topic);
    const pages = await allTopicPages(sql, sort);
    expect({ sort, topics: pages.flat() }).toEqual({ sort, topics: everything });
    expect(new Set(pages.flat()).size).toBe(everything.length);
  }
}

describe('positions projection on a real PostgreSQL database: the sample developments', () => {
  let chronological: DataSource;
  let shuffled: DataSource;
  let reversed: DataSource;
  const drops: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    const databases = await Promise.all([
      createTestDatabase(),
      createTestDatabase(),
      createTestDatabase(),
    ]);
    [chronological, shuffled, reversed] = databases.map((database) => database.dataSource);
    drops.push(...databases.map((database) => database.drop));

    // As a live projector would: one development per batch, in the order they happened.
    await applyInBatches(chronological, logOf(CHRONOLOGICAL), Array(12).fill(1));
    // Recorded in another order (so late records about earlier dates), in uneven batches.
    await applyInBatches(shuffled, logOf(SHUFFLED), [3, 1, 5, 3]);
    // Newest first, all in one batch.
    await applyInBatches(reversed, logOf(REVERSED), [12]);
  });

  afterAll(async () => {
    await Promise.all(drops.map((drop) => drop()));
  });

  it('applies every development and moves both checkpoints to the head', async () => {
    for (const dataSource of [chronological, shuffled, reversed]) {
      const checkpoints = await readCheckpoints(dataSource, ['timeline', 'positions']);
      expect(Object.fromEntries(checkpoints)).toEqual({ timeline: 12, positions: 12 });
      const [{ n }] = await dataSource.query(
        `SELECT count(*)::int AS n FROM ${READ_MODEL_SCHEMA}.statements`,
      );
      expect(n).toBe(SEED.reduce((sum, item) => sum + (item.statements?.length ?? 0), 0));
    }
  });

  it('gives the same answers to every query whatever the order of recording', async () => {
    const expected = await answers(chronological);
    expect((await listActors(chronological, { sort: 'name', limit: 500 })).items).toHaveLength(11);
    expect((await listTopics(chronological, { sort: 'topic', limit: 500 })).items).toHaveLength(9);
    expectSameAnswers(await answers(shuffled), expected);
    expectSameAnswers(await answers(reversed), expected);
  });

  it.each([
    ['chronological', () => chronological],
    ['shuffled', () => shuffled],
    ['reversed', () => reversed],
  ])('gives the positions the sample README states (%s)', async (_order, database) => {
    const sql = database();
    const peacePlan = async (actorId: string, asOf?: string) =>
      (await queryActorPositions(sql, actorId, { topic: 'peace-plan', asOf, historyLimit: 100 }))
        ?.positions;

    expect(await peacePlan('vladimir-putin')).toEqual([
      {
        topic: 'peace-plan',
        stance: 'neutral',
        since: '2025-12-19',
        quote: 'by peaceful means',
        developmentId: developmentIdOf(8),
        history: [
          {
            occurredOn: '2025-12-19',
            stance: 'neutral',
            quote: 'by peaceful means',
            summary: SEED[8].statements![0].summary,
            developmentId: developmentIdOf(8),
          },
        ],
      },
    ]);

    const umerov = await peacePlan('rustem-umerov');
    expect(umerov).toMatchObject([
      { topic: 'peace-plan', stance: 'conditional', since: '2025-12-22' },
    ]);
    expect(umerov![0].developmentId).toBe(developmentIdOf(10));
    expect(umerov![0].history.map((entry) => [entry.occurredOn, entry.stance])).toEqual([
      ['2025-12-14', 'support'],
      ['2025-12-22', 'conditional'],
    ]);
    for (const asOf of ['2025-12-14', '2025-12-21']) {
      expect(await peacePlan('rustem-umerov', asOf)).toMatchObject([
        { stance: 'support', since: '2025-12-14', developmentId: developmentIdOf(6) },
      ]);
    }
    expect(await peacePlan('rustem-umerov', '2025-12-22')).toMatchObject([
      { stance: 'conditional', since: '2025-12-22' },
    ]);
    expect(await peacePlan('rustem-umerov', '2025-12-13')).toEqual([]);

    expect(await peacePlan('volodymyr-zelensky')).toMatchObject([
      {
        topic: 'peace-plan',
        stance: 'support',
        since: '2025-12-02',
        developmentId: developmentIdOf(5),
      },
    ]);
    expect(await peacePlan('volodymyr-zelensky', '2025-12-02')).toMatchObject([
      { stance: 'support', since: '2025-12-02', developmentId: developmentIdOf(1) },
    ]);
    expect(await peacePlan('volodymyr-zelensky', '2025-12-01')).toEqual([]);

    const zelensky = await queryActorPositions(sql, 'volodymyr-zelensky', { historyLimit: 100 });
    expect(zelensky?.positions.map((p) => [p.topic, p.stance, p.since])).toEqual([
      ['peace-plan', 'support', '2025-12-02'],
      ['western-pressure', 'support', '2025-12-18'],
    ]);

    expect(await queryTopicPositions(sql, 'peace-plan', {})).toEqual([
      {
        actor: { id: 'rustem-umerov', name: 'Rustem Umerov' },
        stance: 'conditional',
        since: '2025-12-22',
        developmentId: developmentIdOf(10),
      },
      {
        actor: { id: 'ukraine', name: 'Ukraine' },
        stance: 'conditional',
        since: '2025-12-06',
        developmentId: developmentIdOf(3),
      },
      {
        actor: { id: 'usa', name: 'United States' },
        stance: 'conditional',
        since: '2025-12-06',
        developmentId: developmentIdOf(3),
      },
      {
        actor: { id: 'vladimir-putin', name: 'Vladimir Putin' },
        stance: 'neutral',
        since: '2025-12-19',
        developmentId: developmentIdOf(8),
      },
      {
        actor: { id: 'volodymyr-zelensky', name: 'Volodymyr Zelensky' },
        stance: 'support',
        since: '2025-12-02',
        developmentId: developmentIdOf(5),
      },
      {
        actor: { id: 'yuri-ushakov', name: 'Yuri Ushakov' },
        stance: 'neutral',
        since: '2025-12-02',
        developmentId: developmentIdOf(2),
      },
    ]);
    expect(
      (await queryTopicPositions(sql, 'peace-plan', { asOf: '2025-12-14' })).map((p) => [
        p.actor.id,
        p.stance,
        p.since,
      ]),
    ).toEqual([
      ['rustem-umerov', 'support', '2025-12-14'],
      ['ukraine', 'conditional', '2025-12-06'],
      ['usa', 'conditional', '2025-12-06'],
      ['volodymyr-zelensky', 'support', '2025-12-02'],
      ['yuri-ushakov', 'neutral', '2025-12-02'],
    ]);
    expect(await queryTopicPositions(sql, 'peace-plan', { asOf: '2025-12-01' })).toEqual([]);
    expect(
      (await queryTopicPositions(sql, 'trilateral-talks', {})).map((p) => [p.actor.id, p.stance]),
    ).toEqual([
      ['russia', 'oppose'],
      ['usa', 'support'],
    ]);
    // A topic of developments without any statement on it has no positions.
    expect(await queryTopicPositions(sql, 'airspace-violations', {})).toEqual([]);
  });

  it('counts actors and topics as the sample says (checked by hand)', async () => {
    for (const sql of [chronological, shuffled, reversed]) {
      // Zelensky is among the actors of items 1, 5, 6, 7 and 9 and speaks in 1, 5 and 7.
      expect(await getActor(sql, 'volodymyr-zelensky')).toEqual({
        aliases: [],
        id: 'volodymyr-zelensky',
        name: 'Volodymyr Zelensky',
        affiliation: 'ukraine',
        developments: 5,
        statements: 3,
        firstSeenOn: '2025-12-02',
        lastSeenOn: '2025-12-19',
      });
      // Umerov: items 3, 6 and 10; one statement in 6, two in 10.
      expect(await getActor(sql, 'rustem-umerov')).toEqual({
        aliases: [],
        id: 'rustem-umerov',
        name: 'Rustem Umerov',
        affiliation: 'ukraine',
        developments: 3,
        statements: 3,
        firstSeenOn: '2025-12-06',
        lastSeenOn: '2025-12-22',
      });
      // The United States: every item but 1, 7 and 8; statements in 3 and 9; no affiliation.
      expect(await getActor(sql, 'usa')).toEqual({
        aliases: [],
        id: 'usa',
        name: 'United States',
        affiliation: null,
        developments: 9,
        statements: 2,
        firstSeenOn: '2025-11-30',
        lastSeenOn: '2025-12-22',
      });
      // peace-plan: items 0-3, 5, 6, 8-10; statements in 1, 2, 3 (two), 5, 6, 8 and 10.
      expect(await getTopic(sql, 'peace-plan')).toEqual({
        topic: 'peace-plan',
        developments: 9,
        statements: 8,
        firstSeenOn: '2025-11-30',
        lastSeenOn: '2025-12-22',
      });
      expect(
        (await listActors(sql, { sort: 'name', limit: 500, affiliation: 'ukraine' })).items.map(
          (actor) => actor.id,
        ),
      ).toEqual(['andrii-hnatov', 'rustem-umerov', 'volodymyr-zelensky']);
      expect(await getActor(sql, 'nobody')).toBeNull();
      expect(await getTopic(sql, 'nothing')).toBeNull();
      expect(await queryActorPositions(sql, 'nobody', { historyLimit: 100 })).toBeNull();
    }
  });

  it('pages through listActors and listTopics with limit 2, everyone once, in every sort', async () => {
    await expectPaginationVisitsEveryoneOnce(chronological);
    await expectPaginationVisitsEveryoneOnce(shuffled);
  });

  it('changes nothing when an applied batch is delivered again', async () => {
    const log = logOf(CHRONOLOGICAL);
    const answersBefore = await answers(chronological);
    const rowsBefore = await positionsRows(chronological);

    // Redelivered through applyBatch: the checkpoint says it was applied.
    await applyBatch(chronological, PROJECTIONS, log.slice(3, 7));
    await applyBatch(chronological, PROJECTIONS, log);

    // Handed to the projections again below the checkpoint (a lost checkpoint, an overlap):
    // the rows themselves must not count a development twice.
    await chronological.transaction((manager) =>
      inSequence(manager, async (sql) => {
        sql.send(`SET LOCAL search_path TO ${READ_MODEL_SCHEMA}`);
        for (const projection of PROJECTIONS) await projection.handle(log.slice(0, 6), sql);
        for (const projection of PROJECTIONS) await projection.handle(log, sql);
      }),
    );

    expect(await positionsRows(chronological)).toEqual(rowsBefore);
    expectSameAnswers(await answers(chronological), answersBefore);
    const checkpoints = await readCheckpoints(chronological, ['timeline', 'positions']);
    expect(Object.fromEntries(checkpoints)).toEqual({ timeline: 12, positions: 12 });
  });
});

describe('positions projection on a real PostgreSQL database: versions inside a run of recordings', () => {
  const database = useTestDatabase();
  const rm = READ_MODEL_SCHEMA;

  /** Each actor's or topic's versions and current row, with what they should hold. */
  async function versionsOf(table: 'actors' | 'topics', key: string, rows: string) {
    return database.dataSource.query<
      Array<{ key: string; from: number; to: number | null; held: number; made: number }>
    >(
      `SELECT v.${key} AS key, v.valid_from::int AS from, v.valid_to::int AS to,
              v.developments AS held,
              (SELECT count(*)::int FROM ${rm}.${rows} r
                WHERE r.${table === 'actors' ? 'canonical_actor_id' : 'topic'} = v.${key}
                  AND r.valid_from <= v.valid_from) AS made
         FROM (SELECT ${key}, developments, valid_from, valid_to FROM ${rm}.${table}_history
               UNION ALL
               SELECT ${key}, developments, valid_from, NULL FROM ${rm}.${table}) v
        ORDER BY v.${key}, v.valid_from`,
    );
  }

  it('keeps a version at every multiple of the span inside a round, holding every row made up to it, with no gap or overlap', async () => {
    // Four recordings one at a time, then eight in one round (sequences 5 to 12): versions
    // dated 8 inside it, for the actors and topics those recordings name by then.
    const projections = [timelineProjection, createPositionsProjection({ versionSpan: 4 })];
    const log = logOf(CHRONOLOGICAL);
    for (const batch of [log.slice(0, 1), log.slice(1, 4), log.slice(4)]) {
      await applyBatch(database.dataSource, projections, batch);
    }
    for (const [table, key, rows] of [
      ['actors', 'id', 'development_actors'],
      ['topics', 'topic', 'development_topics'],
    ] as const) {
      const versions = await versionsOf(table, key, rows);
      expect(versions.filter((version) => version.from === 8).length).toBeGreaterThan(0);
      for (const [i, version] of versions.entries()) {
        expect({ [key]: version.key, from: version.from, held: version.held }).toEqual({
          [key]: version.key,
          from: version.from,
          held: version.made,
        });
        const next = versions[i + 1];
        const to = next?.key === version.key ? next.from : null;
        expect({ [key]: version.key, from: version.from, to: version.to }).toEqual({
          [key]: version.key,
          from: version.from,
          to,
        });
      }
    }
  });
});

describe('positions projection on a real PostgreSQL database: how actors are named', () => {
  const database = useTestDatabase();

  let sequence = 0;
  const record = (input: DevelopmentInput) =>
    applyBatch(database.transactions, PROJECTIONS, [recordedAt(++sequence, input)]);

  it('counts one actor whether a statement names it by name or by id (name first)', async () => {
    await record({
      occurredOn: '2025-12-10',
      title: 'Sybiha on the peace plan',
      actors: [{ name: 'Andrii Sybiha', affiliation: 'ukraine' }],
      statements: [{ actor: 'Andrii Sybiha', topic: 'peace-plan', stance: 'support' }],
    });
    await record({
      occurredOn: '2025-12-12',
      title: 'Sybiha by id',
      statements: [{ actor: 'andrii-sybiha', topic: 'peace-plan', stance: 'oppose' }],
    });
    await record({
      occurredOn: '2025-12-14',
      title: 'Sybiha by name, only in a statement',
      statements: [{ actor: 'Andrii Sybiha', topic: 'ceasefire', stance: 'conditional' }],
    });

    expect(await getActor(database.dataSource, 'andrii-sybiha')).toEqual({
      aliases: [],
      id: 'andrii-sybiha',
      name: 'Andrii Sybiha',
      affiliation: 'ukraine',
      developments: 3,
      statements: 3,
      firstSeenOn: '2025-12-10',
      lastSeenOn: '2025-12-14',
    });
    const actors = (await listActors(database.dataSource, { sort: 'name', limit: 500 })).items;
    expect(actors.map((actor) => actor.id)).toEqual(['andrii-sybiha']);
    const positions = await queryActorPositions(database.dataSource, 'andrii-sybiha', {
      historyLimit: 100,
    });
    expect(positions?.positions.map((p) => [p.topic, p.stance, p.since, p.history.length])).toEqual(
      [
        ['ceasefire', 'conditional', '2025-12-14', 1],
        ['peace-plan', 'oppose', '2025-12-12', 2],
      ],
    );
    expect(await queryTopicPositions(database.dataSource, 'peace-plan', {})).toMatchObject([
      { actor: { id: 'andrii-sybiha', name: 'Andrii Sybiha' }, stance: 'oppose' },
    ]);
  });

  it('counts one actor whether a statement names it by name or by id (id first)', async () => {
    // The bare id is recorded first and is about a later date; the given name still wins.
    await record({
      occurredOn: '2025-12-20',
      title: 'Kallas by id',
      statements: [{ actor: 'kaja-kallas', topic: 'peace-plan', stance: 'support' }],
    });
    await record({
      occurredOn: '2025-12-05',
      title: 'Kallas by name',
      actors: [{ name: 'Kaja Kallas', affiliation: 'eu' }],
      statements: [{ actor: 'Kaja Kallas', topic: 'peace-plan', stance: 'oppose' }],
    });

    expect(await getActor(database.dataSource, 'kaja-kallas')).toEqual({
      aliases: [],
      id: 'kaja-kallas',
      name: 'Kaja Kallas',
      affiliation: 'eu',
      developments: 2,
      statements: 2,
      firstSeenOn: '2025-12-05',
      lastSeenOn: '2025-12-20',
    });
    const positions = await queryActorPositions(database.dataSource, 'kaja-kallas', {
      historyLimit: 100,
    });
    expect(positions?.positions).toMatchObject([
      { topic: 'peace-plan', stance: 'support', since: '2025-12-20' },
    ]);
    expect(
      (await listActors(database.dataSource, { sort: 'name', limit: 500 })).items.map((a) => a.id),
    ).toEqual(['andrii-sybiha', 'kaja-kallas']);
  });

  it('counts one actor when a development names it by name and lists it with another id', async () => {
    await record({
      occurredOn: '2025-12-06',
      title: 'The United States, named by name',
      actors: [{ id: 'usa', name: 'United States' }],
      statements: [{ actor: 'United States', topic: 'peace-plan', stance: 'conditional' }],
    });
    await record({
      occurredOn: '2025-12-19',
      title: 'The United States, named by id',
      statements: [{ actor: 'usa', topic: 'trilateral-talks', stance: 'support' }],
    });
    expect(await getActor(database.dataSource, 'usa')).toEqual({
      aliases: [],
      id: 'usa',
      name: 'United States',
      affiliation: null,
      developments: 2,
      statements: 2,
      firstSeenOn: '2025-12-06',
      lastSeenOn: '2025-12-19',
    });
    expect(await getActor(database.dataSource, 'united-states')).toBeNull();
    const positions = await queryActorPositions(database.dataSource, 'usa', { historyLimit: 100 });
    expect(positions?.positions.map((p) => [p.topic, p.stance])).toEqual([
      ['peace-plan', 'conditional'],
      ['trilateral-talks', 'support'],
    ]);
  });

  it('names an actor from its latest-dated development, whatever the order of recording', async () => {
    await record({
      occurredOn: '2025-12-20',
      title: 'newer name recorded first',
      actors: [{ id: 'eu-hr', name: 'High Representative', affiliation: 'eu' }],
    });
    await record({
      occurredOn: '2025-12-01',
      title: 'older name recorded later',
      actors: [{ id: 'eu-hr', name: 'EU High Representative', affiliation: 'european-union' }],
    });
    expect(await getActor(database.dataSource, 'eu-hr')).toMatchObject({
      name: 'High Representative',
      affiliation: 'eu',
      developments: 2,
      firstSeenOn: '2025-12-01',
      lastSeenOn: '2025-12-20',
    });
  });

  it('gives an actor with a Cyrillic name a non-empty id and positions', async () => {
    await record({
      occurredOn: '2025-12-21',
      title: 'Зеленський про мирний план',
      actors: [{ name: 'Зеленський', affiliation: 'ukraine' }],
      statements: [
        {
          actor: 'Зеленський',
          topic: 'peace-plan',
          stance: 'support',
          quote: 'Мир має бути справедливим',
        },
      ],
    });
    await record({
      occurredOn: '2025-12-22',
      title: 'Зеленський про перемир’я',
      statements: [{ actor: 'Зеленський', topic: 'ceasefire', stance: 'oppose' }],
    });

    const id = actorIdOf('Зеленський');
    expect(id).toBe('зеленський');
    expect(await getActor(database.dataSource, id)).toEqual({
      aliases: [],
      id,
      name: 'Зеленський',
      affiliation: 'ukraine',
      developments: 2,
      statements: 2,
      firstSeenOn: '2025-12-21',
      lastSeenOn: '2025-12-22',
    });
    const positions = await queryActorPositions(database.dataSource, id, { historyLimit: 100 });
    expect(positions?.actor.name).toBe('Зеленський');
    expect(positions?.positions).toMatchObject([
      { topic: 'ceasefire', stance: 'oppose', since: '2025-12-22', quote: null },
      {
        topic: 'peace-plan',
        stance: 'support',
        since: '2025-12-21',
        quote: 'Мир має бути справедливим',
      },
    ]);
    expect(await queryTopicPositions(database.dataSource, 'peace-plan', {})).toContainEqual(
      expect.objectContaining({ actor: { id, name: 'Зеленський' }, stance: 'support' }),
    );
    for (const sort of ACTOR_SORTS) {
      const ids = (await listActors(database.dataSource, { sort, limit: 500 })).items.map(
        (a) => a.id,
      );
      expect(ids.filter((each) => each === id)).toHaveLength(1);
      expect(ids.every((each) => each.length > 0)).toBe(true);
    }
  });

  it('pages through actors with ties and non-Latin names, everyone once, in every sort', async () => {
    for (const [index, name] of ['Ana', 'Bo', 'Émile', 'Ярослав', 'Zed', 'Ana Maria'].entries()) {
      await record({
        occurredOn: `2025-12-${String(10 + (index % 2)).padStart(2, '0')}`,
        title: `appearance of ${name}`,
        actors: [{ name }],
      });
    }
    const everyone = (await listActors(database.dataSource, { sort: 'name', limit: 500 })).items;
    expect(everyone.length).toBeGreaterThanOrEqual(9);
    await expectPaginationVisitsEveryoneOnce(database.dataSource);
  });
});
