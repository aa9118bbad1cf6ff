import { positionsProjection } from '../positions/positions.projection';
import { timelineProjection } from '../timeline/timeline.projection';

/** Every projection the projector keeps, in the order they are applied. */
export const PROJECTIONS = [timelineProjection, positionsProjection];

/** Their names: the checkpoints that together say how far the read model has applied the log. */
export const PROJECTION_NAMES = PROJECTIONS.map((projection) => projection.name);
