import { draftsAnswerSchema, validateDevelopment } from '@app/contracts';
import type { Vocabulary } from '../draft';
import { TextSpan } from '../text';
import {
  ActorFinding,
  assembleDrafts,
  DraftingDependencies,
  StatementFinding,
  TopicFinding,
} from './assemble-drafts';

const VOCABULARY: Vocabulary = {
  actors: [
    { id: 'anna-berg', name: 'Anna Berg', aliases: ['Berg'] },
    { id: 'northland', name: 'Northland', aliases: [] },
  ],
  topics: ['ceasefire', 'peace-plan'],
};

/** Stand-ins for the people finders: every known name, alias or capitalised pair in the span. */
function occurrences(text: string, span: TextSpan, word: string): TextSpan[] {
  const found: TextSpan[] = [];
  let index = text.indexOf(word, span.start);
  while (index >= 0 && index + word.length <= span.end) {
    found.push({ start: index, end: index + word.length });
    index = text.indexOf(word, index + word.length);
  }
  return found;
}

const standIns: DraftingDependencies = {
  findActors(text, span, vocabulary) {
    const found: ActorFinding[] = [];
    for (const actor of vocabulary.actors) {
      for (const name of [actor.name, ...actor.aliases]) {
        for (const at of occurrences(text, span, name)) {
          found.push({ ...at, id: actor.id, name: actor.name, new: false });
        }
      }
    }
    for (const match of text.slice(span.start, span.end).matchAll(/Envoy (\p{Lu}\p{L}+)/gu)) {
      const start = span.start + match.index + 6;
      found.push({
        start,
        end: start + match[1].length,
        id: match[1].toLowerCase(),
        name: match[1],
        new: true,
      });
    }
    return found.sort((a, b) => a.start - b.start);
  },
  findTopics(text, span) {
    const found: TopicFinding[] = [];
    for (const at of occurrences(text, span, 'ceasefire'))
      found.push({ ...at, topic: 'ceasefire' });
    return found;
  },
  findStatements(text, span, actors) {
    const found: StatementFinding[] = [];
    for (const at of occurrences(text, span, 'rejected the ceasefire')) {
      const actor = actors.find((mention) => mention.end <= at.start);
      if (actor) found.push({ ...at, actor: actor.id, topic: 'ceasefire', stance: 'oppose' });
    }
    for (const match of text.slice(span.start, span.end).matchAll(/“([^”]+)”/gu)) {
      const start = span.start + match.index;
      const actor = actors.at(-1);
      if (!actor) continue;
      found.push({
        start,
        end: start + match[0].length,
        quoteStart: start + 1,
        quoteEnd: start + match[0].length - 1,
        actor: actor.id,
        topic: 'peace-plan',
        quote: match[1],
      });
    }
    return found;
  },
};

const ARTICLE = {
  publishedOn: '2025-12-22',
  text:
    'The war goes on, officials say.\n' +
    'On December 3 in Geneva, Anna Berg met Envoy Castell. Berg rejected the ceasefire.\n' +
    'On December 5, Northland said: “We want a plan.”\n' +
    'Yesterday Envoy Castell flew home.\n' +
    'The weather was cold.',
};

describe('assembleDrafts', () => {
  const answer = assembleDrafts(ARTICLE, VOCABULARY, standIns);
  const [lead, geneva, northland, yesterday] = answer.drafts;

  it('answers in the drafts schema, with the text the offsets point into', () => {
    expect(draftsAnswerSchema.safeParse(answer).success).toBe(true);
    expect(answer.text).toBe(ARTICLE.text);
  });

  it('drafts the undated lead and each dated event, and leaves the rest unplaced with a reason', () => {
    expect(answer.drafts.map(({ development }) => development.occurredOn)).toEqual([
      '2025-12-22',
      '2025-12-03',
      '2025-12-05',
      '2025-12-21',
    ]);
    const start = ARTICLE.text.indexOf('The weather');
    expect(answer.unplaced).toEqual([
      {
        start,
        end: ARTICLE.text.length,
        text: 'The weather was cold.',
        reason: 'no date to place it on',
      },
    ]);
  });

  it('drafts the lead from its sentences, dated the day of publication', () => {
    expect(lead.development).toEqual({
      occurredOn: '2025-12-22',
      title: 'The war goes on, officials say',
      body: 'The war goes on, officials say.',
    });
  });

  it('builds title, body, location and actors from the sentences', () => {
    expect(geneva.development).toMatchObject({
      title: 'In Geneva, Anna Berg met Envoy Castell',
      body: 'On December 3 in Geneva, Anna Berg met Envoy Castell. Berg rejected the ceasefire.',
      location: 'Geneva',
      actors: [
        { id: 'anna-berg', name: 'Anna Berg' },
        { id: 'castell', name: 'Castell' },
      ],
      topics: ['ceasefire'],
      statements: [{ actor: 'anna-berg', topic: 'ceasefire', stance: 'oppose' }],
    });
  });

  it('gives evidence for every field, pointing at the text', () => {
    const cited = (path: string) => {
      const evidence = geneva.evidence.find((item) => item.path === path);
      return (
        evidence && { text: ARTICLE.text.slice(evidence.start, evidence.end), new: evidence.new }
      );
    };
    expect(cited('development.occurredOn')).toEqual({ text: 'December 3', new: undefined });
    expect(cited('development.title')?.text).toBe(
      'On December 3 in Geneva, Anna Berg met Envoy Castell.',
    );
    expect(cited('development.location')?.text).toBe('Geneva');
    expect(cited('development.actors.0')?.text).toBe('Anna Berg');
    expect(cited('development.actors.1')).toEqual({ text: 'Castell', new: true });
    expect(cited('development.topics.0')?.text).toBe('ceasefire');
    expect(cited('development.statements.0')?.text).toBe('rejected the ceasefire');
    expect(cited('suggestedStatements.0.stance')?.text).toBe('rejected the ceasefire');
  });

  it('gives no evidence for the date of the lead, which the text does not state', () => {
    expect(lead.evidence.map(({ path, start, end }) => [path, start, end])).toEqual([
      ['development.title', 0, 31],
      ['development.body', 0, 31],
    ]);
  });

  it('keeps statements without a stance as suggestions only', () => {
    expect(northland.development.statements).toBeUndefined();
    expect(northland.suggestedStatements).toEqual([
      { actor: 'northland', topic: 'peace-plan', quote: 'We want a plan.' },
    ]);
    const quote = northland.evidence.find(({ path }) => path === 'suggestedStatements.0.quote');
    expect(quote && ARTICLE.text.slice(quote.start, quote.end)).toBe('We want a plan.');
  });

  it('is surer of a stated day with known actors than of a relative day with new ones', () => {
    expect(geneva.confidence).toBe(0.88);
    expect(yesterday.confidence).toBe(0.35);
  });

  it('is least sure of the undated lead', () => {
    expect(lead.confidence).toBe(0.15);
  });

  it('takes the source from the article', () => {
    const source = { name: 'Daily', url: 'https://example.org/a' };
    const { drafts } = assembleDrafts({ ...ARTICLE, source }, VOCABULARY, standIns);
    expect(drafts.map(({ development }) => development.source)).toEqual(drafts.map(() => source));
    expect(answer.drafts.map(({ development }) => development.source)).toEqual(
      answer.drafts.map(() => undefined),
    );
  });
});

describe('assembleDrafts keeps every development valid', () => {
  const many = (count: number, make: (index: number) => string) =>
    Array.from({ length: count }, (_, index) => make(index));

  const unruly: DraftingDependencies = {
    findActors: (_text, span) => [
      ...many(60, (index) => `actor-${index}`).map((id) => ({ ...span, id, name: id, new: true })),
      { ...span, id: 'Not A Slug', name: 'Not a slug', new: true },
      { ...span, id: 'blank', name: '   ', new: true },
      {
        ...span,
        id: 'long-name',
        name: 'x'.repeat(500),
        new: false,
        affiliation: 'Bad Affiliation',
      },
    ],
    findTopics: (_text, span) => [
      ...many(25, (index) => `topic-${index}`).map((topic) => ({ ...span, topic })),
      { ...span, topic: 'Not a Topic' },
    ],
    findStatements: (_text, span) => [
      { ...span, actor: 'actor-0', topic: 'topic-0', stance: 'support', quote: 'q'.repeat(3000) },
      { ...span, actor: 'somebody-else', topic: 'topic-0', stance: 'oppose' },
      { ...span, actor: 'actor-1', topic: 'Bad Topic', stance: 'neutral' },
      { ...span, actor: 'actor-2', topic: 'new-topic', stance: 'conditional', summary: ' ' },
      { ...span, actor: '', topic: 'topic-0' },
    ],
  };

  const sentence = `On December 3 ${'the envoys talked and talked '.repeat(900)}.`;
  const answer = assembleDrafts(
    { text: `${sentence}\nYesterday they rested.`, publishedOn: '2025-12-22' },
    VOCABULARY,
    unruly,
  );

  it('passes validateDevelopment for every draft', () => {
    expect(answer.drafts).toHaveLength(2);
    for (const draft of answer.drafts) {
      expect(validateDevelopment(draft.development)).toEqual({
        ok: true,
        value: draft.development,
      });
    }
    expect(draftsAnswerSchema.safeParse(answer).success).toBe(true);
  });

  it('clamps lengths and counts, and keeps only statements of its own actors', () => {
    const { development, suggestedStatements } = answer.drafts[0];
    expect(Array.from(development.body ?? '').length).toBeLessThanOrEqual(20_000);
    expect(development.actors).toHaveLength(50);
    expect(development.topics).toHaveLength(20);
    expect(development.statements?.map(({ actor }) => actor)).toEqual(['actor-0', 'actor-2']);
    expect(development.statements?.[0].quote).toHaveLength(2000);
    expect(development.statements?.[1].summary).toBeUndefined();
    expect(suggestedStatements).toHaveLength(4);
  });
});
