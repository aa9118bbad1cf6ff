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
  actor: ActorSummary;
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

/** One message of GET /v1/stream. */
export interface StreamEvent {
  type: 'NewsEventRecorded' | 'NewsEventCorrected' | 'NewsEventRetracted';
  sequence: number;
  development: Development;
}

export interface ApiErrorBody {
  error: string;
  message: string;
  details?: { path: string; message: string }[];
}
