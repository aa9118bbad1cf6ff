import { segmentText } from '../text';
import { placeEvents, UNPLACED_REASONS } from './place-events';

const PUBLISHED = '2025-12-22';

function place(text: string, publishedOn = PUBLISHED) {
  const { events, unplaced } = placeEvents(text, segmentText(text), publishedOn);
  return {
    events: events.map((event) => ({
      on: event.date.until ? `${event.date.on}..${event.date.until}` : event.date.on,
      sentences: event.sentences.map(({ start, end }) => text.slice(start, end)),
    })),
    unplaced: unplaced.map(({ start, end, reason }) => ({ text: text.slice(start, end), reason })),
  };
}

describe('placeEvents', () => {
  it('starts an event at each dated sentence and joins the undated ones after it', () => {
    const text =
      'On December 3 the envoys met in Geneva. They agreed to meet again. ' +
      'On December 5, the ministers spoke by phone. The call lasted an hour.';
    expect(place(text).events).toEqual([
      {
        on: '2025-12-03',
        sentences: ['On December 3 the envoys met in Geneva.', 'They agreed to meet again.'],
      },
      {
        on: '2025-12-05',
        sentences: ['On December 5, the ministers spoke by phone.', 'The call lasted an hour.'],
      },
    ]);
  });

  it('makes "on the same day" a second event of that day', () => {
    const text =
      'December 2 the president spoke in Dublin. On the same day in Rome, the envoy met the pope. ' +
      'An aide said no deal was reached.';
    expect(place(text).events).toEqual([
      { on: '2025-12-02', sentences: ['December 2 the president spoke in Dublin.'] },
      {
        on: '2025-12-02',
        sentences: [
          'On the same day in Rome, the envoy met the pope.',
          'An aide said no deal was reached.',
        ],
      },
    ]);
  });

  it('does the same in Ukrainian and Russian', () => {
    expect(
      place(
        '2 грудня президент виступив у Дубліні. Того ж дня в Римі посланець зустрівся з папою.',
      ).events.map(({ on }) => on),
    ).toEqual(['2025-12-02', '2025-12-02']);
    expect(
      place(
        '2 декабря президент выступил в Дублине. В тот же день в Риме посланник встретился с папой.',
      ).events.map(({ on }) => on),
    ).toEqual(['2025-12-02', '2025-12-02']);
  });

  it('keeps a sentence that repeats the day inside it in the same event', () => {
    const text =
      'On December 9, the talks resumed. The minister said on December 9 that they went well.';
    expect(place(text).events).toHaveLength(1);
  });

  it('starts a new event at a different day inside a sentence', () => {
    const text =
      'On December 9, the talks resumed. The minister said on December 10 that they went well.';
    expect(place(text).events.map(({ on }) => on)).toEqual(['2025-12-09', '2025-12-10']);
  });

  it('keeps a look back to an earlier day inside a sentence in the same event', () => {
    const text =
      'On December 9, the minister presented the plan. The draft, agreed on November 30, has 20 points.';
    expect(place(text).events.map(({ on, sentences }) => [on, sentences.length])).toEqual([
      ['2025-12-09', 2],
    ]);
  });

  it('makes the same day in two paragraphs two events', () => {
    const text =
      'On December 9, the talks resumed.\nOn December 9, the ministers also spoke by phone.';
    expect(place(text).events.map(({ on }) => on)).toEqual(['2025-12-09', '2025-12-09']);
  });

  it('goes on into a paragraph that opens as a continuation, and not into others', () => {
    const text =
      'On December 5, the minister spoke to reporters.\n' +
      '“We are close to a deal,” he said.\n' +
      '– Anna Berg\n' +
      'The weather in the capital was cold.';
    const { events, unplaced } = place(text);
    expect(events).toEqual([
      {
        on: '2025-12-05',
        sentences: [
          'On December 5, the minister spoke to reporters.',
          '“We are close to a deal,” he said.',
          '– Anna Berg',
        ],
      },
    ]);
    expect(unplaced).toEqual([
      { text: 'The weather in the capital was cold.', reason: UNPLACED_REASONS.undated },
    ]);
  });

  it('makes the undated sentences before any date the lead, and leaves headings unplaced', () => {
    const text =
      'The minister says the war will not end soon. He spoke to a newspaper.\n' +
      'Latest news on the talks\n' +
      'On December 7, the groups discussed borders.';
    const { events, unplaced } = place(text);
    expect(events).toEqual([
      {
        on: PUBLISHED,
        sentences: ['The minister says the war will not end soon.', 'He spoke to a newspaper.'],
      },
      { on: '2025-12-07', sentences: ['On December 7, the groups discussed borders.'] },
    ]);
    expect(unplaced).toEqual([
      { text: 'Latest news on the talks', reason: UNPLACED_REASONS.heading },
    ]);
  });

  it('dates the paragraphs under a heading that is only a date', () => {
    const text = 'December 4\nThe envoys met in Geneva.\nThe ministers spoke by phone.';
    expect(place(text).events).toEqual([
      { on: '2025-12-04', sentences: ['The envoys met in Geneva.'] },
      { on: '2025-12-04', sentences: ['The ministers spoke by phone.'] },
    ]);
  });

  it('takes a first line with the day of publication, or a time, as the dateline', () => {
    for (const dateline of ['22 грудня 2025, 14:35', 'December 22, 2025']) {
      const { events, unplaced } = place(`${dateline}\nThe minister spoke to a newspaper.`);
      expect(events).toEqual([
        { on: PUBLISHED, sentences: ['The minister spoke to a newspaper.'] },
      ]);
      expect(unplaced).toEqual([{ text: dateline, reason: UNPLACED_REASONS.dateline }]);
    }
  });

  it('dates a lead that opens with a wire dateline', () => {
    const text = 'KYIV, Dec 20 (Reuters) - The minister spoke to a newspaper. He was firm.';
    expect(place(text).events).toEqual([
      {
        on: '2025-12-20',
        sentences: ['KYIV, Dec 20 (Reuters) - The minister spoke to a newspaper.', 'He was firm.'],
      },
    ]);
  });

  it('leaves a paragraph that recalls the background unplaced', () => {
    const text =
      'On December 9, the talks resumed.\nНагадаємо, 24 лютого 2022 року почалася війна. Вона триває.';
    const { events, unplaced } = place(text);
    expect(events.map(({ on }) => on)).toEqual(['2025-12-09']);
    expect(unplaced).toEqual([
      {
        text: 'Нагадаємо, 24 лютого 2022 року почалася війна. Вона триває.',
        reason: UNPLACED_REASONS.background,
      },
    ]);
  });

  it('ignores dates inside quotations', () => {
    const text = '“We will meet again on December 2,” the envoy said.';
    expect(place(text).events).toEqual([{ on: PUBLISHED, sentences: [text] }]);
  });

  it('leaves a plan unplaced with its reason', () => {
    const { events, unplaced } = place('The talks will resume on December 28.');
    expect(events).toEqual([]);
    expect(unplaced[0].reason).toBe(UNPLACED_REASONS.planned);
  });

  it('resolves weekdays and yesterday against publication, and the next day against the date before', () => {
    const text =
      'On Friday, the envoys met in Geneva. The next day they flew home.\n' +
      'Yesterday the minister spoke to reporters.';
    expect(place(text).events.map(({ on }) => on)).toEqual([
      '2025-12-19',
      '2025-12-20',
      '2025-12-21',
    ]);
  });

  it('splits a period and the days after it', () => {
    const text = '14–15 грудня в Берліні тривали переговори. Наступного дня делегація повернулася.';
    expect(place(text).events.map(({ on }) => on)).toEqual([
      '2025-12-14..2025-12-15',
      '2025-12-16',
    ]);
  });
});

describe('placeEvents: the undated lead', () => {
  /** The events with their spans and date kinds, as placeEvents gives them. */
  function spans(text: string) {
    return placeEvents(text, segmentText(text), PUBLISHED).events.map((event) => ({
      on: event.date.on,
      kind: event.date.kind,
      start: event.start,
      end: event.end,
    }));
  }

  it.each([
    [
      'English',
      'The defence minister says the war will not end soon. He spoke to a weekly paper.\n' +
        '“They want to split the alliance,” he said.',
      'On December 20, the envoys met in Geneva.',
    ],
    [
      'Ukrainian',
      'Міністр оборони вважає, що війна не закінчиться найближчим часом. Він дав інтерв’ю тижневику.\n' +
        '«Вони хочуть розколоти альянс», – сказав він.',
      '20 грудня посли зустрілися в Женеві.',
    ],
  ])(
    'makes an undated lead of two paragraphs (%s) one event of the day of publication, ending where the first date starts',
    (_, lead, dated) => {
      const text = `${lead}\n${dated}`;
      const [first, second, ...rest] = spans(text);
      expect(rest).toEqual([]);
      expect(first).toEqual({ on: PUBLISHED, kind: 'lead', start: 0, end: lead.length });
      expect(second).toMatchObject({ on: '2025-12-20', start: lead.length + 1 });
      expect(text.slice(first.end, second.start)).toBe('\n');
    },
  );

  it('ends the lead at the first dated sentence of its paragraph', () => {
    const text = 'The envoys talked for hours. On December 20, they met in Geneva.';
    expect(place(text).events).toEqual([
      { on: PUBLISHED, sentences: ['The envoys talked for hours.'] },
      { on: '2025-12-20', sentences: ['On December 20, they met in Geneva.'] },
    ]);
  });

  it('leaves a headline before the lead unplaced', () => {
    const text =
      'Envoys see no end to the war\n' +
      'The envoys talked for hours. They found no common ground.\n' +
      'On December 20, the ministers spoke by phone.';
    const { events, unplaced } = place(text);
    expect(events).toEqual([
      {
        on: PUBLISHED,
        sentences: ['The envoys talked for hours.', 'They found no common ground.'],
      },
      { on: '2025-12-20', sentences: ['On December 20, the ministers spoke by phone.'] },
    ]);
    expect(unplaced).toEqual([
      { text: 'Envoys see no end to the war', reason: UNPLACED_REASONS.heading },
    ]);
  });

  it('leaves a dateline unplaced and takes the paragraphs after it for the lead', () => {
    const text =
      '22 грудня 2025, 14:35\n' +
      'Посли провели кілька годин за столом переговорів.\n' +
      'Вони не дійшли згоди.\n' +
      '20 грудня міністри поговорили телефоном.';
    const { events, unplaced } = place(text);
    expect(events).toEqual([
      {
        on: PUBLISHED,
        sentences: ['Посли провели кілька годин за столом переговорів.', 'Вони не дійшли згоди.'],
      },
      { on: '2025-12-20', sentences: ['20 грудня міністри поговорили телефоном.'] },
    ]);
    expect(unplaced).toEqual([
      { text: '22 грудня 2025, 14:35', reason: UNPLACED_REASONS.dateline },
    ]);
  });

  it.each([
    [
      'The envoys will meet in Geneva on December 28. They will discuss the plan.',
      'On December 20, the ministers spoke by phone.',
    ],
    [
      'Завтра посли зустрінуться в Женеві. Вони обговорять план.',
      '20 грудня міністри поговорили телефоном.',
    ],
  ])('leaves a lead that speaks of the future unplaced: %s', (plan, dated) => {
    const { events, unplaced } = place(`${plan}\n${dated}`);
    expect(events).toEqual([{ on: '2025-12-20', sentences: [dated] }]);
    expect(unplaced).toEqual([{ text: plan, reason: UNPLACED_REASONS.planned }]);
  });

  it('takes the paragraph after a plan for the lead, and leaves a plan inside the lead out of it', () => {
    const text =
      'The talks will resume on December 28.\n' +
      'The minister spoke to a newspaper. A new round will start on December 29. He was firm.';
    const { events, unplaced } = place(text);
    expect(events).toEqual([
      { on: PUBLISHED, sentences: ['The minister spoke to a newspaper.', 'He was firm.'] },
    ]);
    expect(unplaced).toEqual([
      { text: 'The talks will resume on December 28.', reason: UNPLACED_REASONS.planned },
      { text: 'A new round will start on December 29.', reason: UNPLACED_REASONS.planned },
    ]);
  });

  it('ends the lead at a heading after it', () => {
    const text =
      'The minister spoke to a newspaper.\n' +
      'Earlier talks\n' +
      'The envoys met in Geneva.\n' +
      'On December 20, the ministers spoke by phone.';
    const { events, unplaced } = place(text);
    expect(events).toEqual([
      { on: PUBLISHED, sentences: ['The minister spoke to a newspaper.'] },
      { on: '2025-12-20', sentences: ['On December 20, the ministers spoke by phone.'] },
    ]);
    expect(unplaced).toEqual([
      { text: 'Earlier talks', reason: UNPLACED_REASONS.heading },
      { text: 'The envoys met in Geneva.', reason: UNPLACED_REASONS.undated },
    ]);
  });

  it('leaves an undated paragraph after a dated event unplaced when it does not go on with it', () => {
    const text =
      'On December 20, the ministers spoke by phone.\n' +
      'The envoys talked for hours.\n' +
      'Вони не дійшли згоди.';
    const { events, unplaced } = place(text);
    expect(events).toEqual([
      {
        on: '2025-12-20',
        sentences: ['On December 20, the ministers spoke by phone.'],
      },
    ]);
    expect(unplaced).toEqual([
      { text: 'The envoys talked for hours.', reason: UNPLACED_REASONS.undated },
      { text: 'Вони не дійшли згоди.', reason: UNPLACED_REASONS.undated },
    ]);
  });
});

describe('placeEvents: a lead that sums up a period', () => {
  it.each([
    'Diplomats spent the past week travelling between capitals.',
    'In recent weeks, the delegations met in three cities.',
    'Останніми тижнями делегації зустрічалися у трьох містах.',
    'За последние дни делегации встречались трижды.',
  ])('leaves "%s" unplaced as a summary, and the dated event after it is drafted', (lead) => {
    const text = `${lead}\n\nOn December 2, the envoys met in Geneva.`;
    const { events, unplaced } = placeEvents(text, segmentText(text), '2025-12-22');
    expect(events.map((event) => event.date.on)).toEqual(['2025-12-02']);
    expect(unplaced).toEqual([{ start: 0, end: lead.length, reason: UNPLACED_REASONS.summary }]);
  });
});
