import { parseActorName } from './parse-actor-name';

export interface ActorNameKeys {
  /** Folded key of every significant word (blockingKeys makes the lookup keys of them). */
  tokens: string[];
}

/** The keys under which an actor's name is stored and looked up, whatever its script. */
export function actorNameKeys(name: string): ActorNameKeys {
  const parsed = parseActorName(name);
  return {
    tokens: [...new Set(parsed.significant.map((w) => w.key))],
  };
}
