import type { components as IngestComponents } from './generated/ingest';
import type { components as ProjectorComponents } from './generated/projector';

type IngestSchemas = IngestComponents['schemas'];
type ProjectorSchemas = ProjectorComponents['schemas'];

/** A schema of ingest's OpenAPI document, by its name there. */
export type IngestSchema<Name extends keyof IngestSchemas> = IngestSchemas[Name];
/** A schema of the projector's OpenAPI document, by its name there. */
export type ProjectorSchema<Name extends keyof ProjectorSchemas> = ProjectorSchemas[Name];

// What is written: the schemas of ingest's requests and answers.
export type DevelopmentInput = IngestSchema<'DevelopmentInput'>;
export type KeyedDevelopment = IngestSchema<'KeyedDevelopment'>;
export type RecordingOutcome = IngestSchema<'RecordingOutcome'>;
export type BatchResult = IngestSchema<'BatchResult'>;
export type BatchItemResult = IngestSchema<'BatchItemResult'>;
export type DevelopmentChanges = IngestSchema<'DevelopmentChanges'>;
export type Retraction = IngestSchema<'Retraction'>;
export type EditOutcome = IngestSchema<'EditOutcome'>;
export type ActorMerge = IngestSchema<'ActorMerge'>;
export type ActorMergeOutcome = IngestSchema<'ActorMergeOutcome'>;

// What is read: the schemas of the projector's answers.
export type Development = ProjectorSchema<'Development'>;
export type DevelopmentWithHistory = ProjectorSchema<'DevelopmentWithHistory'>;
export type TimelinePage = ProjectorSchema<'TimelinePage'>;
export type Actor = ProjectorSchema<'Actor'>;
export type ActorDetail = ProjectorSchema<'ActorDetail'>;
export type ActorPage = ProjectorSchema<'ActorPage'>;
export type ActorPositions = ProjectorSchema<'ActorPositions'>;
export type Position = ProjectorSchema<'Position'>;
export type SimilarActors = ProjectorSchema<'SimilarActors'>;
export type DuplicatePairPage = ProjectorSchema<'DuplicatePairPage'>;
export type Topic = ProjectorSchema<'Topic'>;
export type TopicPage = ProjectorSchema<'TopicPage'>;
export type TopicPositions = ProjectorSchema<'TopicPositions'>;
export type ProjectionStatus = ProjectorSchema<'ProjectionStatus'>;
export type Rebuild = ProjectorSchema<'Rebuild'>;
export type RebuildStarted = ProjectorSchema<'RebuildStarted'>;

// Drafts from an article (POST /v1/drafts on the projector): proposals, nothing written.
export type DraftRequest = ProjectorSchema<'DraftRequest'>;
export type Drafts = ProjectorSchema<'Drafts'>;
export type Draft = ProjectorSchema<'Draft'>;
export type DraftEvidence = ProjectorSchema<'DraftEvidence'>;
export type SuggestedStatement = ProjectorSchema<'SuggestedStatement'>;
export type UnplacedPassage = ProjectorSchema<'UnplacedPassage'>;
export type DevelopmentStreamEvent = ProjectorSchema<'DevelopmentStreamEvent'>;
export type ActorStreamEvent = ProjectorSchema<'ActorStreamEvent'>;

// Both services answer with these.
export type Health = ProjectorSchema<'Health'>;
/** GET /v1/session: who the credential sent names, and what it may do. */
export type Session = ProjectorSchema<'Session'>;
export type Principal = ProjectorSchema<'Principal'>;
/** Every answer other than 2xx has this body (the `Error` schema of both documents). */
export type ApiErrorBody = ProjectorSchema<'Error'>;
export type ValidationDetail = ProjectorSchema<'ValidationDetail'>;

/** One of `support`, `oppose`, `conditional`, `neutral`. */
export type Stance = Position['stance'];
