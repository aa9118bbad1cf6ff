import { aDevelopment } from '../testing/development-fixture';
import { correctionOf, differingFields, rebaseEdit } from './form-diff';
import { valuesOfDevelopment } from './form-values';
import type { DevelopmentFormValues } from './form-values';

const development = aDevelopment({
  developmentId: 'd-1',
  occurredOn: '2025-12-14',
  occurredUntil: '2025-12-14',
  title: 'Berlin talks',
  body: 'The delegations met.',
  location: 'Berlin',
  topics: ['peace-plan'],
  actors: [{ id: 'rustem-umerov', name: 'Rustem Umerov' }],
  statements: [{ actor: 'rustem-umerov', topic: 'peace-plan', stance: 'support' }],
  source: { name: 'Die Zeit', publishedAt: '2025-12-16T08:00:00Z' },
});
const base = valuesOfDevelopment(development);
const edited = (change: (values: DevelopmentFormValues) => void) => {
  const values = structuredClone(base);
  change(values);
  return values;
};

describe('correctionOf', () => {
  it('is empty when nothing changed, even with empty rows added', () => {
    const values = edited((form) => {
      form.topics.push('');
      form.actors.push({ name: '', id: '', affiliation: '' });
    });
    expect(correctionOf(base, values).changes).toEqual({});
    expect(differingFields(base, values)).toEqual([]);
  });

  it('sends only the fields that changed, lists and the source whole', () => {
    const { changes } = correctionOf(
      base,
      edited((form) => {
        form.title = 'Berlin talks, day one';
        form.statements[0]!.stance = 'conditional';
        form.source.name = 'Der Spiegel';
      }),
    );
    expect(changes).toEqual({
      title: 'Berlin talks, day one',
      statements: [{ actor: 'rustem-umerov', topic: 'peace-plan', stance: 'conditional' }],
      source: { name: 'Der Spiegel', publishedAt: '2025-12-16T08:00:00Z' },
    });
  });

  it('sends cleared fields empty', () => {
    const { changes } = correctionOf(
      base,
      edited((form) => {
        form.body = '';
        form.location = ' ';
        form.topics = [];
        form.statements = [];
        form.source = { name: '', url: '', publishedAt: '' };
      }),
    );
    expect(changes).toEqual({ body: '', location: '', topics: [], statements: [], source: {} });
  });

  it('moves a one-day development without sending Until', () => {
    expect(
      correctionOf(
        base,
        edited((form) => (form.occurredOn = '2025-12-20')),
      ).changes,
    ).toEqual({ occurredOn: '2025-12-20' });
  });

  it('sends Until when a period starts, ends or changes', () => {
    expect(
      correctionOf(
        base,
        edited((form) => (form.occurredUntil = '2025-12-15')),
      ).changes,
    ).toEqual({ occurredUntil: '2025-12-15' });
    const period = valuesOfDevelopment({ ...development, occurredUntil: '2025-12-16' });
    const oneDay = structuredClone(period);
    oneDay.occurredUntil = '';
    expect(correctionOf(period, oneDay).changes).toEqual({ occurredUntil: '2025-12-14' });
  });

  it('gives the form rows of the lists it sends', () => {
    const { rows } = correctionOf(
      base,
      edited((form) => form.topics.unshift('', 'sanctions')),
    );
    expect(rows.topics).toEqual([1, 2]);
  });
});

describe('rebaseEdit', () => {
  const mine = edited((form) => {
    form.title = 'Berlin talks, day one';
    form.location = 'Berlin, Chancellery';
  });
  const theirs = valuesOfDevelopment({
    ...development,
    body: 'The delegations met for five hours.',
    location: 'Berlin-Mitte',
    revision: 2,
  });

  it("keeps the edit's fields over the newer revision, and the newer revision's others", () => {
    const rebased = rebaseEdit(mine, base, theirs);
    expect(rebased.title).toBe('Berlin talks, day one');
    expect(rebased.location).toBe('Berlin, Chancellery');
    expect(rebased.body).toBe('The delegations met for five hours.');
    expect(differingFields(theirs, rebased)).toEqual(['title', 'location']);
  });

  it('does not change what it is given', () => {
    const before = structuredClone(theirs);
    rebaseEdit(mine, base, theirs).topics.push('x');
    expect(theirs).toEqual(before);
  });
});
