import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who recorded each event of a development's history. Rows of events applied before are null,
 * as those events read (they were written before envelopes named anyone) until a rebuild.
 */
export class RecordedBy1795880000000 implements MigrationInterface {
  name = 'RecordedBy1795880000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "read_model"."development_events" ADD "recorded_by" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "read_model"."development_events" DROP COLUMN "recorded_by"`,
    );
  }
}
