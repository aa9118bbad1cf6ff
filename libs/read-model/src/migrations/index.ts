import { InitialReadModel1795738091517 } from './1795738091517-InitialReadModel';
import { ActorsStatementsPositions1795740065348 } from './1795740065348-ActorsStatementsPositions';
import { Retractions1795800000000 } from './1795800000000-Retractions';
import { OneSearchConfiguration1795810000000 } from './1795810000000-OneSearchConfiguration';
import { StanceInStatementIndexes1795820000000 } from './1795820000000-StanceInStatementIndexes';
import { OngoingDevelopmentsIndex1795830000000 } from './1795830000000-OngoingDevelopmentsIndex';
import { DocumentJson1795840000000 } from './1795840000000-DocumentJson';
import { NormalizedSearch1795850000000 } from './1795850000000-NormalizedSearch';
import { ActorMerges1795860000000 } from './1795860000000-ActorMerges';
import { ActorEvents1795870000000 } from './1795870000000-ActorEvents';
import { RecordedBy1795880000000 } from './1795880000000-RecordedBy';
import { ActorSearchTerms1795884000000 } from './1795884000000-ActorSearchTerms';
import { KnownAt1795890000000 } from './1795890000000-KnownAt';
import { KnownAtVersionRanges1795900000000 } from './1795900000000-KnownAtVersionRanges';

/** Every migration, in order; listed explicitly so bundling and tests need no glob. */
export const READ_MODEL_MIGRATIONS = [
  InitialReadModel1795738091517,
  ActorsStatementsPositions1795740065348,
  Retractions1795800000000,
  OneSearchConfiguration1795810000000,
  StanceInStatementIndexes1795820000000,
  OngoingDevelopmentsIndex1795830000000,
  DocumentJson1795840000000,
  NormalizedSearch1795850000000,
  ActorMerges1795860000000,
  ActorEvents1795870000000,
  RecordedBy1795880000000,
  ActorSearchTerms1795884000000,
  KnownAt1795890000000,
  KnownAtVersionRanges1795900000000,
];
