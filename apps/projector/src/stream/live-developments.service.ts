import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { appliedPosition, PROJECTION_NAMES } from '@app/read-model';
import type { AppliedLogEvent, SqlExecutor } from '@app/read-model';
import { AppliedNotifications } from './applied-notifications';
import { readEventsAfter } from './events-after';
import { AppliedLogSource, LiveAppliedLog, LogFollower } from './live-applied-log';

/** What a stream sends: developments as events leave them, and merges of actors. */
export type StreamedEvent = AppliedLogEvent;

export type Follower = LogFollower<StreamedEvent>;

/** Applied events, developments' and actors', in log order. */
function eventsSource(sql: SqlExecutor): AppliedLogSource<StreamedEvent> {
  return {
    name: 'live events',
    position: () => appliedPosition(sql, PROJECTION_NAMES),
    readAfter: (after, take) => readEventsAfter(sql, after, take),
  };
}

/**
 * Applied events for streaming clients, read from the primary database whenever a batch is
 * committed, by this projector or any other: a standby streams as the active one does. A
 * client that resumes after a sequence first gets what it missed, then the live events,
 * each exactly once and in log order. A replica is never read, so a resumed client cannot
 * miss what a lagging replica has not seen yet.
 */
@Injectable()
export class LiveDevelopments extends LiveAppliedLog<StreamedEvent> {
  constructor(
    @Inject(DataSource) dataSource: DataSource,
    @Inject(AppliedNotifications) notifications: AppliedNotifications,
  ) {
    super(notifications.applied, eventsSource(dataSource), new Logger('LiveDevelopments'));
  }
}
