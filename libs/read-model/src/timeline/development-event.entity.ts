import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { READ_MODEL_SCHEMA } from '../database/read-model-schema';

/** Every event of every development: a development's `history`. */
@Entity({ schema: READ_MODEL_SCHEMA, name: 'development_events' })
@Index('development_events_development_idx', ['developmentId', 'sequence'])
@Index('development_events_recorded_idx', ['recordedAt', 'sequence'])
export class DevelopmentEventEntity {
  @PrimaryColumn({ type: 'bigint' })
  sequence!: string;

  @Column({ name: 'development_id', type: 'uuid' })
  developmentId!: string;

  @Column({ type: 'text' })
  type!: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;

  /** The principal whose request recorded the event; null when writes were open. */
  @Column({ name: 'recorded_by', type: 'text', nullable: true })
  recordedBy!: string | null;
}
