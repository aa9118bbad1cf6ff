import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Developments whose window spans a given day, among those of more than one day: a timeline
 * page from a date reads the ones that started before it from here, and takes the rest as
 * a range of the timeline index, instead of filtering every earlier development.
 */
export class OngoingDevelopmentsIndex1795830000000 implements MigrationInterface {
  name = 'OngoingDevelopmentsIndex1795830000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "developments_ongoing_idx" ON "read_model"."developments" USING gist (daterange("occurred_on", "occurred_end", '[]')) WHERE "occurred_end" > "occurred_on"`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "read_model"."developments_ongoing_idx"`);
  }
}
