import { Module } from '@nestjs/common';
import { ActorsController } from './actors/actors.controller';
import { DuplicateActors } from './actors/duplicate-actors.service';
import { DevelopmentsController } from './developments/developments.controller';
import { TimelineController } from './timeline/timeline.controller';
import { TopicsController } from './topics/topics.controller';

/** The read side's queries: timeline, developments, actors and topics. */
@Module({
  controllers: [TimelineController, DevelopmentsController, ActorsController, TopicsController],
  providers: [DuplicateActors],
})
export class QueriesModule {}
