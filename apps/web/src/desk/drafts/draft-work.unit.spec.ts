import type { DevelopmentInput, Draft, SuggestedStatement } from '@app/client';
import {
  addSuggestedStatement,
  confidenceText,
  draftItems,
  isNewActor,
  isRecorded,
  isSuggestionAdded,
  newActorIndexes,
  postResultOf,
  postSummary,
  readyToPost,
} from './draft-work';
import type { DraftItem } from './draft-work';

const development = (title: string): DevelopmentInput => ({
  occurredOn: '2025-12-15',
  title,
  topics: ['ceasefire'],
  actors: [
    { id: 'kaja-kallas', name: 'Kaja Kallas' },
    { id: 'andrii-sybiha', name: 'Andrii Sybiha', affiliation: 'ukraine' },
  ],
});

const aDraft = (title: string, changes: Partial<Draft> = {}): Draft => ({
  development: development(title),
  suggestedStatements: [],
  evidence: [],
  confidence: 0.8,
  ...changes,
});

let keys = 0;
const newKey = () => `key-${++keys}`;

const suggestion: SuggestedStatement = {
  actor: 'kaja-kallas',
  topic: 'sanctions',
  stance: 'support',
  quote: 'The next package is ready',
};

beforeEach(() => (keys = 0));

describe('draftItems', () => {
  it('gives each draft a key of its own, unconfirmed, to be posted as proposed', () => {
    const items = draftItems([aDraft('Talks in Brussels'), aDraft('Talks in Kyiv')], [], newKey);
    expect(items.map((item) => [item.idempotencyKey, item.confirmed, item.posting])).toEqual([
      ['key-1', false, false],
      ['key-2', false, false],
    ]);
    expect(items[0]!.development).toEqual(development('Talks in Brussels'));
    expect(items[0]!.development).not.toBe(items[0]!.proposed.development);
  });

  it('keeps the key, confirmation, edits and result of a draft proposed again unchanged', () => {
    const first = draftItems([aDraft('Talks in Brussels'), aDraft('Talks in Kyiv')], [], newKey);
    first[1]!.confirmed = true;
    first[1]!.development = { ...first[1]!.development, location: 'Kyiv' };
    first[1]!.result = { kind: 'recorded', message: 'Recorded.', developmentId: 'd-1' };
    const again = draftItems(
      [aDraft('Talks in Kyiv', { confidence: 0.9 }), aDraft('Talks in Lviv')],
      first,
      newKey,
    );
    expect(again[0]).toMatchObject({
      idempotencyKey: 'key-2',
      confirmed: true,
      development: { location: 'Kyiv' },
      result: { kind: 'recorded' },
      proposed: { confidence: 0.9 },
    });
    expect(again[1]!.idempotencyKey).toBe('key-3');
  });

  it('keeps each earlier item for one draft only', () => {
    const first = draftItems([aDraft('Same')], [], newKey);
    const again = draftItems([aDraft('Same'), aDraft('Same')], first, newKey);
    expect(again.map((item) => item.idempotencyKey)).toEqual(['key-1', 'key-2']);
  });
});

describe('readyToPost', () => {
  it('is the confirmed drafts not on their way, recorded ones included (they come back as duplicates)', () => {
    const items = draftItems(
      ['A', 'B', 'C', 'D'].map((title) => aDraft(title)),
      [],
      newKey,
    );
    items[0]!.confirmed = true;
    items[1]!.confirmed = true;
    items[1]!.result = { kind: 'recorded', message: 'Recorded.' };
    items[2]!.confirmed = true;
    items[2]!.posting = true;
    expect(readyToPost(items)).toEqual([0, 1]);
    expect(readyToPost([])).toEqual([]);
  });
});

describe('isRecorded', () => {
  it('is true after a 202 or a 200, not after a refusal', () => {
    const [item] = draftItems([aDraft('A')], [], newKey) as [DraftItem];
    expect(isRecorded(item)).toBe(false);
    expect(isRecorded({ ...item, result: { kind: 'duplicate', message: '' } })).toBe(true);
    expect(isRecorded({ ...item, result: { kind: 'recorded', message: '' } })).toBe(true);
    expect(isRecorded({ ...item, result: { kind: 'failed', message: '' } })).toBe(false);
  });
});

describe('addSuggestedStatement', () => {
  it('adds the statement with its suggested stance, and its topic to the topics', () => {
    const before = development('Kallas in Kyiv');
    const after = addSuggestedStatement(before, suggestion);
    expect(after.statements).toEqual([
      {
        actor: 'kaja-kallas',
        topic: 'sanctions',
        stance: 'support',
        quote: 'The next package is ready',
      },
    ]);
    expect(after.topics).toEqual(['ceasefire', 'sanctions']);
    expect(before.statements).toBeUndefined();
    expect(isSuggestionAdded(after, suggestion)).toBe(true);
  });

  it('takes the stance the person chose over the suggested one', () => {
    const after = addSuggestedStatement(development('A'), suggestion, 'conditional');
    expect(after.statements?.[0]?.stance).toBe('conditional');
  });

  it('adds nothing without a stance, or when the statement is there already', () => {
    const withoutStance: SuggestedStatement = {
      actor: 'andrii-sybiha',
      topic: 'ceasefire',
      summary: 'Kyiv is ready to talk about a ceasefire in the air',
    };
    const before = development('A');
    expect(addSuggestedStatement(before, withoutStance)).toBe(before);
    const once = addSuggestedStatement(before, suggestion);
    expect(addSuggestedStatement(once, suggestion, 'oppose')).toBe(once);
    expect(addSuggestedStatement(before, withoutStance, 'neutral').statements).toEqual([
      { ...withoutStance, stance: 'neutral' },
    ]);
  });

  it('keeps the statements the development had', () => {
    const before: DevelopmentInput = {
      ...development('A'),
      statements: [{ actor: 'andrii-sybiha', topic: 'ceasefire', stance: 'oppose' }],
    };
    expect(addSuggestedStatement(before, suggestion).statements).toHaveLength(2);
    expect(addSuggestedStatement(before, suggestion).topics).toEqual(['ceasefire', 'sanctions']);
  });
});

describe('new actors', () => {
  it('are the actors whose evidence says new', () => {
    const draft = aDraft('A', {
      evidence: [
        { path: 'development.occurredOn', start: 0, end: 9 },
        { path: 'development.actors.0', start: 10, end: 16 },
        { path: 'development.actors.1', start: 21, end: 27, new: true },
        { path: 'development.actors.1', start: 40, end: 46, new: true },
      ],
    });
    expect([...newActorIndexes(draft)]).toEqual([1]);
    const [item] = draftItems([draft], [], newKey) as [DraftItem];
    expect(isNewActor(item, 'andrii-sybiha')).toBe(true);
    expect(isNewActor(item, 'kaja-kallas')).toBe(false);
    expect(isNewActor(item, undefined)).toBe(false);
  });
});

describe('postResultOf', () => {
  it('tells a new record from a repeat', () => {
    const ids = { developmentId: 'd-1', eventId: 'e-1', sequence: 7 };
    expect(postResultOf(202, { ...ids, duplicate: false })).toEqual({
      kind: 'recorded',
      message: 'Recorded.',
      developmentId: 'd-1',
    });
    expect(postResultOf(200, { ...ids, duplicate: true })).toMatchObject({
      kind: 'duplicate',
      developmentId: 'd-1',
      message: expect.stringMatching(/nothing new/),
    });
  });

  it('keeps the details of a 400, and asks to sign in on 401 and 403', () => {
    const details = [{ path: 'statements[0].stance', message: 'must be one of …' }];
    expect(postResultOf(400, { error: 'validation_failed', message: 'x', details })).toEqual({
      kind: 'invalid',
      message: expect.any(String),
      details,
    });
    expect(postResultOf(401, { error: 'unauthorized', message: 'expired' }).kind).toBe(
      'unauthorized',
    );
    expect(postResultOf(403, {}).kind).toBe('unauthorized');
    expect(postResultOf(503, { message: 'The log is unreachable.' })).toEqual({
      kind: 'failed',
      message: expect.stringMatching(/503: The log is unreachable.*safe/),
    });
  });
});

describe('postSummary', () => {
  it('counts what became of each post', () => {
    expect(
      postSummary([
        { kind: 'recorded', message: '' },
        { kind: 'recorded', message: '' },
        { kind: 'duplicate', message: '' },
        { kind: 'invalid', message: '', details: [] },
      ]),
    ).toBe('2 recorded, 1 recorded already (nothing new written), 1 to fix.');
    expect(postSummary([{ kind: 'failed', message: '' }])).toBe('1 not recorded.');
    expect(postSummary([])).toMatch(/confirm/);
  });
});

describe('confidenceText', () => {
  it('is a percentage', () => {
    expect(confidenceText(0.724)).toBe('72%');
    expect(confidenceText(1)).toBe('100%');
    expect(confidenceText(-1)).toBe('0%');
  });
});
