import { Entity, PrimaryColumn } from 'typeorm';
import { READ_MODEL_SCHEMA } from '../database/read-model-schema';

/**
 * The blocking keys of every actor name seen (blockingKeys of its folded words), one row per
 * key and name, for finding duplicate candidates by index. A pure function of the name, so
 * rows are only ever added.
 */
@Entity({ schema: READ_MODEL_SCHEMA, name: 'actor_name_keys' })
export class ActorNameKeyEntity {
  @PrimaryColumn({ type: 'text' })
  key!: string;

  @PrimaryColumn({ type: 'text' })
  name!: string;
}
