import { Module } from '@nestjs/common';
import { DevelopmentsModule } from '../developments/developments.module';
import { ActorMergesController } from './actor-merges.controller';
import { ActorMerger } from './actor-merger.service';

@Module({
  imports: [DevelopmentsModule],
  controllers: [ActorMergesController],
  providers: [ActorMerger],
})
export class ActorsModule {}
