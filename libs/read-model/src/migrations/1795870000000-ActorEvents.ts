import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Merges and unmerges by log sequence, so that every projector can stream them from the
 * database. Earlier merges are not in the table until the next rebuild; they were only
 * ever sent live.
 */
export class ActorEvents1795870000000 implements MigrationInterface {
  name = 'ActorEvents1795870000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "read_model"."actor_events" ("sequence" bigint NOT NULL, "type" text NOT NULL, "actor_id" text NOT NULL, "other_actor_id" text NOT NULL, CONSTRAINT "PK_actor_events_sequence" PRIMARY KEY ("sequence"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "read_model"."actor_events"`);
  }
}
