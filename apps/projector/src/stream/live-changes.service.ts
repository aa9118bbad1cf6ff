import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { appliedPosition, PROJECTION_NAMES } from '@app/read-model';
import type { SqlExecutor } from '@app/read-model';
import { AppliedNotifications } from './applied-notifications';
import { ChangesOfEvent, readChangesAfter } from './changes-after';
import { AppliedLogSource, LiveAppliedLog, LogFollower } from './live-applied-log';

export type ChangesFollower = LogFollower<ChangesOfEvent>;

/** Position changes, each event's together, once every projection has applied the event. */
function changesSource(sql: SqlExecutor): AppliedLogSource<ChangesOfEvent> {
  return {
    name: 'live changes',
    position: () => appliedPosition(sql, PROJECTION_NAMES),
    readAfter: (after, take) => readChangesAfter(sql, after, take),
  };
}

/**
 * Position changes for streaming clients, read from the primary database whenever a batch
 * is committed, as LiveDevelopments reads developments: a client that resumes after a
 * sequence first gets the changes it missed, then live ones, each event's once and in log
 * order.
 */
@Injectable()
export class LiveChanges extends LiveAppliedLog<ChangesOfEvent> {
  constructor(
    @Inject(DataSource) dataSource: DataSource,
    @Inject(AppliedNotifications) notifications: AppliedNotifications,
  ) {
    super(notifications.applied, changesSource(dataSource), new Logger('LiveChanges'));
  }
}
