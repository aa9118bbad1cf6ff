export * from './create-client';
export * from './answers';
export type * from './schemas';
export type { paths as IngestPaths, operations as IngestOperations } from './generated/ingest';
export type {
  paths as ProjectorPaths,
  operations as ProjectorOperations,
} from './generated/projector';
