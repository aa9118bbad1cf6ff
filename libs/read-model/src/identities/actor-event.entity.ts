import { Column, Entity, PrimaryColumn } from 'typeorm';
import { READ_MODEL_SCHEMA } from '../database/read-model-schema';

/**
 * Every merge and unmerge of an actor in log order, so that a stream resuming after a
 * sequence can send them with the developments around them.
 */
@Entity({ schema: READ_MODEL_SCHEMA, name: 'actor_events' })
export class ActorEventEntity {
  @PrimaryColumn({ type: 'bigint' })
  sequence!: string;

  @Column({ type: 'text' })
  type!: string;

  @Column({ name: 'actor_id', type: 'text' })
  actorId!: string;

  /** ActorMerged: the actor it was merged into; ActorUnmerged: the one it was merged into. */
  @Column({ name: 'other_actor_id', type: 'text' })
  otherActorId!: string;

  @Column({ name: 'recorded_at', type: 'timestamptz', nullable: true })
  recordedAt!: Date | null;

  /** The principal whose request recorded the event; null when writes were open. */
  @Column({ name: 'recorded_by', type: 'text', nullable: true })
  recordedBy!: string | null;
}
