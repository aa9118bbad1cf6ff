import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { ConsumerHealthIndicator, NatsHealthIndicator } from '@app/jetstream';
import { ConsumerModule } from '../consumer/consumer.module';
import { HealthController } from './health.controller';

@Module({
  imports: [TerminusModule.forRoot({ logger: false }), ConsumerModule],
  controllers: [HealthController],
  providers: [NatsHealthIndicator, ConsumerHealthIndicator],
})
export class HealthModule {}
