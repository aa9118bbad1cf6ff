import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { READ_MODEL_SCHEMA } from '../database/read-model-schema';

/**
 * The folded keys of every actor name seen (actorNameKeys), for finding duplicate candidates
 * by shared words and by trigram similarity. A pure function of the name, so rows are only
 * ever added. The trigram index (pg_trgm) is made by migration 1795860000000.
 */
@Entity({ schema: READ_MODEL_SCHEMA, name: 'actor_name_keys' })
@Index('actor_name_keys_tokens_idx', { synchronize: false })
@Index('actor_name_keys_full_key_idx', { synchronize: false })
export class ActorNameKeyEntity {
  @PrimaryColumn({ type: 'text' })
  name!: string;

  @Column({ name: 'full_key', type: 'text' })
  fullKey!: string;

  @Column({ type: 'text', array: true })
  tokens!: string[];
}
