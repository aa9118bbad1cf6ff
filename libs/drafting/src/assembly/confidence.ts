import type { DateKind } from '../dates';

/**
 * How sure a draft is, from simple signals:
 *   date:       0.5 for a stated day ("December 2"), 0.35 for one counted from publication
 *               ("yesterday", "on Monday"), 0.3 for one counted from another date ("on the
 *               same day"), 0.15 for an undated lead dated the day of publication;
 *   actors:     + 0.25 × the share of its actors the read model already knows (0 without actors);
 *   statements: + 0.15 when a quotation or reported speech was found;
 *   topics:     + 0.1 when a known topic was found.
 * The sum is at most 1, rounded to two decimals.
 */
export function draftConfidence(signals: {
  dateKind: DateKind;
  actors: number;
  knownActors: number;
  statements: number;
  topics: number;
}): number {
  const date = { explicit: 0.5, relative: 0.35, anaphoric: 0.3, lead: 0.15 }[signals.dateKind];
  const actors = signals.actors > 0 ? 0.25 * (signals.knownActors / signals.actors) : 0;
  const statements = signals.statements > 0 ? 0.15 : 0;
  const topics = signals.topics > 0 ? 0.1 : 0;
  return Math.min(1, Math.round((date + actors + statements + topics) * 100) / 100);
}
