import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { READ_MODEL_SCHEMA } from '../database/read-model-schema';

/**
 * Every statement of every development: positions are computed from these rows. Indexed by
 * (canonical_actor_id, topic, occurred_on, sequence, statement_index) and by
 * (topic, canonical_actor_id, ...), both INCLUDE (stance, valid_from), which TypeORM cannot declare
 * (migrations 1795820000000, 1795860000000 and 1795890000000).
 */
@Entity({ schema: READ_MODEL_SCHEMA, name: 'statements' })
@Index('statements_actor_topic_idx', { synchronize: false })
@Index('statements_topic_actor_idx', { synchronize: false })
@Index('statements_valid_from_idx', ['validFrom'])
export class StatementEntity {
  @PrimaryColumn({ name: 'development_id', type: 'uuid' })
  developmentId!: string;

  /** Position of the statement in its development's list. */
  @PrimaryColumn({ name: 'statement_index', type: 'integer' })
  statementIndex!: number;

  /** The actor as the development named it. */
  @Column({ name: 'actor_id', type: 'text' })
  actorId!: string;

  /** The actor it is, as merges stand now (actor_merges): positions pool statements by it. */
  @Column({ name: 'canonical_actor_id', type: 'text' })
  canonicalActorId!: string;

  @Column({ type: 'text' })
  topic!: string;

  @Column({ type: 'text' })
  stance!: string;

  @Column({ type: 'text', nullable: true })
  quote!: string | null;

  @Column({ type: 'text', nullable: true })
  summary!: string | null;

  @Column({ name: 'occurred_on', type: 'date' })
  occurredOn!: string;

  /** Sequence of the development's first event: breaks ties between statements of one day. */
  @Column({ type: 'bigint' })
  sequence!: string;

  /** The log sequence from which this version of the row holds (known-at answers). */
  @Column({ name: 'valid_from', type: 'bigint' })
  validFrom!: string;
}
