/**
 * Countries, organisations and seats of power that news names in several ways: by name in
 * English, Ukrainian and Russian, by an abbreviation, by a demonym ("American", "the
 * Ukrainian delegation", "російська сторона"). A place is an actor only when the
 * vocabulary knows one of its names: the gazetteer tells which names are one place, and
 * that a capitalised word is a place rather than a person.
 */
export interface Place {
  /** English names; the first is the canonical one (slugged when the place is unknown). */
  names: readonly string[];
  /** Ukrainian and Russian names, nominative (case endings are stripped when matching). */
  cyrillic: readonly string[];
  /** English demonyms and their plurals: "American", "Americans". */
  demonyms?: readonly string[];
  /** Ukrainian and Russian stems of the adjective and of the people: "американськ", "американц". */
  cyrillicStems?: readonly string[];
}

export const PLACES: readonly Place[] = [
  {
    names: ['United States', 'United States of America', 'America', 'USA', 'US'],
    cyrillic: [
      'Сполучені Штати',
      'Сполучені Штати Америки',
      'Соединённые Штаты',
      'Соединенные Штаты',
      'США',
      'Америка',
    ],
    demonyms: ['American', 'Americans'],
    cyrillicStems: ['американськ', 'американск', 'американц'],
  },
  {
    names: ['Ukraine'],
    cyrillic: ['Україна', 'Украина'],
    demonyms: ['Ukrainian', 'Ukrainians'],
    cyrillicStems: ['українськ', 'украинск', 'українц', 'украинц'],
  },
  {
    names: ['Russia', 'Russian Federation'],
    cyrillic: ['Росія', 'Россия', 'Російська Федерація', 'Российская Федерация', 'РФ'],
    demonyms: ['Russian', 'Russians'],
    cyrillicStems: ['російськ', 'российск', 'росіян', 'россиян'],
  },
  {
    names: ['Europe'],
    cyrillic: ['Європа', 'Европа'],
    demonyms: ['European', 'Europeans'],
    cyrillicStems: ['європейськ', 'европейск', 'європейц', 'европейц'],
  },
  {
    names: ['European Union', 'EU'],
    cyrillic: ['Європейський Союз', 'Євросоюз', 'ЄС', 'Европейский Союз', 'Евросоюз', 'ЕС'],
  },
  {
    names: ['NATO', 'North Atlantic Treaty Organization', 'North Atlantic Alliance'],
    cyrillic: ['НАТО', 'Північноатлантичний альянс', 'Североатлантический альянс'],
  },
  {
    names: ['United Nations', 'UN'],
    cyrillic: ['ООН', 'Організація Обʼєднаних Націй', 'Организация Объединённых Наций'],
  },
  {
    names: ['United Kingdom', 'Great Britain', 'Britain', 'UK'],
    cyrillic: ['Велика Британія', 'Британія', 'Великобританія', 'Великобритания', 'Британия'],
    demonyms: ['British', 'Briton', 'Britons'],
    cyrillicStems: ['британськ', 'британск', 'британц'],
  },
  {
    names: ['Germany'],
    cyrillic: ['Німеччина', 'Германия', 'ФРН', 'ФРГ'],
    demonyms: ['German', 'Germans'],
    cyrillicStems: ['німецьк', 'немецк', 'німц', 'немц'],
  },
  {
    names: ['France'],
    cyrillic: ['Франція', 'Франция'],
    demonyms: ['French'],
    cyrillicStems: ['французьк', 'французск', 'француз'],
  },
  {
    names: ['China', "People's Republic of China", 'PRC'],
    cyrillic: ['Китай', 'КНР'],
    demonyms: ['Chinese'],
    cyrillicStems: ['китайськ', 'китайск', 'китайц'],
  },
  {
    names: ['Poland'],
    cyrillic: ['Польща', 'Польша'],
    demonyms: ['Polish', 'Poles'],
    cyrillicStems: ['польськ', 'польск', 'поляк'],
  },
  {
    names: ['Turkey', 'Türkiye'],
    cyrillic: ['Туреччина', 'Турція', 'Турция'],
    demonyms: ['Turkish', 'Turks'],
    cyrillicStems: ['турецьк', 'турецк'],
  },
  {
    names: ['Italy'],
    cyrillic: ['Італія', 'Италия'],
    demonyms: ['Italian', 'Italians'],
    cyrillicStems: ['італійськ', 'итальянск', 'італійц', 'итальянц'],
  },
  {
    names: ['Netherlands', 'Holland'],
    cyrillic: ['Нідерланди', 'Нидерланды', 'Голландія', 'Голландия'],
    demonyms: ['Dutch'],
    cyrillicStems: ['нідерландськ', 'нидерландск', 'голландськ', 'голландск'],
  },
  {
    names: ['Switzerland'],
    cyrillic: ['Швейцарія', 'Швейцария'],
    demonyms: ['Swiss'],
    cyrillicStems: ['швейцарськ', 'швейцарск'],
  },
  {
    names: ['Spain'],
    cyrillic: ['Іспанія', 'Испания'],
    demonyms: ['Spanish', 'Spaniards'],
    cyrillicStems: ['іспанськ', 'испанск'],
  },
  {
    names: ['Belarus'],
    cyrillic: ['Білорусь', 'Беларусь', 'Белоруссия'],
    demonyms: ['Belarusian', 'Belarusians'],
    cyrillicStems: ['білоруськ', 'белорусск'],
  },
  {
    names: ['Hungary'],
    cyrillic: ['Угорщина', 'Венгрия'],
    demonyms: ['Hungarian', 'Hungarians'],
    cyrillicStems: ['угорськ', 'венгерск'],
  },
  {
    names: ['Japan'],
    cyrillic: ['Японія', 'Япония'],
    demonyms: ['Japanese'],
    cyrillicStems: ['японськ', 'японск'],
  },
  {
    names: ['North Korea', 'DPRK'],
    cyrillic: ['Північна Корея', 'Северная Корея', 'КНДР'],
    demonyms: ['North Korean', 'North Koreans'],
    cyrillicStems: ['північнокорейськ', 'северокорейск'],
  },
  {
    names: ['South Korea'],
    cyrillic: ['Південна Корея', 'Южная Корея'],
    demonyms: ['South Korean', 'South Koreans'],
    cyrillicStems: ['південнокорейськ', 'южнокорейск'],
  },
  {
    names: ['Iran'],
    cyrillic: ['Іран', 'Иран'],
    demonyms: ['Iranian', 'Iranians'],
    cyrillicStems: ['іранськ', 'иранск'],
  },
  {
    names: ['Israel'],
    cyrillic: ['Ізраїль', 'Израиль'],
    demonyms: ['Israeli', 'Israelis'],
    cyrillicStems: ['ізраїльськ', 'израильск'],
  },
  {
    names: ['Canada'],
    cyrillic: ['Канада'],
    demonyms: ['Canadian', 'Canadians'],
    cyrillicStems: ['канадськ', 'канадск'],
  },
  {
    names: ['Finland'],
    cyrillic: ['Фінляндія', 'Финляндия'],
    demonyms: ['Finnish', 'Finns'],
    cyrillicStems: ['фінськ', 'финск'],
  },
  {
    names: ['Sweden'],
    cyrillic: ['Швеція', 'Швеция'],
    demonyms: ['Swedish', 'Swedes'],
    cyrillicStems: ['шведськ', 'шведск'],
  },
  {
    names: ['Denmark'],
    cyrillic: ['Данія', 'Дания'],
    demonyms: ['Danish', 'Danes'],
    cyrillicStems: ['данськ', 'датск'],
  },
  {
    names: ['Saudi Arabia'],
    cyrillic: ['Саудівська Аравія', 'Саудовская Аравия'],
    demonyms: ['Saudi', 'Saudis'],
    cyrillicStems: ['саудівськ', 'саудовск'],
  },
  {
    names: ['Czech Republic', 'Czechia'],
    cyrillic: ['Чехія', 'Чехия'],
    demonyms: ['Czech', 'Czechs'],
    cyrillicStems: ['чеськ', 'чешск'],
  },
  {
    names: ['Greece'],
    cyrillic: ['Греція', 'Греция'],
    demonyms: ['Greek', 'Greeks'],
    cyrillicStems: ['грецьк', 'греческ'],
  },
  {
    names: ['United Arab Emirates', 'UAE'],
    cyrillic: ['Обʼєднані Арабські Емірати', 'Объединённые Арабские Эмираты', 'ОАЕ', 'ОАЭ'],
    demonyms: ['Emirati', 'Emiratis'],
    cyrillicStems: ['еміратськ', 'эмиратск'],
  },
  { names: ['West'], cyrillic: ['Захід', 'Запад'] },
  // Capitals and seats of power stand for a party only through an alias in the vocabulary.
  { names: ['Moscow'], cyrillic: ['Москва'] },
  { names: ['Kremlin'], cyrillic: ['Кремль'] },
  { names: ['Kyiv', 'Kiev'], cyrillic: ['Київ', 'Києв', 'Киев'] },
  { names: ['Washington'], cyrillic: ['Вашингтон'] },
  {
    names: ['White House'],
    cyrillic: ['Білий дім', 'Білий Дім', 'Белый дом', 'Белый Дом'],
  },
  { names: ['Bankova'], cyrillic: ['Банкова'] },
  { names: ['Pentagon'], cyrillic: ['Пентагон'] },
  { names: ['Brussels'], cyrillic: ['Брюссель'] },
  { names: ['Berlin'], cyrillic: ['Берлін', 'Берлин'] },
  { names: ['Paris'], cyrillic: ['Париж'] },
  { names: ['London'], cyrillic: ['Лондон'] },
  { names: ['Beijing'], cyrillic: ['Пекін', 'Пекин'] },
  { names: ['Minsk'], cyrillic: ['Мінськ', 'Минск'] },
  { names: ['Warsaw'], cyrillic: ['Варшава'] },
  { names: ['Ankara'], cyrillic: ['Анкара'] },
  { names: ['Tehran'], cyrillic: ['Тегеран'] },
  { names: ['Geneva'], cyrillic: ['Женева'] },
  { names: ['Istanbul'], cyrillic: ['Стамбул'] },
  { names: ['Downing Street'], cyrillic: ['Даунінг-стріт', 'Даунинг-стрит'] },
];
