import { Module } from '@nestjs/common';
import { DevelopmentEditor } from '../edits/development-editor.service';
import { DevelopmentEditsController } from '../edits/development-edits.controller';
import { DevelopmentLog } from '../log/development-log.service';
import { BatchRecorder } from './batch/batch-recorder.service';
import { DevelopmentRecorder } from './development-recorder.service';
import { DevelopmentsController } from './developments.controller';
import { IngestMetrics } from './ingest.metrics';

@Module({
  controllers: [DevelopmentsController, DevelopmentEditsController],
  providers: [DevelopmentLog, DevelopmentRecorder, BatchRecorder, DevelopmentEditor, IngestMetrics],
  exports: [DevelopmentLog],
})
export class DevelopmentsModule {}
