import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { READ_MODEL_SCHEMA } from '../database/read-model-schema';

/**
 * The merges in force: one row per merged actor, from its latest ActorMerged not undone by
 * an ActorUnmerged. `canonical_id` is where the chain of merges ends (the actor itself when
 * the merge is set aside because it would close a cycle); queries resolve ids through it.
 */
@Entity({ schema: READ_MODEL_SCHEMA, name: 'actor_merges' })
@Index('actor_merges_canonical_idx', ['canonicalId'])
export class ActorMergeEntity {
  @PrimaryColumn({ name: 'actor_id', type: 'text' })
  actorId!: string;

  @Column({ name: 'into_id', type: 'text' })
  intoId!: string;

  @Column({ name: 'canonical_id', type: 'text' })
  canonicalId!: string;

  /** Sequence of the ActorMerged event. */
  @Column({ type: 'bigint' })
  sequence!: string;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  /** The log sequence from which this version of the row holds (known-at answers). */
  @Column({ name: 'valid_from', type: 'bigint' })
  validFrom!: string;
}
