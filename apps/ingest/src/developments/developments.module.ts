import { Module } from '@nestjs/common';
import { DevelopmentRecorder } from './development-recorder.service';
import { DevelopmentsController } from './developments.controller';

@Module({
  controllers: [DevelopmentsController],
  providers: [DevelopmentRecorder],
})
export class DevelopmentsModule {}
