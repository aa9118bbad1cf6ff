import { parseActorName } from './parse-actor-name';

export interface ActorNameKeys {
  /** The whole name as one folded Latin phonetic key, words joined by ' '. */
  full: string;
  /** Folded key of every significant word (for blocking: candidates share at least one). */
  tokens: string[];
}

/** The keys under which an actor's name is stored and looked up, whatever its script. */
export function actorNameKeys(name: string): ActorNameKeys {
  const parsed = parseActorName(name);
  return {
    full: parsed.words
      .filter((w) => w.role !== 'article')
      .map((w) => w.key)
      .join(' '),
    tokens: [...new Set(parsed.significant.map((w) => w.key))],
  };
}
