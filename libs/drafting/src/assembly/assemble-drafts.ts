import {
  ActorInput,
  DevelopmentInput,
  isIdSlug,
  sourceSchema,
  Stance,
  StatementInput,
  TOPIC_SLUG,
  validateDevelopment,
} from '@app/contracts';
import type {
  Article,
  Draft,
  DraftEvidence,
  DraftsAnswer,
  SuggestedStatement,
  Vocabulary,
} from '../draft';
import { segmentText, TextSpan } from '../text';
import { draftConfidence } from './confidence';
import { clampText, LIMITS } from './limits';
import { placeAfterDate } from './location';
import { PlacedEvent, placeEvents } from './place-events';
import { buildTitle } from './title';

/** The shapes of libs/drafting/src/people's findings, as drafting uses them. */
export interface ActorFinding extends TextSpan {
  id: string;
  name: string;
  new: boolean;
  affiliation?: string;
}

export interface TopicFinding extends TextSpan {
  topic: string;
}

export interface StatementFinding extends TextSpan {
  actor: string;
  topic: string;
  stance?: Stance;
  quote?: string;
  summary?: string;
  quoteStart?: number;
  quoteEnd?: number;
}

/** Who finds actors, topics and statements in a span of the text. */
export interface DraftingDependencies {
  findActors(text: string, span: TextSpan, vocabulary: Vocabulary): ActorFinding[];
  findTopics(text: string, span: TextSpan, vocabulary: Vocabulary): TopicFinding[];
  findStatements(
    text: string,
    span: TextSpan,
    actors: readonly ActorFinding[],
    topics: readonly TopicFinding[],
    vocabulary: Vocabulary,
  ): StatementFinding[];
}

export const INVALID_DRAFT_REASON = 'its development would not be valid input';

/** One draft per dated event of the article; the undated passages come back unplaced. */
export function assembleDrafts(
  article: Article,
  vocabulary: Vocabulary,
  dependencies: DraftingDependencies,
): DraftsAnswer {
  const { text } = article;
  const { events, unplaced } = placeEvents(text, segmentText(text), article.publishedOn);
  const source =
    article.source && sourceSchema.safeParse(article.source).success ? article.source : undefined;
  const drafts: Draft[] = [];
  const passages = unplaced.map(({ start, end, reason }) => ({ start, end, reason }));
  for (const event of events) {
    const draft = draftEvent(text, event, source, vocabulary, dependencies);
    if (draft) drafts.push(draft);
    else passages.push({ start: event.start, end: event.end, reason: INVALID_DRAFT_REASON });
  }
  return {
    text,
    drafts,
    unplaced: passages
      .sort((a, b) => a.start - b.start)
      .map((passage) => ({ ...passage, text: text.slice(passage.start, passage.end) })),
  };
}

function draftEvent(
  text: string,
  event: PlacedEvent,
  source: Article['source'],
  vocabulary: Vocabulary,
  dependencies: DraftingDependencies,
): Draft | null {
  const span: TextSpan = { start: event.start, end: event.end };
  const { date } = event;
  const main = event.sentences[0];
  const evidence: DraftEvidence[] = [];
  const cite = (path: string, from: TextSpan, extra?: { new: true }) =>
    evidence.push({ path, start: from.start, end: from.end, ...extra });

  const development: DevelopmentInput = {
    occurredOn: date.on,
    title: clampText(buildTitle(text, main, event.dayMentions), LIMITS.title),
  };
  // A lead's date is not in the text: nothing to point at.
  if (date.kind !== 'lead') cite('development.occurredOn', date);
  if (date.until) {
    development.occurredUntil = date.until;
    cite('development.occurredUntil', date);
  }
  cite('development.title', main);

  const body = clampText(bodyOf(text, event), LIMITS.body);
  if (body !== '') {
    development.body = body;
    cite('development.body', span);
  }
  const place =
    main.start <= date.start && date.end <= main.end && placeAfterDate(text, date, main);
  if (place) {
    development.location = clampText(place.name, LIMITS.location);
    cite('development.location', place);
  }

  const actorFindings = dependencies.findActors(text, span, vocabulary);
  const actors: ActorInput[] = [];
  let knownActors = 0;
  for (const finding of actorFindings) {
    if (actors.length >= LIMITS.actors) break;
    if (!isActorId(finding.id) || actors.some((actor) => actor.id === finding.id)) continue;
    const name = clampText(finding.name, LIMITS.actorName);
    if (name === '') continue;
    const actor: ActorInput = { id: finding.id, name };
    if (finding.affiliation !== undefined && isActorId(finding.affiliation)) {
      actor.affiliation = finding.affiliation;
    }
    cite(`development.actors.${actors.length}`, finding, finding.new ? { new: true } : undefined);
    actors.push(actor);
    if (!finding.new) knownActors++;
  }

  const topicFindings = dependencies.findTopics(text, span, vocabulary);
  const topics: string[] = [];
  for (const finding of topicFindings) {
    if (topics.length >= LIMITS.topics) break;
    if (!isTopic(finding.topic) || topics.includes(finding.topic)) continue;
    cite(`development.topics.${topics.length}`, finding);
    topics.push(finding.topic);
  }

  const findings = dependencies.findStatements(
    text,
    span,
    actorFindings,
    topicFindings,
    vocabulary,
  );
  const suggestedStatements: SuggestedStatement[] = [];
  const statements: StatementInput[] = [];
  for (const finding of findings) {
    const suggestion = toSuggestion(finding);
    if (!suggestion) continue;
    const path = `suggestedStatements.${suggestedStatements.length}`;
    cite(path, finding);
    if (finding.quoteStart !== undefined && finding.quoteEnd !== undefined && suggestion.quote) {
      cite(`${path}.quote`, { start: finding.quoteStart, end: finding.quoteEnd });
    }
    if (suggestion.stance) cite(`${path}.stance`, finding);
    suggestedStatements.push(suggestion);

    const { stance, ...said } = suggestion;
    if (
      stance === undefined ||
      statements.length >= LIMITS.statements ||
      !isTopic(suggestion.topic) ||
      !actors.some((actor) => actor.id === suggestion.actor)
    ) {
      continue;
    }
    if (!topics.includes(suggestion.topic) && topics.length < LIMITS.topics) {
      cite(`development.topics.${topics.length}`, finding);
      topics.push(suggestion.topic);
    }
    cite(`development.statements.${statements.length}`, finding);
    statements.push({ ...said, stance });
  }

  if (topics.length > 0) development.topics = topics;
  if (actors.length > 0) development.actors = actors;
  if (statements.length > 0) development.statements = statements;
  if (source) development.source = source;

  const valid = ensureValid(development, evidence);
  if (!valid) return null;
  return {
    development: valid,
    suggestedStatements,
    evidence,
    confidence: draftConfidence({
      dateKind: date.kind,
      actors: actors.length,
      knownActors,
      statements: findings.length,
      topics: topics.length,
    }),
  };
}

/** The event's sentences as the text has them, a line apart where a paragraph ends. */
function bodyOf(text: string, event: PlacedEvent): string {
  const paragraphs: (TextSpan & { paragraph: number })[] = [];
  for (const sentence of event.sentences) {
    const last = paragraphs.at(-1);
    if (last?.paragraph === sentence.paragraph) last.end = sentence.end;
    else
      paragraphs.push({ start: sentence.start, end: sentence.end, paragraph: sentence.paragraph });
  }
  return paragraphs.map(({ start, end }) => text.slice(start, end)).join('\n');
}

function toSuggestion(finding: StatementFinding): SuggestedStatement | null {
  const actor = finding.actor.trim();
  const topic = finding.topic.trim();
  if (actor === '' || topic === '') return null;
  const suggestion: SuggestedStatement = { actor, topic };
  if (finding.stance) suggestion.stance = finding.stance;
  const quote = finding.quote && clampText(finding.quote, LIMITS.quote);
  if (quote) suggestion.quote = quote;
  const summary = finding.summary && clampText(finding.summary, LIMITS.summary);
  if (summary) suggestion.summary = summary;
  return suggestion;
}

function isActorId(value: string): boolean {
  return value.length <= LIMITS.id && isIdSlug(value);
}

function isTopic(value: string): boolean {
  return value.length <= LIMITS.topic && TOPIC_SLUG.test(value);
}

const OPTIONAL_FIELDS = [
  'occurredUntil',
  'body',
  'location',
  'topics',
  'statements',
  'actors',
  'source',
] as const;

/**
 * The development as it validates, dropping (with their evidence) the optional fields the
 * validator still finds fault with; null when the date or title themselves fail.
 */
function ensureValid(
  development: DevelopmentInput,
  evidence: DraftEvidence[],
): DevelopmentInput | null {
  for (let attempt = 0; attempt <= OPTIONAL_FIELDS.length; attempt++) {
    const result = validateDevelopment(development);
    if (result.ok) return development;
    const faulty = new Set(result.details.map((detail) => detail.path.split(/[.[]/u)[0]));
    const droppable = OPTIONAL_FIELDS.filter((field) => faulty.has(field));
    if (droppable.length === 0) return null;
    for (const field of droppable) {
      delete development[field];
      if (field === 'actors') delete development.statements;
      for (let index = evidence.length - 1; index >= 0; index--) {
        const path = evidence[index].path;
        if (
          path.startsWith(`development.${field}`) ||
          (field === 'actors' && path.startsWith('development.statements'))
        ) {
          evidence.splice(index, 1);
        }
      }
    }
  }
  return null;
}
