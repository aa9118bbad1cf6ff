import { MigrationInterface, QueryRunner } from 'typeorm';

const DOCUMENT_JSON = 'json_strip_nulls(document::json)::text';

/**
 * Each development's document also as compact JSON text, kept by PostgreSQL, so that a
 * timeline page is put together from text instead of parsing and printing every document.
 */
export class DocumentJson1795840000000 implements MigrationInterface {
  name = 'DocumentJson1795840000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "read_model"."developments" ADD "document_json" text GENERATED ALWAYS AS (${DOCUMENT_JSON}) STORED NOT NULL`,
    );
    await queryRunner.query(
      `INSERT INTO "typeorm_metadata"("database", "schema", "table", "type", "name", "value") VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        await queryRunner.getCurrentDatabase(),
        'read_model',
        'developments',
        'GENERATED_COLUMN',
        'document_json',
        DOCUMENT_JSON,
      ],
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DELETE FROM "typeorm_metadata" WHERE "type" = $1 AND "name" = $2 AND "database" = $3 AND "schema" = $4 AND "table" = $5`,
      [
        'GENERATED_COLUMN',
        'document_json',
        await queryRunner.getCurrentDatabase(),
        'read_model',
        'developments',
      ],
    );
    await queryRunner.query(`ALTER TABLE "read_model"."developments" DROP COLUMN "document_json"`);
  }
}
