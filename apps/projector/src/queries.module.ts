import { Module } from '@nestjs/common';
import { ActorsController } from './actors/actors.controller';
import { DuplicateActors } from './actors/duplicate-actors.service';
import { DevelopmentsController } from './developments/developments.controller';
import { ProjectionModule } from './projection/projection.module';
import { ProjectionsController } from './projections/projections.controller';
import { ProjectionsStatus } from './projections/projections-status.service';
import { ProjectionsMetrics } from './projections/projections.metrics';
import { RebuildsController } from './rebuild/rebuilds.controller';
import { AppliedNotifications } from './stream/applied-notifications';
import { LiveDevelopments } from './stream/live-developments.service';
import { StreamController } from './stream/stream.controller';
import { Rebuilds } from './rebuild/rebuilds.service';
import { TimelineController } from './timeline/timeline.controller';
import { TopicsController } from './topics/topics.controller';

@Module({
  imports: [ProjectionModule],
  controllers: [
    TimelineController,
    DevelopmentsController,
    ActorsController,
    TopicsController,
    ProjectionsController,
    RebuildsController,
    StreamController,
  ],
  providers: [
    ProjectionsStatus,
    ProjectionsMetrics,
    Rebuilds,
    AppliedNotifications,
    LiveDevelopments,
    DuplicateActors,
  ],
})
export class QueriesModule {}
