import type { DevelopmentInput } from '@app/client';
import { buildInput, emptyStatementRow, emptyValues } from '../form-values';
import { missingStances, statementRowOf, valuesOfInput } from './draft-form-values';

const input: DevelopmentInput = {
  occurredOn: '2025-12-14',
  occurredUntil: '2025-12-15',
  title: 'Talks in Berlin on the ceasefire',
  body: 'The delegations met for two days in Berlin.',
  topics: ['ceasefire'],
  actors: [
    { id: 'rustem-umerov', name: 'Rustem Umerov', affiliation: 'ukraine' },
    { name: 'Steve Witkoff' },
  ],
  statements: [
    { actor: 'rustem-umerov', topic: 'ceasefire', stance: 'support', quote: 'Progress' },
  ],
  source: { name: 'Kyiv Herald', url: 'https://example.org/berlin' },
};

describe('valuesOfInput', () => {
  it('fills the development form with a draft, which builds back to the same input', () => {
    const values = valuesOfInput(input);
    expect(values.actors[1]).toEqual({ name: 'Steve Witkoff', id: '', affiliation: '' });
    expect(values.statements[0]).toEqual({
      actor: 'rustem-umerov',
      topic: 'ceasefire',
      stance: 'support',
      quote: 'Progress',
      summary: '',
    });
    expect(buildInput(values).input).toEqual(input);
  });

  it('leaves Until empty for one day, and gives the source’s moment in the reader’s zone', () => {
    const values = valuesOfInput({
      occurredOn: '2025-12-02',
      occurredUntil: '2025-12-02',
      title: 'Talks',
      source: { publishedAt: '2025-12-02T10:00:00Z' },
    });
    expect(values.occurredUntil).toBe('');
    expect(values.topics).toEqual([]);
    expect(buildInput(values).input).toEqual({
      occurredOn: '2025-12-02',
      title: 'Talks',
      source: { publishedAt: '2025-12-02T10:00:00Z' },
    });
  });
});

describe('statementRowOf', () => {
  it('is a row of the form, its stance left to pick when none was suggested', () => {
    expect(statementRowOf({ actor: 'a', topic: 't', summary: 'said so' })).toEqual({
      actor: 'a',
      topic: 't',
      stance: '',
      quote: '',
      summary: 'said so',
    });
    expect(statementRowOf({ actor: 'a', topic: 't', stance: 'oppose' }).stance).toBe('oppose');
  });
});

describe('missingStances', () => {
  it('names the statements that still need a stance, not the empty rows', () => {
    const values = {
      ...emptyValues(),
      statements: [
        { ...emptyStatementRow(), actor: 'a', topic: 't', stance: 'support' as const },
        { ...emptyStatementRow(), actor: 'b', topic: 't' },
        emptyStatementRow(),
      ],
    };
    expect(missingStances(values)).toEqual([
      { field: 'statements[1].stance', message: 'Choose a stance.' },
    ]);
  });
});
