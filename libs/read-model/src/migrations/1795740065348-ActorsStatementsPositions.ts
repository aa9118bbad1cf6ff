import { MigrationInterface, QueryRunner } from 'typeorm';

export class ActorsStatementsPositions1795740065348 implements MigrationInterface {
  name = 'ActorsStatementsPositions1795740065348';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "read_model"."actors" ("id" text NOT NULL, "name" text NOT NULL, "name_given" boolean NOT NULL, "named_on" date NOT NULL, "named_sequence" bigint NOT NULL, "affiliation" text, "affiliated_on" date, "affiliated_sequence" bigint, "developments" integer NOT NULL, "statements" integer NOT NULL, "first_seen_on" date NOT NULL, "last_seen_on" date NOT NULL, CONSTRAINT "PK_d8608598c2c4f907a78de2ae461" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "actors_recent_idx" ON "read_model"."actors"  ("last_seen_on", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "actors_activity_idx" ON "read_model"."actors"  ("developments", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "actors_name_idx" ON "read_model"."actors"  ("name", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "read_model"."development_actors" ("development_id" uuid NOT NULL, "actor_id" text NOT NULL, "name" text NOT NULL, "affiliation" text, "occurred_on" date NOT NULL, "sequence" bigint NOT NULL, CONSTRAINT "PK_e03fbd2df86991e4e081bf79681" PRIMARY KEY ("development_id", "actor_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "development_actors_actor_idx" ON "read_model"."development_actors"  ("actor_id", "occurred_on") `,
    );
    await queryRunner.query(
      `CREATE TABLE "read_model"."statements" ("development_id" uuid NOT NULL, "statement_index" integer NOT NULL, "actor_id" text NOT NULL, "topic" text NOT NULL, "stance" text NOT NULL, "quote" text, "summary" text, "occurred_on" date NOT NULL, "sequence" bigint NOT NULL, CONSTRAINT "PK_9e8ededdbc48a84c76075e9f4e4" PRIMARY KEY ("development_id", "statement_index"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "statements_topic_actor_idx" ON "read_model"."statements"  ("topic", "actor_id", "occurred_on", "sequence", "statement_index") `,
    );
    await queryRunner.query(
      `CREATE INDEX "statements_actor_topic_idx" ON "read_model"."statements"  ("actor_id", "topic", "occurred_on", "sequence", "statement_index") `,
    );
    await queryRunner.query(
      `CREATE TABLE "read_model"."development_topics" ("development_id" uuid NOT NULL, "topic" text NOT NULL, "occurred_on" date NOT NULL, "occurred_end" date NOT NULL, CONSTRAINT "PK_c60a7eafbe8c13bb1a09306a19f" PRIMARY KEY ("development_id", "topic"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "development_topics_topic_idx" ON "read_model"."development_topics"  ("topic", "occurred_on") `,
    );
    await queryRunner.query(
      `CREATE TABLE "read_model"."topics" ("topic" text NOT NULL, "developments" integer NOT NULL, "statements" integer NOT NULL, "first_seen_on" date NOT NULL, "last_seen_on" date NOT NULL, CONSTRAINT "PK_d7041b8e299f863e20247165869" PRIMARY KEY ("topic"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "topics_activity_idx" ON "read_model"."topics"  ("developments", "topic") `,
    );
    await queryRunner.query(
      `ALTER TABLE "read_model"."developments" ADD "search" tsvector GENERATED ALWAYS AS (to_tsvector('english', coalesce(document->>'title', '') || ' ' || coalesce(document->>'body', '')) || to_tsvector('russian', coalesce(document->>'title', '') || ' ' || coalesce(document->>'body', ''))) STORED NOT NULL`,
    );
    await queryRunner.query(
      `INSERT INTO "typeorm_metadata"("database", "schema", "table", "type", "name", "value") VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        await queryRunner.getCurrentDatabase(),
        'read_model',
        'developments',
        'GENERATED_COLUMN',
        'search',
        "to_tsvector('english', coalesce(document->>'title', '') || ' ' || coalesce(document->>'body', '')) || to_tsvector('russian', coalesce(document->>'title', '') || ' ' || coalesce(document->>'body', ''))",
      ],
    );
    await queryRunner.query(
      `CREATE INDEX "developments_search_idx" ON "read_model"."developments" USING gin ("search")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "read_model"."developments_search_idx"`);
    await queryRunner.query(
      `DELETE FROM "typeorm_metadata" WHERE "type" = $1 AND "name" = $2 AND "database" = $3 AND "schema" = $4 AND "table" = $5`,
      [
        'GENERATED_COLUMN',
        'search',
        await queryRunner.getCurrentDatabase(),
        'read_model',
        'developments',
      ],
    );
    await queryRunner.query(`ALTER TABLE "read_model"."developments" DROP COLUMN "search"`);
    await queryRunner.query(`DROP INDEX "read_model"."topics_activity_idx"`);
    await queryRunner.query(`DROP TABLE "read_model"."topics"`);
    await queryRunner.query(`DROP INDEX "read_model"."development_topics_topic_idx"`);
    await queryRunner.query(`DROP TABLE "read_model"."development_topics"`);
    await queryRunner.query(`DROP INDEX "read_model"."statements_actor_topic_idx"`);
    await queryRunner.query(`DROP INDEX "read_model"."statements_topic_actor_idx"`);
    await queryRunner.query(`DROP TABLE "read_model"."statements"`);
    await queryRunner.query(`DROP INDEX "read_model"."development_actors_actor_idx"`);
    await queryRunner.query(`DROP TABLE "read_model"."development_actors"`);
    await queryRunner.query(`DROP INDEX "read_model"."actors_name_idx"`);
    await queryRunner.query(`DROP INDEX "read_model"."actors_activity_idx"`);
    await queryRunner.query(`DROP INDEX "read_model"."actors_recent_idx"`);
    await queryRunner.query(`DROP TABLE "read_model"."actors"`);
  }
}
