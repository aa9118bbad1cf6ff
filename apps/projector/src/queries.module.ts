import { Module } from '@nestjs/common';
import { DevelopmentsController } from './developments/developments.controller';
import { ProjectionModule } from './projection/projection.module';
import { ProjectionsController } from './projections/projections.controller';
import { ProjectionsStatus } from './projections/projections-status.service';
import { TimelineController } from './timeline/timeline.controller';

@Module({
  imports: [ProjectionModule],
  controllers: [TimelineController, DevelopmentsController, ProjectionsController],
  providers: [ProjectionsStatus],
})
export class QueriesModule {}
