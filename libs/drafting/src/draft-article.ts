import { assembleDrafts, DraftingDependencies } from './assembly';
import type { Article, DraftsAnswer, Vocabulary } from './draft';
import { findActors, findStatements, findTopics } from './people';

const people: DraftingDependencies = { findActors, findTopics, findStatements };

/**
 * Drafts the dated events of an article as developments; pure, writes nothing. The finders
 * of actors, topics and statements can be replaced (tests do).
 */
export function draftArticle(
  article: Article,
  vocabulary: Vocabulary,
  dependencies: DraftingDependencies = people,
): DraftsAnswer {
  return assembleDrafts(article, vocabulary, dependencies);
}

const WARM_UP_TEXTS = [
  'On Monday, December 2, the envoys met in Geneva. “We agreed,” Anna Berg said. The next day, three days ago, talks went on.',
  'Вчора, 2 грудня, у понеділок, посли зустрілися в Женеві. Того ж дня Анна Берг заявила, що «згоди досягнуто».',
  'Вчера, 2 декабря, в понедельник, послы встретились в Женеве. В тот же день Анна Берг заявила, что согласие достигнуто.',
];

/**
 * Runs drafting over a few short texts, twice: V8 compiles a regular expression to machine
 * code only on its second use, and the date parsers' expressions are large, so the first
 * article a process drafts would otherwise pay a few hundred milliseconds. Services call it
 * once at start.
 */
export function warmUpDrafting(dependencies: DraftingDependencies = people): void {
  for (let round = 0; round < 2; round++) {
    for (const text of WARM_UP_TEXTS) {
      draftArticle({ text, publishedOn: '2025-12-22' }, { actors: [], topics: [] }, dependencies);
    }
  }
}
