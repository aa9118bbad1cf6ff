import { Module } from '@nestjs/common';
import { DevelopmentRecorder } from './development-recorder.service';
import { DevelopmentsController } from './developments.controller';
import { IngestMetrics } from './ingest.metrics';

@Module({
  controllers: [DevelopmentsController],
  providers: [DevelopmentRecorder, IngestMetrics],
})
export class DevelopmentsModule {}
