import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { NatsHealthIndicator } from '@app/jetstream';
import { HealthController } from './health.controller';

@Module({
  imports: [TerminusModule.forRoot({ logger: false })],
  controllers: [HealthController],
  providers: [NatsHealthIndicator],
})
export class HealthModule {}
