import { Column, Entity, PrimaryColumn } from 'typeorm';
import { READ_MODEL_SCHEMA } from '../database/read-model-schema';

/**
 * What each actor id is found by in `GET /v1/actors?prefix=`: the search terms (searchTerms)
 * of its id and of every name a development gave it, one row per term and id. A merged id's
 * rows find the actor it was merged into. In the "C" collation, so that the primary key's
 * index serves `term LIKE 'prefix%'`. Terms are a pure function of what was recorded, so rows
 * are only ever added.
 */
@Entity({ schema: READ_MODEL_SCHEMA, name: 'actor_search_terms' })
export class ActorSearchTermEntity {
  @PrimaryColumn({
    type: 'text',
    collation: 'C',
    primaryKeyConstraintName: 'PK_actor_search_terms',
  })
  term!: string;

  @PrimaryColumn({
    name: 'actor_id',
    type: 'text',
    primaryKeyConstraintName: 'PK_actor_search_terms',
  })
  actorId!: string;

  /** The first log sequence that named the actor so (known-at answers). */
  @Column({ type: 'bigint' })
  sequence!: string;
}
