import { Module } from '@nestjs/common';
import { AppliedNotifications } from './applied-notifications';
import { LiveDevelopments } from './live-developments.service';
import { StreamController } from './stream.controller';

/** `GET /v1/stream`: applied events as Server-Sent Events, on every projector. */
@Module({
  controllers: [StreamController],
  providers: [AppliedNotifications, LiveDevelopments],
})
export class StreamModule {}
