import { MigrationInterface, QueryRunner } from 'typeorm';

export class Retractions1795800000000 implements MigrationInterface {
  name = 'Retractions1795800000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "read_model"."developments" ADD "retracted" jsonb`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "read_model"."developments" DROP COLUMN "retracted"`);
  }
}
