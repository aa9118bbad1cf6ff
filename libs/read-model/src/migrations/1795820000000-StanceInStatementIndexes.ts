import { MigrationInterface, QueryRunner } from 'typeorm';

const INDEXES = [
  ['statements_actor_topic_idx', '"actor_id", "topic"'],
  ['statements_topic_actor_idx', '"topic", "actor_id"'],
] as const;

/**
 * The statement indexes carry each statement's stance, so that finding where a run of one
 * stance began (the latest earlier statement with another stance) reads the index alone
 * instead of fetching every statement of the run from the table.
 */
export class StanceInStatementIndexes1795820000000 implements MigrationInterface {
  name = 'StanceInStatementIndexes1795820000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const [name, leading] of INDEXES) {
      await queryRunner.query(`DROP INDEX "read_model"."${name}"`);
      await queryRunner.query(
        `CREATE INDEX "${name}" ON "read_model"."statements" (${leading}, "occurred_on", "sequence", "statement_index") INCLUDE ("stance")`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [name, leading] of INDEXES) {
      await queryRunner.query(`DROP INDEX "read_model"."${name}"`);
      await queryRunner.query(
        `CREATE INDEX "${name}" ON "read_model"."statements" (${leading}, "occurred_on", "sequence", "statement_index")`,
      );
    }
  }
}
