import { Module } from '@nestjs/common';
import { ConsumerModule } from '../consumer/consumer.module';
import { RebuildModule } from '../rebuild/rebuild.module';
import { ProjectionsController } from './projections.controller';
import { ProjectionsStatus } from './projections-status.service';
import { ProjectionsMetrics } from './projections.metrics';

/** Where each projection stands: `GET /v1/projections` and the lag gauges. */
@Module({
  imports: [ConsumerModule, RebuildModule],
  controllers: [ProjectionsController],
  providers: [ProjectionsStatus, ProjectionsMetrics],
})
export class StatusModule {}
