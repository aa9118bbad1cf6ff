import type { ProjectorSchema } from '@app/client';

/** Where an actor stood on a topic: its stance and the day that stance began. */
export type PositionState = ProjectorSchema<'PositionState'>;

/** One (actor, topic) whose position one event moved (GET /v1/changes, the changes stream). */
export type PositionChange = ProjectorSchema<'PositionChange'>;

export type PositionChangePage = ProjectorSchema<'PositionChangePage'>;
