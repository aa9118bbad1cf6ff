import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { READ_MODEL_SCHEMA } from '../database/read-model-schema';

/** Which topics each development is about, for the topic counts. */
@Entity({ schema: READ_MODEL_SCHEMA, name: 'development_topics' })
@Index('development_topics_topic_idx', ['topic', 'validFrom'])
@Index('development_topics_valid_from_idx', ['validFrom'])
export class DevelopmentTopicEntity {
  @PrimaryColumn({ name: 'development_id', type: 'uuid' })
  developmentId!: string;

  @PrimaryColumn({ type: 'text' })
  topic!: string;

  @Column({ name: 'occurred_on', type: 'date' })
  occurredOn!: string;

  @Column({ name: 'occurred_end', type: 'date' })
  occurredEnd!: string;

  /** The log sequence from which this version of the row holds (known-at answers). */
  @Column({ name: 'valid_from', type: 'bigint' })
  validFrom!: string;
}
