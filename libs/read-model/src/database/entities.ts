import { ProjectionCheckpointEntity } from '../checkpoints/projection-checkpoint.entity';
import { DevelopmentEventEntity } from '../timeline/development-event.entity';
import { DevelopmentEntity } from '../timeline/development.entity';

export const READ_MODEL_ENTITIES = [
  DevelopmentEntity,
  DevelopmentEventEntity,
  ProjectionCheckpointEntity,
];
