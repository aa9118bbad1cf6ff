import { MigrationInterface, QueryRunner } from 'typeorm';

const TEXT = "coalesce(document->>'title', '') || ' ' || coalesce(document->>'body', '')";
const AS_STORED = `to_tsvector('russian', ${TEXT})`;
const NORMALIZED =
  `to_tsvector('russian', CASE WHEN octet_length(${TEXT}) = length(${TEXT}) ` +
  `OR (${TEXT}) IS NFC NORMALIZED THEN ${TEXT} ELSE normalize(${TEXT}, NFC) END)`;

/**
 * Title and body are indexed in NFC, as queries are searched, so that a word sent
 * decomposed ("и" + U+0306) is found by the composed "й" and the other way round. The
 * document itself keeps the text as it was sent. Text that is ASCII or NFC already skips
 * normalize(), which costs about as much as the stemming.
 */
export class NormalizedSearch1795850000000 implements MigrationInterface {
  name = 'NormalizedSearch1795850000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await this.replaceSearch(queryRunner, AS_STORED, NORMALIZED);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await this.replaceSearch(queryRunner, NORMALIZED, AS_STORED);
  }

  private async replaceSearch(queryRunner: QueryRunner, from: string, to: string): Promise<void> {
    const database = await queryRunner.getCurrentDatabase();
    await queryRunner.query(`DROP INDEX "read_model"."developments_search_idx"`);
    await queryRunner.query(`ALTER TABLE "read_model"."developments" DROP COLUMN "search"`);
    await queryRunner.query(
      `ALTER TABLE "read_model"."developments" ADD "search" tsvector GENERATED ALWAYS AS (${to}) STORED NOT NULL`,
    );
    await queryRunner.query(
      `UPDATE "typeorm_metadata" SET "value" = $1
        WHERE "type" = 'GENERATED_COLUMN' AND "name" = 'search' AND "database" = $2
          AND "schema" = 'read_model' AND "table" = 'developments' AND "value" = $3`,
      [to, database, from],
    );
    await queryRunner.query(
      `CREATE INDEX "developments_search_idx" ON "read_model"."developments" USING gin ("search")`,
    );
  }
}
