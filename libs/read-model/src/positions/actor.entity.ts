import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { READ_MODEL_SCHEMA } from '../database/read-model-schema';

/**
 * One row per canonical actor (merged actors are counted in the actor they were merged into)
 * with its latest name and affiliation (by story date, then by log order) and its counts. The `*_on` / `*_sequence` columns say where the current name and
 * affiliation came from, so that applying developments in any order gives the same row.
 */
@Entity({ schema: READ_MODEL_SCHEMA, name: 'actors' })
@Index('actors_name_idx', ['name', 'id'])
@Index('actors_activity_idx', ['developments', 'id'])
@Index('actors_recent_idx', ['lastSeenOn', 'id'])
export class ActorEntity {
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  /** True when the name is one the actor was given under its own id, not under an alias. */
  @Column({ name: 'name_own', type: 'boolean', default: true })
  nameOwn!: boolean;

  /** False when the only name known is the reference a statement used (often the id). */
  @Column({ name: 'name_given', type: 'boolean' })
  nameGiven!: boolean;

  @Column({ name: 'named_on', type: 'date' })
  namedOn!: string;

  @Column({ name: 'named_sequence', type: 'bigint' })
  namedSequence!: string;

  @Column({ type: 'text', nullable: true })
  affiliation!: string | null;

  @Column({ name: 'affiliated_on', type: 'date', nullable: true })
  affiliatedOn!: string | null;

  @Column({ name: 'affiliated_sequence', type: 'bigint', nullable: true })
  affiliatedSequence!: string | null;

  @Column({ type: 'integer' })
  developments!: number;

  @Column({ type: 'integer' })
  statements!: number;

  @Column({ name: 'first_seen_on', type: 'date' })
  firstSeenOn!: string;

  @Column({ name: 'last_seen_on', type: 'date' })
  lastSeenOn!: string;

  /** The log sequence from which this version of the row holds (known-at answers). */
  @Column({ name: 'valid_from', type: 'bigint' })
  validFrom!: string;
}
