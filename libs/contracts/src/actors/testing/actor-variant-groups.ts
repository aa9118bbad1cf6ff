/**
 * Real actors as outlets spell them, for judging compareActors and actorNameKeys.
 * Acceptance runs on other people than these: the rules must stay general.
 */
export interface ActorVariantGroup {
  canonical: string;
  affiliation: string;
  variants: string[];
}

/** The groups the feature was specified with. */
export const GIVEN_GROUPS: ActorVariantGroup[] = [
  {
    canonical: 'Volodymyr Zelensky',
    affiliation: 'ukraine',
    variants: [
      'Volodymyr Zelenskyy',
      'Volodymyr Zelenskiy',
      'Zelensky',
      'Володимир Зеленський',
      'Владимир Зеленский',
      'Зеленський',
    ],
  },
  {
    canonical: 'Vladimir Putin',
    affiliation: 'russia',
    variants: ['Putin', 'Владимир Путин', 'Володимир Путін', 'Vladimir Vladimirovich Putin'],
  },
  {
    canonical: 'Maroš Šefčovič',
    affiliation: 'eu',
    variants: ['Maros Sefcovic', 'Šefčovič', 'Марош Шефчович'],
  },
  {
    canonical: 'Donald Trump',
    affiliation: 'usa',
    variants: ['Trump', 'Дональд Трамп', 'Donald J. Trump'],
  },
  { canonical: 'Kremlin', affiliation: 'russia', variants: ['the Kremlin', 'Кремль'] },
  {
    canonical: 'Friedrich Merz',
    affiliation: 'germany',
    variants: ['Фрідріх Мерц', 'Фридрих Мерц'],
  },
];

/** Groups added to cover more letters and habits of transliteration. */
export const OWN_GROUPS: ActorVariantGroup[] = [
  {
    canonical: 'Rustem Umerov',
    affiliation: 'ukraine',
    variants: ['Umerov', 'Умєров', 'Рустем Умєров', 'Рустем Умеров'],
  },
  {
    canonical: 'Sergei Lavrov',
    affiliation: 'russia',
    variants: ['Sergey Lavrov', 'Lavrov', 'Сергій Лавров', 'Сергей Лавров', 'Лавров'],
  },
  {
    canonical: 'Andriy Yermak',
    affiliation: 'ukraine',
    variants: ['Andrii Yermak', 'Yermak', 'Андрій Єрмак', 'Андрей Ермак'],
  },
  {
    canonical: 'Dmitry Peskov',
    affiliation: 'russia',
    variants: ['Dmitriy Peskov', 'Peskov', 'Дмитро Пєсков', 'Дмитрий Песков'],
  },
  {
    canonical: 'Recep Tayyip Erdoğan',
    affiliation: 'turkey',
    variants: [
      'Erdogan',
      'Recep Tayyip Erdogan',
      'Tayyip Erdoğan',
      'Реджеп Тайїп Ердоган',
      'Эрдоган',
    ],
  },
  {
    canonical: 'Ursula von der Leyen',
    affiliation: 'eu',
    variants: ['von der Leyen', 'Урсула фон дер Ляйєн', 'Урсула фон дер Ляйен'],
  },
  {
    canonical: 'Steve Witkoff',
    affiliation: 'usa',
    variants: ['Witkoff', 'Стів Віткофф', 'Стив Уиткофф'],
  },
  {
    canonical: 'Emmanuel Macron',
    affiliation: 'france',
    variants: ['Macron', 'Еммануель Макрон', 'Эммануэль Макрон', 'Макрон'],
  },
  {
    canonical: 'Keir Starmer',
    affiliation: 'uk',
    variants: ['Starmer', 'Кір Стармер', 'Кир Стармер'],
  },
  {
    canonical: 'Andrii Sybiha',
    affiliation: 'ukraine',
    variants: ['Andriy Sybiha', 'Sybiha', 'Андрій Сибіга', 'Андрей Сибига'],
  },
  { canonical: 'Kaja Kallas', affiliation: 'eu', variants: ['Kallas', 'Кая Каллас'] },
  { canonical: 'the White House', affiliation: 'usa', variants: ['White House'] },
  {
    canonical: 'Marco Rubio',
    affiliation: 'usa',
    variants: ['Rubio', 'Марко Рубіо', 'Марко Рубио'],
  },
  {
    canonical: 'Keith Kellogg',
    affiliation: 'usa',
    variants: ['Kellogg', 'Кіт Келлог', 'Кит Келлог'],
  },
  {
    canonical: 'Yulia Svyrydenko',
    affiliation: 'ukraine',
    variants: ['Yuliia Svyrydenko', 'Svyrydenko', 'Юлія Свириденко', 'Юлия Свириденко'],
  },
  { canonical: 'Mark Rutte', affiliation: 'nato', variants: ['Rutte', 'Марк Рютте'] },
  { canonical: 'NATO', affiliation: 'nato', variants: ['НАТО'] },
  {
    canonical: 'Mohammed bin Salman',
    affiliation: 'saudi-arabia',
    variants: ['Muhammad bin Salman', 'Мохаммед бін Салман'],
  },
  {
    canonical: 'Kyriakos Mitsotakis',
    affiliation: 'greece',
    variants: ['Κυριάκος Μητσοτάκης', 'Mitsotakis', 'Кіріакос Міцотакіс'],
  },
];

/** Pairs of different actors whose names look alike. */
export const GIVEN_DISTRACTORS: Array<[string, string]> = [
  ['Volodymyr Zelensky', 'Olena Zelenska'],
  ['Donald Trump', 'Donald Trump Jr.'],
  ['Donald Trump', 'Donald Tusk'],
  ['Vladimir Putin', 'Vladimir Medinsky'],
  ['Emmanuel Macron', 'Brigitte Macron'],
];

export const OWN_DISTRACTORS: Array<[string, string]> = [
  ['Dmitry Peskov', 'Dmitry Medvedev'],
  ['Joe Biden', 'Hunter Biden'],
  ['Andrii Yermak', 'Andrii Sybiha'],
  ['Kim Jong Un', 'Kim Yo Jong'],
  ['Yulia Tymoshenko', 'Volodymyr Tymoshenko'],
  ['Zelensky', 'Olena Zelenska'],
  ['Володимир Зеленський', 'Олена Зеленська'],
  ['Sergei Lavrov', 'Sergei Shoigu'],
  ['Kaja Kallas', 'Siim Kallas'],
  ['Eric Trump', 'Donald Trump'],
  ['Трамп', 'Donald Trump Jr.'],
  ['Andriy Yermak', 'Andriy Yermolenko'],
  ['Vladimir Putin', 'Vladimir'],
  ['Mark Rutte', 'Mark Carney'],
  ['Дмитрий Медведев', 'Dmitry Peskov'],
  ['Yulia Tymoshenko', 'Юлія Свириденко'],
];
