import { MigrationInterface, QueryRunner } from 'typeorm';
import { actorSearchTermRows } from '../identities/add-actor-search-terms';

const BATCH = 1000;

/**
 * Prefix search of actors (`GET /v1/actors?prefix=`): the search terms of every actor id and
 * name, in the "C" collation so that the primary key's index serves `LIKE 'prefix%'`; filled
 * from the names a read model made before this migration holds.
 */
export class ActorSearchTerms1795884000000 implements MigrationInterface {
  name = 'ActorSearchTerms1795884000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "read_model"."actor_search_terms" ("term" text COLLATE "C" NOT NULL, "actor_id" text NOT NULL, CONSTRAINT "PK_actor_search_terms" PRIMARY KEY ("term", "actor_id"))`,
    );
    const named = (await queryRunner.query(
      `SELECT DISTINCT actor_id AS "actorId", name FROM "read_model"."development_actors"`,
    )) as Array<{ actorId: string; name: string }>;
    for (let start = 0; start < named.length; start += BATCH) {
      await queryRunner.query(
        `INSERT INTO "read_model"."actor_search_terms" (term, actor_id)
         SELECT r.term, r."actorId" FROM jsonb_to_recordset($1::jsonb) AS r(term text, "actorId" text)
         ON CONFLICT DO NOTHING`,
        [JSON.stringify(actorSearchTermRows(named.slice(start, start + BATCH)))],
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "read_model"."actor_search_terms"`);
  }
}
