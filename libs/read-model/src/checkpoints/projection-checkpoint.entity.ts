import { Column, Entity, PrimaryColumn } from 'typeorm';
import { READ_MODEL_SCHEMA } from '../database/read-model-schema';

/** The last log sequence a projection has applied; written in the same transaction as its rows. */
@Entity({ schema: READ_MODEL_SCHEMA, name: 'projection_checkpoints' })
export class ProjectionCheckpointEntity {
  @PrimaryColumn({ type: 'text' })
  name!: string;

  @Column({ type: 'bigint' })
  position!: string;

  /** The sequence from which the projection keeps every row's history (known-at answers). */
  @Column({ name: 'history_from', type: 'bigint' })
  historyFrom!: string;
}
