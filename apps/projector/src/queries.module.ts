import { Module } from '@nestjs/common';
import { ActorsController } from './actors/actors.controller';
import { ChangesController } from './changes/changes.controller';
import { DuplicateActors } from './actors/duplicate-actors.service';
import { DevelopmentsController } from './developments/developments.controller';
import { ReadModelAt } from './known-at/read-model-at';
import { TimelineController } from './timeline/timeline.controller';
import { TopicsController } from './topics/topics.controller';

/** The read side's queries: timeline, developments, actors and topics. */
@Module({
  controllers: [
    TimelineController,
    DevelopmentsController,
    ActorsController,
    TopicsController,
    ChangesController,
  ],
  providers: [DuplicateActors, ReadModelAt],
})
export class QueriesModule {}
