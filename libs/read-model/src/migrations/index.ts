import { InitialReadModel1795738091517 } from './1795738091517-InitialReadModel';
import { ActorsStatementsPositions1795740065348 } from './1795740065348-ActorsStatementsPositions';

/** Every migration, in order; listed explicitly so bundling and tests need no glob. */
export const READ_MODEL_MIGRATIONS = [
  InitialReadModel1795738091517,
  ActorsStatementsPositions1795740065348,
];
