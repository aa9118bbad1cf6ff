import { Module } from '@nestjs/common';
import { ConsumerModule } from '../consumer/consumer.module';
import { RebuildsController } from './rebuilds.controller';
import { Rebuilds } from './rebuilds.service';

/** Replays of the log into a shadow copy of the read models, swapped in when caught up. */
@Module({
  imports: [ConsumerModule],
  controllers: [RebuildsController],
  providers: [Rebuilds],
  exports: [Rebuilds],
})
export class RebuildModule {}
