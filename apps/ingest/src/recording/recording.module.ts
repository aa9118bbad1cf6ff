import { Module } from '@nestjs/common';
import { LogModule } from '../log/log.module';
import { BatchRecorder } from './batch/batch-recorder.service';
import { DevelopmentRecorder } from './development-recorder.service';
import { DevelopmentsController } from './developments.controller';

/** First events of developments: single posts, batches and NDJSON imports. */
@Module({
  imports: [LogModule],
  controllers: [DevelopmentsController],
  providers: [DevelopmentRecorder, BatchRecorder],
})
export class RecordingModule {}
