import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { ConsumerHealthIndicator, NatsHealthIndicator } from '@app/jetstream';
import { ProjectionModule } from '../projection/projection.module';
import { HealthController } from './health.controller';

@Module({
  imports: [TerminusModule.forRoot({ logger: false }), ProjectionModule],
  controllers: [HealthController],
  providers: [NatsHealthIndicator, ConsumerHealthIndicator],
})
export class HealthModule {}
