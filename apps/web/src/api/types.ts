/** Shapes of the query API's answers (docs/API.md), as the page reads them. */

export const STANCES = ['support', 'oppose', 'conditional', 'neutral'] as const;
export type Stance = (typeof STANCES)[number];

export interface Actor {
  id: string;
  name: string;
  affiliation?: string;
}

export interface Statement {
  actor: string;
  topic: string;
  stance: Stance;
  quote?: string;
  summary?: string;
}

export interface Source {
  name?: string;
  url?: string;
  publishedAt?: string;
}

export interface Development {
  developmentId: string;
  occurredOn: string;
  occurredUntil: string;
  title: string;
  body?: string;
  location?: string;
  topics: string[];
  actors: Actor[];
  statements: Statement[];
  source?: Source;
  revision: number;
  recordedAt: string;
  /** Sequence of the development's first event: its place among developments of a day. */
  sequence: number;
  /** Sequence of its latest event: a higher one is a newer state. */
  lastSequence: number;
  retracted?: { reason: string; sequence: number };
}

export interface DevelopmentWithHistory extends Development {
  history: { type: string; eventId: string; sequence: number; recordedAt: string }[];
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface ActorSummary {
  id: string;
  name: string;
  affiliation: string | null;
  developments: number;
  statements: number;
  firstSeenOn: string;
  lastSeenOn: string;
}

/** GET /v1/actors/{id}: the actor, with the actors merged into it. */
export interface ActorDetail extends ActorSummary {
  aliases: { id: string; name: string }[];
  /** The id asked for, when it is merged into this actor. */
  mergedFrom?: string;
}

export interface SimilarActor {
  actor: ActorSummary;
  /** 0..1: how likely the two are one actor. */
  score: number;
  /** Probably the same actor: worth a merge. */
  likely: boolean;
  reasons: string[];
}

/** GET /v1/actors/{id}/similar: best first. */
export interface SimilarActors {
  actor: ActorDetail;
  candidates: SimilarActor[];
}

/** The answer of POST and DELETE /v1/actors/{id}/merge on ingest. */
export interface MergeOutcome {
  eventId: string;
  sequence: number;
  duplicate?: boolean;
}

export interface PositionHistoryEntry {
  occurredOn: string;
  stance: Stance;
  quote: string | null;
  summary: string | null;
  developmentId: string;
}

export interface Position {
  topic: string;
  stance: Stance;
  since: string;
  quote: string | null;
  developmentId: string;
  history: PositionHistoryEntry[];
}

export interface ActorPositions {
  actor: ActorDetail;
  positions: Position[];
}

export interface TopicSummary {
  topic: string;
  developments: number;
  statements: number;
  firstSeenOn: string;
  lastSeenOn: string;
}

export interface TopicPosition {
  actor: { id: string; name: string };
  stance: Stance;
  since: string;
  developmentId: string;
}

export interface TopicPositions {
  topic: string;
  positions: TopicPosition[];
}

export interface RebuildProgress {
  rebuildId: string;
  position: number;
  head: number;
  eventsPerSecond: number;
  startedAt: string;
}

export interface ProjectionStatus {
  name: string;
  status: 'live' | 'rebuilding' | 'stalled';
  position: number;
  head: number;
  lag: number;
  rebuild: RebuildProgress | null;
  error: string | null;
  deadLetters: number;
  lease?: 'held' | 'waiting';
}

/** One `development` message of GET /v1/stream. */
export interface StreamEvent {
  type: 'NewsEventRecorded' | 'NewsEventCorrected' | 'NewsEventRetracted';
  sequence: number;
  development: Development;
}

/** One `actor` message of GET /v1/stream: a merge or an unmerge, applied. */
export interface ActorStreamEvent {
  type: 'ActorMerged' | 'ActorUnmerged';
  sequence: number;
  actorId: string;
  /** ActorMerged: the actor it is now the same as. */
  into?: string;
  /** ActorUnmerged: the actor it was merged into. */
  from?: string;
}

export interface ApiErrorBody {
  error: string;
  message: string;
  /** `canonical`: in a `merge_conflict`, the actor to merge into instead. */
  details?: { path: string; message: string; canonical?: string }[];
}
