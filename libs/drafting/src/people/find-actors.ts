import type { Vocabulary } from '../draft';
import { contextOf, plainGap, type Context, type Found } from './actor-context';
import { LOCATIVE_PREPOSITIONS } from './lexicon';
import {
  cyrillicDemonyms,
  knownPhrases,
  laterSurnames,
  outermost,
  resolveRun,
  runsOf,
} from './resolve-names';
import { SPEECH_VERBS } from './speech';
import { withoutQualifiers } from './title-qualifiers';

export interface ActorMention {
  id: string;
  name: string;
  start: number;
  end: number;
  new: boolean;
  affiliation?: string;
}

/**
 * Actors named in text[span.start, span.end), canonical ids through the vocabulary
 * (aliases, merges, surnames alone, Cyrillic); unknown people proposed with slugged ids
 * (new: true); titles and roles name the person; places stand for a party only if the
 * vocabulary has that alias.
 *
 * A title's qualifier ("Putin's aide Yuri Ushakov", "US President Donald Trump", "Boris
 * Pistorius, Germany's defence minister") describes the person named and gives their
 * affiliation when the vocabulary has none; it is not a mention of its own. A party named
 * after "in" or "at" is where something happened, not who did it.
 */
export function findActors(
  text: string,
  span: { start: number; end: number },
  vocabulary: Vocabulary,
): ActorMention[] {
  const context = contextOf(text, span, vocabulary);
  const found = [...knownPhrases(context), ...cyrillicDemonyms(context)];
  for (const run of runsOf(context)) found.push(...resolveRun(context, run));
  found.push(...laterSurnames(context));
  return withoutQualifiers(context, outermost(found))
    .filter((f) => !isLocation(context, f))
    .flatMap((f) => mentionOf(context, f));
}

/** "in Moscow", "at the Kremlin": where it happened. "У Кремлі заявили" still speaks. */
function isLocation(context: Context, found: Found): boolean {
  if (found.person) return false;
  const { tokens } = context;
  let k = found.first - 1;
  if (k >= 0 && tokens[k].lower === 'the' && plainGap(tokens[k + 1])) k -= 1;
  if (k < 0 || !LOCATIVE_PREPOSITIONS.has(tokens[k].lower) || !plainGap(tokens[k + 1])) {
    return false;
  }
  for (let j = found.last; j < Math.min(found.last + 2, tokens.length); j++) {
    if (SPEECH_VERBS.has(tokens[j].lower)) return false;
  }
  return true;
}

function mentionOf(context: Context, found: Found): ActorMention[] {
  const start = context.tokens[found.first].start;
  const end = context.tokens[found.last - 1].end;
  const target = found.target;
  if (target.kind === 'new') {
    return [
      {
        id: target.id,
        name: target.name,
        start,
        end,
        new: true,
        ...(found.affiliation !== undefined && { affiliation: found.affiliation }),
      },
    ];
  }
  const actor = target.actor;
  if (!actor) return [];
  const affiliation = actor.affiliation ?? found.affiliation;
  return [
    {
      id: actor.id,
      name: actor.name,
      start,
      end,
      new: false,
      ...(affiliation != null && { affiliation }),
    },
  ];
}
