import { InitialReadModel1795738091517 } from './1795738091517-InitialReadModel';

/** Every migration, in order; listed explicitly so bundling and tests need no glob. */
export const READ_MODEL_MIGRATIONS = [InitialReadModel1795738091517];
