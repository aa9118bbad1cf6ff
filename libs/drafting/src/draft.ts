import type { DraftsAnswer, Source } from '@app/contracts';

export type {
  Draft,
  DraftEvidence,
  DraftsAnswer,
  SuggestedStatement,
  UnplacedPassage,
} from '@app/contracts';

/**
 * A canonical actor of the read model with every name it is known by: its own name, the
 * names developments gave it, and the ids and names of the actors merged into it.
 */
export interface KnownActor {
  /** The canonical id (merges resolved). */
  id: string;
  name: string;
  aliases: readonly string[];
  affiliation?: string | null;
}

/** What the read model knows that drafting resolves names and topics against. */
export interface Vocabulary {
  actors: readonly KnownActor[];
  /** Topic slugs in use. */
  topics: readonly string[];
}

export interface Article {
  /** Plain text: HTML has been turned into the article's text before drafting. */
  text: string;
  /** YYYY-MM-DD: relative dates resolve against it, and never after it. */
  publishedOn: string;
  source?: Source;
}

/** Drafts the dated events of an article as developments; pure, writes nothing. */
export type DraftArticle = (article: Article, vocabulary: Vocabulary) => DraftsAnswer;
