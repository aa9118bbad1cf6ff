import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Known-at answers: every row of the versioned tables says from which log sequence it holds
 * (`valid_from`), and when a later event replaces or removes it, the old version moves to the
 * table's `_history` twin with the sequence that superseded it (`valid_to`). The current
 * tables keep their shape and indexes, so queries of the present read them as before.
 * A read model filled before this migration has no history of what it applied: each
 * checkpoint's `history_from` says from where its history is complete (a rebuild makes it 0).
 */
const TEXT = "coalesce(document->>'title', '') || ' ' || coalesce(document->>'body', '')";
/** The developments' search vector (migration 1795850000000), for text search in the past. */
const SEARCH =
  `to_tsvector('russian', CASE WHEN octet_length(${TEXT}) = length(${TEXT}) ` +
  `OR (${TEXT}) IS NFC NORMALIZED THEN ${TEXT} ELSE normalize(${TEXT}, NFC) END)`;

const STATEMENT_INDEXES = [
  ['statements_actor_topic_idx', '"canonical_actor_id", "topic"'],
  ['statements_topic_actor_idx', '"topic", "canonical_actor_id"'],
];

/** Tables whose rows say from which sequence they hold, with a `_history` twin. */
const VERSIONED = [
  'statements',
  'development_actors',
  'development_topics',
  'actor_merges',
  'actors',
  'topics',
];

export class KnownAt1795890000000 implements MigrationInterface {
  name = 'KnownAt1795890000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const run = (sql: string) => queryRunner.query(sql);
    await run(
      `ALTER TABLE "read_model"."projection_checkpoints" ADD "history_from" bigint NOT NULL DEFAULT 0`,
    );
    await run(`UPDATE "read_model"."projection_checkpoints" SET "history_from" = "position"`);
    await run(
      `ALTER TABLE "read_model"."projection_checkpoints" ALTER "history_from" DROP DEFAULT`,
    );

    for (const table of VERSIONED) {
      await run(`ALTER TABLE "read_model"."${table}" ADD "valid_from" bigint NOT NULL DEFAULT 0`);
      await run(`ALTER TABLE "read_model"."${table}" ALTER "valid_from" DROP DEFAULT`);
      await run(
        `CREATE TABLE "read_model"."${table}_history" (LIKE "read_model"."${table}" INCLUDING DEFAULTS)`,
      );
      await run(`ALTER TABLE "read_model"."${table}_history" ADD "valid_to" bigint NOT NULL`);
    }
    await run(
      `ALTER TABLE "read_model"."actor_search_terms" ADD "sequence" bigint NOT NULL DEFAULT 0`,
    );
    await run(`ALTER TABLE "read_model"."actor_search_terms" ALTER "sequence" DROP DEFAULT`);
    await run(`ALTER TABLE "read_model"."actor_events" ADD "recorded_at" timestamptz`);
    await run(`ALTER TABLE "read_model"."actor_events" ADD "recorded_by" text`);

    await run(
      `CREATE TABLE "read_model"."developments_history" (
         "development_id" uuid NOT NULL, "sequence" bigint NOT NULL, "last_sequence" bigint NOT NULL,
         "valid_to" bigint NOT NULL, "revision" integer NOT NULL, "occurred_on" date NOT NULL,
         "occurred_end" date NOT NULL, "recorded_at" timestamptz NOT NULL, "topics" text array NOT NULL,
         "actor_ids" text array NOT NULL, "document" jsonb NOT NULL, "retracted" jsonb,
         "document_json" text GENERATED ALWAYS AS (json_strip_nulls(document::json)::text) STORED,
         "search" tsvector GENERATED ALWAYS AS (${SEARCH}) STORED,
         CONSTRAINT "PK_developments_history" PRIMARY KEY ("development_id", "last_sequence"))`,
    );
    // An actor's or a topic's rows by the sequence they hold from: what a run of recordings
    // added after the version of the actor or topic that holds at a sequence.
    await run(`DROP INDEX "read_model"."development_actors_canonical_idx"`);
    await run(`DROP INDEX "read_model"."development_topics_topic_idx"`);
    const indexes = [
      `"development_actors_canonical_idx" ON "read_model"."development_actors" ("canonical_actor_id", "valid_from")`,
      `"development_topics_topic_idx" ON "read_model"."development_topics" ("topic", "valid_from")`,
      `"actors_history_actor_idx" ON "read_model"."actors_history" ("id", "valid_from")`,
      `"actors_history_valid_to_idx" ON "read_model"."actors_history" ("valid_to")`,
      `"topics_history_topic_idx" ON "read_model"."topics_history" ("topic", "valid_from")`,
      `"development_actors_history_development_idx" ON "read_model"."development_actors_history" ("development_id", "valid_to")`,
      `"development_topics_history_development_idx" ON "read_model"."development_topics_history" ("development_id", "valid_to")`,
      `"developments_history_timeline_idx" ON "read_model"."developments_history" ("occurred_on", "sequence")`,
      `"development_events_recorded_idx" ON "read_model"."development_events" ("recorded_at", "sequence")`,
      `"statements_history_actor_topic_idx" ON "read_model"."statements_history" ("canonical_actor_id", "topic", "occurred_on", "sequence", "statement_index") INCLUDE ("stance", "valid_from", "valid_to")`,
      `"statements_history_topic_actor_idx" ON "read_model"."statements_history" ("topic", "canonical_actor_id", "occurred_on", "sequence", "statement_index") INCLUDE ("stance", "valid_from", "valid_to")`,
      `"developments_history_topics_idx" ON "read_model"."developments_history" USING gin ("topics")`,
      `"developments_history_actor_ids_idx" ON "read_model"."developments_history" USING gin ("actor_ids")`,
      `"developments_history_search_idx" ON "read_model"."developments_history" USING gin ("search")`,
      `"developments_history_ongoing_idx" ON "read_model"."developments_history" USING gist (daterange("occurred_on", "occurred_end", '[]')) WHERE "occurred_end" > "occurred_on"`,
      `"topics_history_valid_to_idx" ON "read_model"."topics_history" ("valid_to")`,
      `"statements_history_development_idx" ON "read_model"."statements_history" ("development_id", "valid_to")`,
      `"statements_history_valid_to_idx" ON "read_model"."statements_history" ("valid_to")`,
      `"development_actors_history_canonical_idx" ON "read_model"."development_actors_history" ("canonical_actor_id", "valid_from")`,
      `"development_actors_history_actor_idx" ON "read_model"."development_actors_history" ("actor_id")`,
      `"development_topics_history_topic_idx" ON "read_model"."development_topics_history" ("topic", "valid_from")`,
      `"actor_merges_history_actor_idx" ON "read_model"."actor_merges_history" ("actor_id", "valid_from")`,
    ];
    for (const index of indexes) await run(`CREATE INDEX ${index}`);
    // The walks through an actor's statements at a sequence read the validity from the index.
    for (const [name, leading] of STATEMENT_INDEXES) {
      await run(`DROP INDEX "read_model"."${name}"`);
      await run(
        `CREATE INDEX "${name}" ON "read_model"."statements" (${leading}, "occurred_on", "sequence", "statement_index") INCLUDE ("stance", "valid_from")`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    const run = (sql: string) => queryRunner.query(sql);
    for (const [name, leading] of STATEMENT_INDEXES) {
      await run(`DROP INDEX "read_model"."${name}"`);
      await run(
        `CREATE INDEX "${name}" ON "read_model"."statements" (${leading}, "occurred_on", "sequence", "statement_index") INCLUDE ("stance")`,
      );
    }
    await run(`DROP INDEX "read_model"."development_events_recorded_idx"`);
    await run(`DROP INDEX "read_model"."development_actors_canonical_idx"`);
    await run(`DROP INDEX "read_model"."development_topics_topic_idx"`);
    await run(`DROP TABLE "read_model"."developments_history"`);
    for (const table of VERSIONED) {
      await run(`DROP TABLE "read_model"."${table}_history"`);
      await run(`ALTER TABLE "read_model"."${table}" DROP COLUMN "valid_from"`);
    }
    await run(
      `CREATE INDEX "development_actors_canonical_idx" ON "read_model"."development_actors" ("canonical_actor_id")`,
    );
    await run(
      `CREATE INDEX "development_topics_topic_idx" ON "read_model"."development_topics" ("topic", "occurred_on")`,
    );
    await run(`ALTER TABLE "read_model"."actor_search_terms" DROP COLUMN "sequence"`);
    await run(`ALTER TABLE "read_model"."actor_events" DROP COLUMN "recorded_at"`);
    await run(`ALTER TABLE "read_model"."actor_events" DROP COLUMN "recorded_by"`);
    await run(`ALTER TABLE "read_model"."projection_checkpoints" DROP COLUMN "history_from"`);
  }
}
