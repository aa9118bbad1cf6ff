import { MigrationInterface, QueryRunner } from 'typeorm';
import { actorNameKeys, blockingKeys } from '@app/contracts';

const STATEMENT_INDEXES = [
  ['statements_actor_topic_idx', '"canonical_actor_id", "topic"', '"actor_id", "topic"'],
  ['statements_topic_actor_idx', '"topic", "canonical_actor_id"', '"topic", "actor_id"'],
] as const;

/**
 * Actor merges: the merges in force, the canonical actor of every statement and development
 * actor (positions pool by it), and the blocking keys of actor names for duplicate candidates.
 */
export class ActorMerges1795860000000 implements MigrationInterface {
  name = 'ActorMerges1795860000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "read_model"."actor_merges" ("actor_id" text NOT NULL, "into_id" text NOT NULL, "canonical_id" text NOT NULL, "sequence" bigint NOT NULL, "reason" text, CONSTRAINT "PK_22a67533e44b098867bba0f3ccb" PRIMARY KEY ("actor_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "actor_merges_canonical_idx" ON "read_model"."actor_merges" ("canonical_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "read_model"."actor_name_keys" ("key" text NOT NULL, "name" text NOT NULL, CONSTRAINT "PK_44e8a44d3daaaa77db049d89f88" PRIMARY KEY ("key", "name"))`,
    );
    await keyExistingNames(queryRunner);
    for (const table of ['statements', 'development_actors']) {
      await queryRunner.query(`ALTER TABLE "read_model"."${table}" ADD "canonical_actor_id" text`);
      await queryRunner.query(
        `UPDATE "read_model"."${table}" SET "canonical_actor_id" = "actor_id"`,
      );
      await queryRunner.query(
        `ALTER TABLE "read_model"."${table}" ALTER COLUMN "canonical_actor_id" SET NOT NULL`,
      );
    }
    await queryRunner.query(
      `CREATE INDEX "development_actors_canonical_idx" ON "read_model"."development_actors" ("canonical_actor_id") `,
    );
    for (const [name, leading] of STATEMENT_INDEXES) {
      await queryRunner.query(`DROP INDEX "read_model"."${name}"`);
      await queryRunner.query(
        `CREATE INDEX "${name}" ON "read_model"."statements" (${leading}, "occurred_on", "sequence", "statement_index") INCLUDE ("stance")`,
      );
    }
    await queryRunner.query(
      `ALTER TABLE "read_model"."actors" ADD "name_own" boolean NOT NULL DEFAULT true`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "read_model"."actors" DROP COLUMN "name_own"`);
    for (const [name, , previous] of STATEMENT_INDEXES) {
      await queryRunner.query(`DROP INDEX "read_model"."${name}"`);
      await queryRunner.query(
        `CREATE INDEX "${name}" ON "read_model"."statements" (${previous}, "occurred_on", "sequence", "statement_index") INCLUDE ("stance")`,
      );
    }
    await queryRunner.query(`DROP INDEX "read_model"."development_actors_canonical_idx"`);
    for (const table of ['statements', 'development_actors']) {
      await queryRunner.query(
        `ALTER TABLE "read_model"."${table}" DROP COLUMN "canonical_actor_id"`,
      );
    }
    await queryRunner.query(`DROP TABLE "read_model"."actor_name_keys"`);
    await queryRunner.query(`DROP TABLE "read_model"."actor_merges"`);
  }
}

/** The keys of the names a read model made before this migration holds. */
async function keyExistingNames(queryRunner: QueryRunner): Promise<void> {
  const rows = (await queryRunner.query(
    `SELECT DISTINCT name FROM "read_model"."development_actors"`,
  )) as Array<{ name: string }>;
  for (let start = 0; start < rows.length; start += 1000) {
    const keyed = rows
      .slice(start, start + 1000)
      .flatMap(({ name }) =>
        blockingKeys(actorNameKeys(name).tokens).map((key) => ({ key, name })),
      );
    await queryRunner.query(
      `INSERT INTO "read_model"."actor_name_keys" (key, name)
       SELECT r.key, r.name FROM jsonb_to_recordset($1::jsonb) AS r(key text, name text)
       ON CONFLICT DO NOTHING`,
      [JSON.stringify(keyed)],
    );
  }
}
