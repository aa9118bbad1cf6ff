import { Source, Stance } from './development.schema';

export interface Actor {
  id: string;
  name: string;
  affiliation?: string;
}

export interface Statement {
  /** Always the id of one of the development's actors. */
  actor: string;
  topic: string;
  stance: Stance;
  quote?: string;
  summary?: string;
}

/**
 * A development as recorded in the log: the input with ids filled in, duplicates removed,
 * and every actor and topic a statement names present in `actors` and `topics`.
 * Text is kept exactly as sent.
 */
export interface Development {
  occurredOn: string;
  /** The last day of the development's period; the same as occurredOn for a single day. */
  occurredUntil: string;
  title: string;
  body?: string;
  location?: string;
  topics: string[];
  actors: Actor[];
  statements: Statement[];
  source?: Source;
}
