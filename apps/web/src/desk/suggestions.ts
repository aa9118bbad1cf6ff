import type { Actor } from '@app/client';
import { projectorData } from '../api/api-client';
import type { ApiClient } from '../api/api-client';

const ACTOR_SUGGESTIONS = 10;
const TOPICS_KEPT_MS = 30_000;

/** What the form offers while typing: known topics, and actors whose name starts so. */
export class Suggestions {
  private topicList: { topics: string[]; at: number } | undefined;

  constructor(private readonly api: ApiClient) {}

  /** Every topic of the read model, most used first; kept for a short while. */
  async topics(): Promise<string[]> {
    if (this.topicList && Date.now() - this.topicList.at < TOPICS_KEPT_MS) {
      return this.topicList.topics;
    }
    const page = await projectorData(
      this.api.GET('/v1/topics', { params: { query: { limit: 500 } } }),
    );
    const topics = [...page.items]
      .sort((a, b) => b.developments - a.developments)
      .map((entry) => entry.topic);
    this.topicList = { topics, at: Date.now() };
    return topics;
  }

  /** Actors whose name, id or other name starts with `prefix` (any case, accents, script). */
  async actors(prefix: string, signal: AbortSignal): Promise<Actor[]> {
    const page = await projectorData(
      this.api.GET('/v1/actors', {
        params: { query: { prefix, limit: ACTOR_SUGGESTIONS } },
        signal,
      }),
    );
    return page.items;
  }
}
