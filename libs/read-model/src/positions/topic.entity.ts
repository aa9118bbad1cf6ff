import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { READ_MODEL_SCHEMA } from '../database/read-model-schema';

@Entity({ schema: READ_MODEL_SCHEMA, name: 'topics' })
@Index('topics_activity_idx', ['developments', 'topic'])
export class TopicEntity {
  @PrimaryColumn({ type: 'text' })
  topic!: string;

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
