export * from './checkpoints/checkpoints';
export * from './database/data-source-options';
export * from './database/ensure-database';
export * from './database/entities';
export * from './database/read-model-schema';
export * from './developments/get-development';
export * from './projections/apply-batch';
export * from './projections/projection';
export * from './timeline/development-view';
export * from './timeline/query-timeline';
export * from './timeline/timeline-cursor';
export * from './timeline/timeline.projection';
export * from './timeline/timeline-rows';
export { READ_MODEL_MIGRATIONS } from './migrations';

import { timelineProjection } from './timeline/timeline.projection';

/** Every projection the projector keeps, in the order they are applied. */
export const PROJECTIONS = [timelineProjection];
