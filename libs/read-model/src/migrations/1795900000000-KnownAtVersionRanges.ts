import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Known-at lists of actors and topics, set-based. The versions of actor and topic rows that
 * held at a sequence are found by their validity range in one index search, one version per
 * actor or topic however long its history; the rows a run of recordings added after them, by
 * the sequence that made them (rows are written in log order, so these indexes only append).
 */
const INDEXES = [
  [
    'actors_history_validity_idx',
    'actors_history',
    'USING gist (int8range("valid_from", "valid_to"))',
  ],
  [
    'topics_history_validity_idx',
    'topics_history',
    'USING gist (int8range("valid_from", "valid_to"))',
  ],
  ['development_actors_valid_from_idx', 'development_actors', '("valid_from")'],
  ['development_actors_history_valid_from_idx', 'development_actors_history', '("valid_from")'],
  ['development_topics_valid_from_idx', 'development_topics', '("valid_from")'],
  ['development_topics_history_valid_from_idx', 'development_topics_history', '("valid_from")'],
  ['statements_valid_from_idx', 'statements', '("valid_from")'],
  ['statements_history_valid_from_idx', 'statements_history', '("valid_from")'],
];

export class KnownAtVersionRanges1795900000000 implements MigrationInterface {
  name = 'KnownAtVersionRanges1795900000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const [name, table, definition] of INDEXES) {
      await queryRunner.query(`CREATE INDEX "${name}" ON "read_model"."${table}" ${definition}`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [name] of INDEXES) await queryRunner.query(`DROP INDEX "read_model"."${name}"`);
  }
}
