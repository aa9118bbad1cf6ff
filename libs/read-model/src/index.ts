export * from './checkpoints/checkpoints';
export * from './database/data-source-options';
export * from './database/ensure-database';
export * from './database/migrate';
export * from './database/entities';
export * from './database/read-model-schema';
export * from './database/refused-by-database';
export * from './developments/get-development';
export * from './projections/apply-batch';
export * from './projections/projection';
export * from './projections/development-changes';
export * from './timeline/development-view';
export * from './timeline/query-timeline';
export * from './timeline/timeline-cursor';
export * from './timeline/timeline.projection';
export * from './timeline/timeline-rows';
export * from './pagination/keyset-cursor';
export * from './positions/compute-positions';
export * from './positions/positions.projection';
export * from './positions/positions-rows';
export * from './positions/query-actors';
export * from './positions/query-positions';
export * from './positions/query-topics';
export { READ_MODEL_MIGRATIONS } from './migrations';

import { positionsProjection } from './positions/positions.projection';
import { timelineProjection } from './timeline/timeline.projection';

/** Every projection the projector keeps, in the order they are applied. */
export const PROJECTIONS = [timelineProjection, positionsProjection];
export * from './rebuild/shadow-schema';
export * from './timeline/applied-events';
export * from './statistics/refresh-statistics';
export * from './identities/canonical-actors';
export * from './identities/likely-duplicates';
export * from './identities/query-duplicate-actors';
export * from './identities/query-similar-actors';
export * from './identities/resolve-actors';
