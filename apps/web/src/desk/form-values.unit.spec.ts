import { aDevelopment } from '../testing/development-fixture';
import {
  buildInput,
  emptyStatementRow,
  emptyValues,
  isoToLocalInput,
  localInputToIso,
  valuesOfDevelopment,
} from './form-values';
import type { DevelopmentFormValues } from './form-values';

const filled = (changes: Partial<DevelopmentFormValues>): DevelopmentFormValues => ({
  ...emptyValues(),
  occurredOn: '2025-12-14',
  title: 'Berlin talks',
  ...changes,
});

describe('buildInput', () => {
  it('leaves out what is empty, and wholly empty rows', () => {
    const { input, rows } = buildInput(filled({}));
    expect(input).toEqual({ occurredOn: '2025-12-14', title: 'Berlin talks' });
    expect(rows).toEqual({ topics: [], actors: [], statements: [] });
  });

  it('builds every field of the contract, trimming one-line fields only', () => {
    const { input } = buildInput(
      filled({
        occurredUntil: '2025-12-15',
        title: '  Berlin talks ',
        body: ' The delegations met.\n',
        location: ' Berlin ',
        topics: ['peace-plan', ' security-guarantees '],
        actors: [
          { name: 'Volodymyr Zelensky', id: '', affiliation: 'ukraine' },
          { name: 'United States', id: 'usa', affiliation: '' },
        ],
        statements: [
          {
            actor: 'Rustem Umerov',
            topic: 'peace-plan',
            stance: 'support',
            quote: 'The conversation was productive',
            summary: '',
          },
        ],
        source: { name: 'Die Zeit', url: ' https://example.org/a ', publishedAt: '' },
      }),
    );
    expect(input).toEqual({
      occurredOn: '2025-12-14',
      occurredUntil: '2025-12-15',
      title: 'Berlin talks',
      body: ' The delegations met.\n',
      location: 'Berlin',
      topics: ['peace-plan', 'security-guarantees'],
      actors: [
        { name: 'Volodymyr Zelensky', affiliation: 'ukraine' },
        { name: 'United States', id: 'usa' },
      ],
      statements: [
        {
          actor: 'Rustem Umerov',
          topic: 'peace-plan',
          stance: 'support',
          quote: 'The conversation was productive',
        },
      ],
      source: { name: 'Die Zeit', url: 'https://example.org/a' },
    });
  });

  it('says which form row each item sent came from', () => {
    const { input, rows } = buildInput(
      filled({
        topics: ['', 'peace-plan', '  ', 'sanctions'],
        actors: [
          { name: '', id: '', affiliation: '' },
          { name: 'Umerov', id: '', affiliation: '' },
        ],
        statements: [
          emptyStatementRow(),
          { ...emptyStatementRow(), stance: 'oppose' },
          { ...emptyStatementRow(), actor: 'Umerov', topic: 'peace-plan' },
        ],
      }),
    );
    expect(input.topics).toEqual(['peace-plan', 'sanctions']);
    expect(rows).toEqual({ topics: [1, 3], actors: [1], statements: [2] });
  });

  it('sends a statement without a stance as it is, for the API to name', () => {
    const { input } = buildInput(
      filled({ statements: [{ ...emptyStatementRow(), actor: 'Umerov', topic: 'peace-plan' }] }),
    );
    expect(input.statements).toEqual([{ actor: 'Umerov', topic: 'peace-plan', stance: '' }]);
  });

  it('sends the moment of publication in UTC', () => {
    const local = isoToLocalInput('2025-12-16T08:00:00Z');
    const { input } = buildInput(filled({ source: { name: '', url: '', publishedAt: local } }));
    expect(input.source).toEqual({ publishedAt: '2025-12-16T08:00:00Z' });
  });
});

describe('moments of publication', () => {
  it('go to the datetime-local form and back, whatever the time zone', () => {
    for (const iso of ['2025-12-16T08:00:00Z', '2025-03-30T01:30:15Z', '2025-10-26T00:59:59Z']) {
      const local = isoToLocalInput(iso);
      expect(local).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
      expect(localInputToIso(local)).toBe(iso);
    }
    expect(localInputToIso(isoToLocalInput('2025-12-16T10:00:00+02:00'))).toBe(
      '2025-12-16T08:00:00Z',
    );
  });

  it('are left as they are when they cannot be read', () => {
    expect(isoToLocalInput('soon')).toBe('');
    expect(localInputToIso('16.12.2025')).toBe('16.12.2025');
  });
});

describe('valuesOfDevelopment', () => {
  const development = aDevelopment({
    developmentId: 'd-1',
    occurredOn: '2025-12-14',
    occurredUntil: '2025-12-14',
    title: 'Berlin talks',
    topics: ['peace-plan'],
    actors: [
      { id: 'usa', name: 'United States' },
      { id: 'rustem-umerov', name: 'Rustem Umerov', affiliation: 'ukraine' },
    ],
    statements: [{ actor: 'rustem-umerov', topic: 'peace-plan', stance: 'support', quote: 'Yes' }],
    source: { name: 'Die Zeit' },
  });

  it('fills the form, leaving Until empty for one day', () => {
    expect(valuesOfDevelopment(development)).toEqual({
      occurredOn: '2025-12-14',
      occurredUntil: '',
      title: 'Berlin talks',
      body: '',
      location: '',
      topics: ['peace-plan'],
      actors: [
        { name: 'United States', id: 'usa', affiliation: '' },
        { name: 'Rustem Umerov', id: 'rustem-umerov', affiliation: 'ukraine' },
      ],
      statements: [
        {
          actor: 'rustem-umerov',
          topic: 'peace-plan',
          stance: 'support',
          quote: 'Yes',
          summary: '',
        },
      ],
      source: { name: 'Die Zeit', url: '', publishedAt: '' },
    });
  });

  it('keeps the last day of a period', () => {
    expect(valuesOfDevelopment({ ...development, occurredUntil: '2025-12-15' }).occurredUntil).toBe(
      '2025-12-15',
    );
  });

  it('gives back the development as input', () => {
    const { input } = buildInput(valuesOfDevelopment(development));
    expect(input).toEqual({
      occurredOn: '2025-12-14',
      title: 'Berlin talks',
      topics: ['peace-plan'],
      actors: [
        { name: 'United States', id: 'usa' },
        { name: 'Rustem Umerov', id: 'rustem-umerov', affiliation: 'ukraine' },
      ],
      statements: [
        { actor: 'rustem-umerov', topic: 'peace-plan', stance: 'support', quote: 'Yes' },
      ],
      source: { name: 'Die Zeit' },
    });
  });
});
