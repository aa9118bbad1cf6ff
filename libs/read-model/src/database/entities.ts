import { ActorEntity } from '../positions/actor.entity';
import { DevelopmentActorEntity } from '../positions/development-actor.entity';
import { DevelopmentTopicEntity } from '../positions/development-topic.entity';
import { StatementEntity } from '../positions/statement.entity';
import { TopicEntity } from '../positions/topic.entity';
import { ActorEventEntity } from '../identities/actor-event.entity';
import { ActorMergeEntity } from '../identities/actor-merge.entity';
import { ActorNameKeyEntity } from '../identities/actor-name-key.entity';
import { ActorSearchTermEntity } from '../identities/actor-search-term.entity';
import { ProjectionCheckpointEntity } from '../checkpoints/projection-checkpoint.entity';
import { DevelopmentEventEntity } from '../timeline/development-event.entity';
import { DevelopmentEntity } from '../timeline/development.entity';

export const READ_MODEL_ENTITIES = [
  DevelopmentEntity,
  DevelopmentEventEntity,
  ProjectionCheckpointEntity,
  StatementEntity,
  DevelopmentActorEntity,
  DevelopmentTopicEntity,
  ActorEntity,
  TopicEntity,
  ActorMergeEntity,
  ActorNameKeyEntity,
  ActorEventEntity,
  ActorSearchTermEntity,
];
