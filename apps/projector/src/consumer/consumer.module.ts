import { Module } from '@nestjs/common';
import { APP_CONFIG } from '@app/config';
import type { AppConfig } from '@app/config';
import { ConsumerState, DeadLetterQueue, NatsConnection } from '@app/jetstream';
import { PoisonEvents } from './poison-events';
import { ProjectionRunner } from './projection-runner.service';
import { ProjectionWrites } from './projection-writes';
import { ProjectionHandler } from './projection.handler';
import { ProjectorLease } from './projector-lease';
import { ProjectionMetrics } from './projection.metrics';

/** The log consumer: applies events to the read models while this process holds the lease. */
@Module({
  controllers: [ProjectionHandler],
  providers: [
    ProjectionRunner,
    ProjectionWrites,
    ConsumerState,
    ProjectorLease,
    ProjectionMetrics,
    PoisonEvents,
    {
      provide: DeadLetterQueue,
      inject: [NatsConnection, APP_CONFIG],
      useFactory: (connection: NatsConnection, config: AppConfig) =>
        new DeadLetterQueue(connection, config.SUBJECT_PREFIX, config.PUBLISH_TIMEOUT_MS),
    },
  ],
  exports: [ProjectionRunner, ConsumerState, ProjectorLease, PoisonEvents, DeadLetterQueue],
})
export class ConsumerModule {}
