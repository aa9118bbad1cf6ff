import { Module } from '@nestjs/common';
import { AppliedNotifications } from './applied-notifications';
import { LiveChanges } from './live-changes.service';
import { LiveDevelopments } from './live-developments.service';
import { StreamController } from './stream.controller';
import { StreamMetrics } from './stream.metrics';

/** `GET /v1/stream`: applied events, or the position changes they made, as Server-Sent Events. */
@Module({
  controllers: [StreamController],
  providers: [AppliedNotifications, LiveDevelopments, LiveChanges, StreamMetrics],
})
export class StreamModule {}
