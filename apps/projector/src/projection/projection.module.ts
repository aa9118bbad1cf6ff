import { Module } from '@nestjs/common';
import { ConsumerState } from '@app/jetstream';
import { ProjectionRunner } from './projection-runner.service';
import { ProjectionHandler } from './projection.handler';
import { ProjectorLease } from './projector-lease';

@Module({
  controllers: [ProjectionHandler],
  providers: [ProjectionRunner, ConsumerState, ProjectorLease],
  exports: [ProjectionRunner, ConsumerState, ProjectorLease],
})
export class ProjectionModule {}
