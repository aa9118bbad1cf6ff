import { findDates, resolveAnaphoricDate } from './find-dates';

/** A Monday. */
const PUBLISHED = '2025-12-22';

const datesIn = (sentence: string, publishedOn = PUBLISHED) =>
  findDates(sentence, { start: 0, end: sentence.length }, publishedOn).map((mention) => ({
    text: sentence.slice(mention.start, mention.end),
    on: mention.on,
    ...(mention.until ? { until: mention.until } : {}),
    ...(mention.planned ? { planned: true } : {}),
  }));

const daysIn = (sentence: string, publishedOn = PUBLISHED) =>
  datesIn(sentence, publishedOn).map(({ on, until }) => (until ? `${on}..${until}` : on));

describe('findDates: a day of a month', () => {
  it.each([
    ['December 2 the envoy spoke in Dublin.', '2025-12-02'],
    ['On Dec. 2, the envoy spoke.', '2025-12-02'],
    ['On 2 December the envoy spoke.', '2025-12-02'],
    ['The envoy spoke on December 2nd.', '2025-12-02'],
    ['2 грудня посланець виступив у Дубліні.', '2025-12-02'],
    ['Посланець виступив 2 грудня.', '2025-12-02'],
    ['2 декабря посланник выступил в Дублине.', '2025-12-02'],
    ['11 листопада делегації зустрілися.', '2025-11-11'],
    ['11 ноября делегации встретились.', '2025-11-11'],
  ])('%j -> %s', (sentence, day) => {
    expect(daysIn(sentence)).toEqual([day]);
  });

  it('gives the offsets of the date itself', () => {
    expect(datesIn('Talks ended on December 9, officials said.')).toEqual([
      { text: 'December 9', on: '2025-12-09' },
    ]);
    expect(datesIn('Переговори завершилися 9 грудня, повідомили посадовці.')).toEqual([
      { text: '9 грудня', on: '2025-12-09' },
    ]);
  });

  it('takes the year when it is stated', () => {
    expect(daysIn('On December 2, 2024, the envoy spoke.')).toEqual(['2024-12-02']);
    expect(daysIn('2 грудня 2024 року посланець виступив.')).toEqual(['2024-12-02']);
    expect(daysIn('2 декабря 2024 года посланник выступил.')).toEqual(['2024-12-02']);
    expect(daysIn('The deal was signed on 2024-03-05.')).toEqual(['2024-03-05']);
    expect(daysIn('Угоду підписали 05.03.2024.')).toEqual(['2024-03-05']);
  });
});

describe('findDates: the year of a day without one', () => {
  it('is the year of publication when the day is not later in the year', () => {
    expect(daysIn('On December 22 the envoy spoke.')).toEqual(['2025-12-22']);
    expect(daysIn('On January 5 the envoy spoke.', '2026-01-10')).toEqual(['2026-01-05']);
  });

  it('is the year before when the day comes later in the year than publication', () => {
    expect(daysIn('On December 28 the envoy spoke.')).toEqual(['2024-12-28']);
    expect(daysIn('On December 30 the envoy spoke.', '2026-01-10')).toEqual(['2025-12-30']);
    expect(daysIn('30 грудня посланець виступив.', '2026-01-10')).toEqual(['2025-12-30']);
    expect(daysIn('30 декабря посланник выступил.', '2026-01-10')).toEqual(['2025-12-30']);
  });

  it('is nothing for a day that does not exist', () => {
    expect(daysIn('On February 30 the envoy spoke.')).toEqual([]);
  });

  it('is a plan, not an event, when the sentence speaks of the future', () => {
    expect(datesIn('The talks will resume on December 28.')).toEqual([
      { text: 'December 28', on: '2025-12-28', planned: true },
    ]);
    expect(datesIn('Переговори відбудуться 28 грудня.')).toEqual([
      { text: '28 грудня', on: '2025-12-28', planned: true },
    ]);
    expect(datesIn('The summit is set for March 3, 2026.')[0]).toMatchObject({ planned: true });
  });
});

describe('findDates: periods', () => {
  it.each([
    ['December 14–15 in Berlin, the delegations met.', '2025-12-14..2025-12-15'],
    ['December 14-15 in Berlin, the delegations met.', '2025-12-14..2025-12-15'],
    ['On 14–15 December the delegations met.', '2025-12-14..2025-12-15'],
    ['From December 14 to 15 the delegations met.', '2025-12-14..2025-12-15'],
    ['November 30 – December 2, the delegations met.', '2025-11-30..2025-12-02'],
    ['14–15 грудня в Берліні делегації зустрілися.', '2025-12-14..2025-12-15'],
    ['З 14 по 15 грудня делегації зустрілися.', '2025-12-14..2025-12-15'],
    ['14–15 декабря в Берлине делегации встретились.', '2025-12-14..2025-12-15'],
  ])('%j -> %s', (sentence, period) => {
    expect(daysIn(sentence)).toEqual([period]);
  });

  it('runs into the next year when the last day comes before the first', () => {
    expect(daysIn('December 30 – January 2, the delegations met.', '2026-01-10')).toEqual([
      '2025-12-30..2026-01-02',
    ]);
  });
});

describe('findDates: the night of a day is dated the day named', () => {
  it.each([
    ['In the night of December 6, drones attacked the port.'],
    ['Overnight into December 6, drones attacked the port.'],
    ['У ніч на 6 грудня дрони атакували порт.'],
    ['В ночь на 6 декабря дроны атаковали порт.'],
    ['В ночь с 5 на 6 декабря дроны атаковали порт.'],
  ])('%j -> 2025-12-06', (sentence) => {
    expect(daysIn(sentence)).toEqual(['2025-12-06']);
  });
});

describe('findDates: days counted from publication', () => {
  it.each([
    ['Yesterday the envoy spoke.', '2025-12-21'],
    ['The envoy spoke last night.', '2025-12-21'],
    ['Three days ago the envoy spoke.', '2025-12-19'],
    ['Вчора посланець виступив.', '2025-12-21'],
    ['Учора посланець виступив.', '2025-12-21'],
    ['Позавчора посланець виступив.', '2025-12-20'],
    ['Три дні тому посланець виступив.', '2025-12-19'],
    ['Вчера посланник выступил.', '2025-12-21'],
    ['Today the envoy spoke.', '2025-12-22'],
    ['Сьогодні посланець виступив.', '2025-12-22'],
  ])('%j -> %s', (sentence, day) => {
    expect(daysIn(sentence)).toEqual([day]);
  });

  it.each([
    ['On Monday the envoy spoke.', '2025-12-22'],
    ['On Friday the envoy spoke.', '2025-12-19'],
    ['On Tuesday the envoy spoke.', '2025-12-16'],
    ['Last Monday the envoy spoke.', '2025-12-15'],
    ['У понеділок посланець виступив.', '2025-12-22'],
    ['У середу посланець виступив.', '2025-12-17'],
    ['У п’ятницю посланець виступив.', '2025-12-19'],
    ['У пʼятницю посланець виступив.', '2025-12-19'],
    ['В среду посланник выступил.', '2025-12-17'],
    ['В пятницу посланник выступил.', '2025-12-19'],
  ])('a weekday is the latest on or before publication: %j -> %s', (sentence, day) => {
    expect(daysIn(sentence)).toEqual([day]);
  });

  it('never resolves after publication', () => {
    expect(datesIn('Tomorrow the envoy will speak.')).toEqual([
      { text: 'Tomorrow', on: '2025-12-23', planned: true },
    ]);
    expect(daysIn('On Wednesday the envoy spoke.', '2025-12-22')).toEqual(['2025-12-17']);
  });
});

describe('findDates: what is not the date of an event', () => {
  it.each([
    'The 2022 invasion changed everything.',
    'The plan has 20 points, not 28.',
    'It was the 13th or 15th violation.',
    'In December the talks stalled.',
    'Last week the talks stalled.',
    'Two years ago the talks stalled.',
    'Now the talks have stalled.',
    'At 10:00 the talks stalled.',
    'The hotline works 24/7.',
    'Understood, the 40-year-old minister said.',
    'У 2022 році переговори зупинилися.',
    'У грудні переговори зупинилися.',
    'Понад 15 берлінців вийшли на вулиці.',
    'Зустріч відбулася у Берліні.',
    'Выделено 1.5 млн евро.',
    'В декабре переговоры остановились.',
  ])('%j has none', (sentence) => {
    expect(datesIn(sentence)).toEqual([]);
  });
});

describe('findDates: days counted from the date before', () => {
  it.each([
    ['On the same day, the envoy spoke.', 0],
    ['Later that day the envoy spoke.', 0],
    ['Того ж дня посланець виступив.', 0],
    ['В тот же день посланник выступил.', 0],
    ['The next day the envoy spoke.', 1],
    ['Наступного дня посланець виступив.', 1],
    ['На следующий день посланник выступил.', 1],
    ['Two days later the envoy spoke.', 2],
    ['A day earlier the envoy spoke.', -1],
  ])('%j counts %i days', (sentence, shift) => {
    const [mention] = findDates(sentence, { start: 0, end: sentence.length }, PUBLISHED);
    expect(mention).toMatchObject({ kind: 'anaphoric', shift });
    expect(resolveAnaphoricDate(mention, { on: '2025-12-09' }, PUBLISHED).on).toBe(
      ['2025-12-08', '2025-12-09', '2025-12-10', '2025-12-11'][shift + 1],
    );
  });

  it('counts forward from the end of a period', () => {
    const [mention] = findDates('The next day', { start: 0, end: 12 }, PUBLISHED);
    expect(
      resolveAnaphoricDate(mention, { on: '2025-12-14', until: '2025-12-15' }, PUBLISHED).on,
    ).toBe('2025-12-16');
  });
});
