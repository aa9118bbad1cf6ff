import { draftsAnswerSchema, validateDevelopment } from '@app/contracts';
import type { Vocabulary } from './draft';
import { draftArticle, warmUpDrafting } from './draft-article';

const VOCABULARY: Vocabulary = {
  actors: [
    { id: 'anna-berg', name: 'Anna Berg', aliases: ['Анна Берг'] },
    { id: 'marta-olsen', name: 'Marta Olsen', aliases: ['Марта Ольсен'] },
  ],
  topics: ['ceasefire', 'prisoner-exchange'],
};

const periodOf = ({ occurredOn, occurredUntil }: { occurredOn: string; occurredUntil?: string }) =>
  occurredUntil ? `${occurredOn}..${occurredUntil}` : occurredOn;

function expectValid(answer: ReturnType<typeof draftArticle>): void {
  expect(draftsAnswerSchema.safeParse(answer).success).toBe(true);
  for (const { development } of answer.drafts) {
    expect(validateDevelopment(development)).toEqual({ ok: true, value: development });
  }
}

describe('draftArticle over an English article', () => {
  const text = [
    'Northland’s foreign minister Anna Berg says a ceasefire is within reach.',
    'Talks at a glance',
    'November 3 in Oslo, envoys of Northland and Southland met for the first time. They agreed on an agenda.',
    'On the same day in Vienna, the monitoring mission published its report.',
    'In the night of November 9, drones struck the port of Belmar. Two warehouses burned.',
    'November 12–13 in Geneva, the delegations discussed prisoner exchanges. Berg said the talks were “difficult but useful.”',
    'The previous round, on December 28, ended without a result.',
    'On Monday, President Marta Olsen rejected the proposal.',
    'Yesterday Berg flew to Brussels.',
  ].join('\n');
  // A Wednesday.
  const answer = draftArticle({ text, publishedOn: '2025-11-19' }, VOCABULARY);

  it('drafts the undated lead on the day of publication, then each dated event with its date or period', () => {
    expect(answer.drafts.map(({ development }) => periodOf(development))).toEqual([
      '2025-11-19',
      '2025-11-03',
      '2025-11-03',
      '2025-11-09',
      '2025-11-12..2025-11-13',
      '2024-12-28',
      '2025-11-17',
      '2025-11-18',
    ]);
  });

  it('drafts the lead from its sentence, and leaves the heading unplaced', () => {
    expect(answer.drafts[0].development.title).toBe(
      'Northland’s foreign minister Anna Berg says a ceasefire is within reach',
    );
    expect(answer.unplaced).toEqual([
      {
        start: text.indexOf('Talks'),
        end: text.indexOf('Talks') + 'Talks at a glance'.length,
        text: 'Talks at a glance',
        reason: 'a heading, not an event',
      },
    ]);
  });

  it('titles each draft from its sentence, without the date', () => {
    expect(answer.drafts[3].development.title).toBe('Drones struck the port of Belmar');
    expect(answer.drafts[4].development.location).toBe('Geneva');
  });

  it('names the known actors of a draft', () => {
    expect(answer.drafts[0].development.actors?.map(({ id }) => id)).toContain('anna-berg');
    const ids = answer.drafts[6].development.actors?.map(({ id }) => id);
    expect(ids).toContain('marta-olsen');
  });

  it('posts every draft as it stands', () => {
    expectValid(answer);
  });
});

describe('draftArticle over a Ukrainian article', () => {
  const text = [
    'Міністерка закордонних справ Північної країни Анна Берг вважає, що перемир’я можливе.',
    'Хронологія переговорів',
    '2 грудня в Осло делегації провели першу зустріч. Вони погодили порядок денний.',
    'Того ж дня у Відні місія спостерігачів оприлюднила звіт.',
    'У ніч на 6 грудня дрони атакували порт. Згоріли два склади.',
    '14–15 грудня в Женеві делегації обговорили обмін полоненими.',
    'У понеділок президентка Марта Ольсен відхилила пропозицію.',
    'Вчора Берг вилетіла до Брюсселя.',
  ].join('\n');
  // A Monday.
  const answer = draftArticle({ text, publishedOn: '2025-12-22' }, VOCABULARY);

  it('drafts the undated lead on the day of publication, then each dated event with its date or period', () => {
    expect(answer.drafts.map(({ development }) => periodOf(development))).toEqual([
      '2025-12-22',
      '2025-12-02',
      '2025-12-02',
      '2025-12-06',
      '2025-12-14..2025-12-15',
      '2025-12-22',
      '2025-12-21',
    ]);
  });

  it('titles each draft from its sentence, without the date', () => {
    expect(answer.drafts.map(({ development }) => development.title)).toEqual([
      'Міністерка закордонних справ Північної країни Анна Берг вважає, що перемир’я можливе',
      'В Осло делегації провели першу зустріч',
      'У Відні місія спостерігачів оприлюднила звіт',
      'Дрони атакували порт',
      'В Женеві делегації обговорили обмін полоненими',
      'Президентка Марта Ольсен відхилила пропозицію',
      'Берг вилетіла до Брюсселя',
    ]);
  });

  it('posts every draft as it stands', () => {
    expectValid(answer);
  });
});

describe.each([
  {
    language: 'English',
    headline: 'Berg sees a ceasefire within reach',
    dateline: 'December 22, 2025',
    lead: [
      'Foreign minister Anna Berg says a ceasefire is within reach.',
      'She spoke to reporters in Oslo.',
    ],
    dated: [
      'On December 18 in Oslo, Anna Berg said a ceasefire was within reach.',
      'The next day in Vienna, Anna Berg said a ceasefire was within reach.',
      'Yesterday in Geneva, Anna Berg said a ceasefire was within reach.',
    ],
    unrelated: 'The weather in Oslo was cold.',
    plan: 'Anna Berg will meet the envoys in Oslo on December 28. They will discuss a ceasefire.',
  },
  {
    language: 'Ukrainian',
    headline: 'Берг вважає перемир’я близьким',
    dateline: '22 грудня 2025, 14:35',
    lead: [
      'Міністерка закордонних справ Анна Берг вважає, що перемир’я можливе.',
      'Вона поспілкувалася з журналістами в Осло.',
    ],
    dated: [
      '18 грудня Анна Берг заявила в Осло, що перемир’я можливе.',
      'Наступного дня Анна Берг заявила у Відні, що перемир’я можливе.',
      'Вчора Анна Берг заявила в Женеві, що перемир’я можливе.',
    ],
    unrelated: 'В Осло було холодно.',
    plan: 'Завтра Анна Берг зустрінеться з послами в Осло. Вони обговорять перемир’я.',
  },
])('draftArticle: the undated lead of an article in $language', (fixture) => {
  const publishedOn = '2025-12-22';
  const draft = (lines: readonly string[]) =>
    draftArticle({ text: lines.join('\n'), publishedOn }, VOCABULARY);
  const leadText = fixture.lead.join('\n');
  const lines = [fixture.headline, ...fixture.lead, ...fixture.dated, fixture.unrelated];
  const text = lines.join('\n');
  const answer = draft(lines);
  const [lead, ...dated] = answer.drafts;

  it('drafts the lead paragraphs as one development of the day of publication, ending where the first date starts', () => {
    const leadStart = text.indexOf(leadText);
    expect(answer.drafts.map(({ development }) => development.occurredOn)).toEqual([
      publishedOn,
      '2025-12-18',
      '2025-12-19',
      '2025-12-21',
    ]);
    expect(lead.development.body).toBe(leadText);
    const body = lead.evidence.find(({ path }) => path === 'development.body');
    expect(body).toEqual({
      path: 'development.body',
      start: leadStart,
      end: text.indexOf(fixture.dated[0]) - 1,
    });
    const title = lead.evidence.find(({ path }) => path === 'development.title');
    expect(title && text.slice(title.start, title.end)).toBe(fixture.lead[0]);
  });

  it('leaves the headline, and an undated paragraph after a dated event, unplaced', () => {
    expect(answer.unplaced.map(({ text: passage, reason }) => [passage, reason])).toEqual([
      [fixture.headline, 'a heading, not an event'],
      [fixture.unrelated, 'no date to place it on'],
    ]);
  });

  it('gives no evidence for the date of the lead', () => {
    expect(lead.evidence.map(({ path }) => path)).not.toContain('development.occurredOn');
    for (const draftOfADay of dated) {
      expect(draftOfADay.evidence.map(({ path }) => path)).toContain('development.occurredOn');
    }
  });

  it('is less sure of the lead than of any dated draft with the same actors', () => {
    const actorsOf = ({ development }: (typeof answer.drafts)[number]) =>
      development.actors?.map(({ id }) => id) ?? [];
    expect(actorsOf(lead)).toEqual(['anna-berg']);
    for (const draftOfADay of dated) {
      expect(actorsOf(draftOfADay)).toEqual(actorsOf(lead));
      expect(lead.confidence).toBeLessThan(draftOfADay.confidence);
    }
  });

  it('posts the lead as it stands', () => {
    expect(validateDevelopment(lead.development)).toEqual({ ok: true, value: lead.development });
    expectValid(answer);
  });

  it('leaves a dateline unplaced and drafts the lead after it', () => {
    const withDateline = draft([fixture.dateline, ...fixture.lead, fixture.dated[0]]);
    expect(withDateline.unplaced.map(({ text: passage, reason }) => [passage, reason])).toEqual([
      [fixture.dateline, 'the article’s dateline'],
    ]);
    expect(
      withDateline.drafts.map(({ development }) => [development.occurredOn, development.body]),
    ).toEqual([
      [publishedOn, leadText],
      ['2025-12-18', fixture.dated[0]],
    ]);
    expectValid(withDateline);
  });

  it('leaves a lead that speaks of the future unplaced', () => {
    const planned = draft([fixture.plan, fixture.dated[0]]);
    expect(planned.unplaced.map(({ text: passage, reason }) => [passage, reason])).toEqual([
      [fixture.plan, 'its date is after publication: a plan or an announcement, not an event'],
    ]);
    expect(planned.drafts.map(({ development }) => development.occurredOn)).toEqual(['2025-12-18']);
  });
});

describe('draftArticle on awkward text', () => {
  it.each([
    ['nothing', ''],
    ['white space', '  \n\n  '],
    ['a NUL and a lone surrogate', 'On December 2 the envoy \u0000 spoke \ud800 twice.'],
    ['one very long sentence', `On December 2 the envoy${' spoke'.repeat(5000)}.`],
    ['an unclosed quotation', `${'“'.repeat(500)} December 2`],
    ['punctuation alone', '.\n?!\n– –'],
  ])('stays valid with %s', (_, text) => {
    expectValid(draftArticle({ text, publishedOn: '2025-12-22' }, VOCABULARY));
  });

  it('can be warmed up before the first article', () => {
    expect(() => warmUpDrafting()).not.toThrow();
  });
});
