import { Module } from '@nestjs/common';
import { ConsumerState } from '@app/jetstream';
import { ProjectionRunner } from './projection-runner.service';
import { ProjectionHandler } from './projection.handler';
import { ProjectorLease } from './projector-lease';
import { ProjectionMetrics } from './projection.metrics';

@Module({
  controllers: [ProjectionHandler],
  providers: [ProjectionRunner, ConsumerState, ProjectorLease, ProjectionMetrics],
  exports: [ProjectionRunner, ConsumerState, ProjectorLease],
})
export class ProjectionModule {}
