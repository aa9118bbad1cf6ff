import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { READ_MODEL_SCHEMA } from '../database/read-model-schema';

/** Which actors each development involves, with the name and affiliation it gave them. */
@Entity({ schema: READ_MODEL_SCHEMA, name: 'development_actors' })
@Index('development_actors_actor_idx', ['actorId', 'occurredOn'])
@Index('development_actors_canonical_idx', ['canonicalActorId', 'validFrom'])
@Index('development_actors_valid_from_idx', ['validFrom'])
export class DevelopmentActorEntity {
  @PrimaryColumn({ name: 'development_id', type: 'uuid' })
  developmentId!: string;

  @PrimaryColumn({ name: 'actor_id', type: 'text' })
  actorId!: string;

  /** The actor it is, as merges stand now (actor_merges). */
  @Column({ name: 'canonical_actor_id', type: 'text' })
  canonicalActorId!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', nullable: true })
  affiliation!: string | null;

  @Column({ name: 'occurred_on', type: 'date' })
  occurredOn!: string;

  @Column({ type: 'bigint' })
  sequence!: string;

  /** The log sequence from which this version of the row holds (known-at answers). */
  @Column({ name: 'valid_from', type: 'bigint' })
  validFrom!: string;
}
