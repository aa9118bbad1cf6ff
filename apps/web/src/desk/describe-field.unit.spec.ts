import { describeField } from './describe-field';
import { emptyValues } from './form-values';
import type { DevelopmentFormValues } from './form-values';

const values: DevelopmentFormValues = {
  ...emptyValues(),
  occurredOn: '2025-12-14',
  title: 'Berlin talks',
  topics: ['peace-plan', 'sanctions'],
  actors: [
    { name: 'Rustem Umerov', id: 'rustem-umerov', affiliation: 'ukraine' },
    { name: 'Kushner', id: '', affiliation: '' },
  ],
  statements: [
    {
      actor: 'rustem-umerov',
      topic: 'peace-plan',
      stance: 'support',
      quote: 'Productive',
      summary: 'Some progress',
    },
    { actor: 'Kushner', topic: 'sanctions', stance: '', quote: '', summary: '' },
  ],
  source: { name: 'Die Zeit', url: 'https://example.org/a', publishedAt: '' },
};

describe('describeField', () => {
  it('puts each field in one line', () => {
    expect(describeField(values, 'title')).toBe('Berlin talks');
    expect(describeField(values, 'occurredUntil')).toBe('2025-12-14 (one day)');
    expect(describeField(values, 'topics')).toBe('peace-plan, sanctions');
    expect(describeField(values, 'actors')).toBe('Rustem Umerov (rustem-umerov, ukraine); Kushner');
    expect(describeField(values, 'statements')).toBe(
      'rustem-umerov: support on peace-plan — “Productive” Some progress; Kushner: no stance on sanctions',
    );
    expect(describeField(values, 'source')).toBe('Die Zeit · https://example.org/a');
  });

  it('shows a dash for an empty field', () => {
    const empty = { ...emptyValues(), occurredOn: '2025-12-14', title: 'T' };
    for (const field of ['body', 'location', 'topics', 'actors', 'statements', 'source'] as const) {
      expect(describeField(empty, field)).toBe('—');
    }
  });
});
