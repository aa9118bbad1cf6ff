import { Module } from '@nestjs/common';
import { ConsumerState } from '@app/jetstream';
import { ProjectionRunner } from './projection-runner.service';
import { ProjectionHandler } from './projection.handler';

@Module({
  controllers: [ProjectionHandler],
  providers: [ProjectionRunner, ConsumerState],
  exports: [ProjectionRunner, ConsumerState],
})
export class ProjectionModule {}
