import { Module } from '@nestjs/common';
import { LogModule } from '../log/log.module';
import { DevelopmentEditor } from './development-editor.service';
import { DevelopmentEditsController } from './development-edits.controller';

/** Corrections and retractions: later events on a recorded development. */
@Module({
  imports: [LogModule],
  controllers: [DevelopmentEditsController],
  providers: [DevelopmentEditor],
})
export class EditsModule {}
