import { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialReadModel1795738091517 implements MigrationInterface {
  name = 'InitialReadModel1795738091517';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SCHEMA IF NOT EXISTS "read_model"`);
    await queryRunner.query(
      `CREATE TABLE "read_model"."projection_checkpoints" ("name" text NOT NULL, "position" bigint NOT NULL, CONSTRAINT "PK_0f69cb98ee85030b5da44336510" PRIMARY KEY ("name"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "read_model"."development_events" ("sequence" bigint NOT NULL, "development_id" uuid NOT NULL, "type" text NOT NULL, "event_id" uuid NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_051b78145a29589f09db11e85a3" PRIMARY KEY ("sequence"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "development_events_development_idx" ON "read_model"."development_events"  ("development_id", "sequence") `,
    );
    await queryRunner.query(
      `CREATE TABLE "read_model"."developments" ("development_id" uuid NOT NULL, "sequence" bigint NOT NULL, "last_sequence" bigint NOT NULL, "revision" integer NOT NULL, "occurred_on" date NOT NULL, "occurred_end" date NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL, "topics" text array NOT NULL, "actor_ids" text array NOT NULL, "document" jsonb NOT NULL, CONSTRAINT "UQ_998140b932230bb1e4fab8490f4" UNIQUE ("sequence"), CONSTRAINT "PK_711af97dbe7764620da0e4a45f3" PRIMARY KEY ("development_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "developments_actor_ids_idx" ON "read_model"."developments" USING gin ("actor_ids")`,
    );
    await queryRunner.query(
      `CREATE INDEX "developments_topics_idx" ON "read_model"."developments" USING gin ("topics")`,
    );
    await queryRunner.query(
      `CREATE INDEX "developments_timeline_idx" ON "read_model"."developments"  ("occurred_on", "sequence") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "read_model"."developments_timeline_idx"`);
    await queryRunner.query(`DROP INDEX "read_model"."developments_topics_idx"`);
    await queryRunner.query(`DROP INDEX "read_model"."developments_actor_ids_idx"`);
    await queryRunner.query(`DROP TABLE "read_model"."developments"`);
    await queryRunner.query(`DROP INDEX "read_model"."development_events_development_idx"`);
    await queryRunner.query(`DROP TABLE "read_model"."development_events"`);
    await queryRunner.query(`DROP TABLE "read_model"."projection_checkpoints"`);
    await queryRunner.query(`DROP SCHEMA "read_model"`);
  }
}
