import { Module } from '@nestjs/common';
import { LogModule } from '../log/log.module';
import { ActorMergesController } from './actor-merges.controller';
import { ActorMerger } from './actor-merger.service';

@Module({
  imports: [LogModule],
  controllers: [ActorMergesController],
  providers: [ActorMerger],
})
export class ActorsModule {}
