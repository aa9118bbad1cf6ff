import { Module } from '@nestjs/common';
import { IngestMetrics } from '../metrics/ingest.metrics';
import { DevelopmentLog } from './development-log.service';

/** The log as ingest writes it: every write path appends through `DevelopmentLog`. */
@Module({
  providers: [DevelopmentLog, IngestMetrics],
  exports: [DevelopmentLog, IngestMetrics],
})
export class LogModule {}
