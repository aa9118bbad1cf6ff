import { cyrillicStem, isCyrillic } from './cyrillic';

/**
 * Word lists that tell a name from the words around it, in English, Ukrainian and Russian.
 * All entries are lowercase; lookups lowercase the word first.
 */

const words = (...lists: string[]): ReadonlySet<string> =>
  new Set(lists.flatMap((list) => list.split(/\s+/).filter(Boolean)));

/** Titles and roles: they name what a person is, never who. */
export const ROLE_WORDS = words(
  'president vice-president prime premier minister ministers secretary undersecretary chancellor',
  'aide aides adviser advisor advisers advisors spokesman spokeswoman spokesperson press envoy',
  'ambassador senator congressman congresswoman governor mayor chairman chairwoman chair',
  'director head chief commander general admiral colonel major lieutenant sergeant marshal',
  'king queen prince princess pope patriarch deputy foreign defense defence interior finance',
  'special representative negotiator negotiators leader official officials counselor counsellor',
  'speaker delegate lawmaker mp mep judge prosecutor attorney commissioner mr mrs ms dr sir lord',
  'lady first vice acting former co-chair gen col lt sgt capt adm gov sen rep prof',
  "президент президента віцепрезидент прем’єр-міністр прем'єр-міністр премʼєр-міністр прем’єр",
  "прем'єр міністр міністра міністерство секретар секретаря помічник помічниця радник радниця",
  'речник речниця посол посланець спецпосланець спецпредставник представник канцлер голова',
  'керівник керівниця очільник очільниця генерал командувач заступник заступниця віцепрем’єр',
  'спікер депутат депутатка сенатор губернатор мер глава лідер переговірник',
  'премьер-министр премьер министр министра министерство секретарь секретаря помощник помощница',
  'советник советница пресс-секретарь спикер посланник спецпосланник спецпредставитель',
  'представитель руководитель начальник командующий заместитель вице-премьер депутат губернатор',
  'лидер переговорщик',
);

/**
 * Words of organisation and place names: a run of capitalised words holding one is not a
 * person, and the name of a person who holds the office follows it.
 */
export const INSTITUTION_WORDS = words(
  'council ministry committee commission office service agency union party bank fund forces',
  'force army navy guard department administration government cabinet court assembly parliament',
  'congress senate organization organisation alliance federation republic kingdom states nations',
  'group corporation company inc ltd llc university institute foundation times post news journal',
  'herald tribune gazette press agency network channel tv radio daily weekly review magazine',
  'house square street avenue palace hall center centre summit conference forum plan strategy',
  'treaty accord agreement initiative program programme project operation security defence',
  'affairs state authority bureau directorate staff headquarters command fleet brigade battalion',
  'regiment corps police intelligence church museum airport station port',
  'рада ради міністерство комітет комісія офіс служба агентство союз партія банк фонд сили армія',
  'уряд кабінет суд асамблея парламент конгрес сенат організація альянс федерація республіка',
  'королівство штати нації група компанія університет інститут',
  'совет министерство комитет комиссия офис служба агентство союз партия банк фонд силы армия',
  'правительство кабинет суд ассамблея парламент конгресс сенат организация альянс федерация',
  'республика королевство штаты нации группа компания университет институт',
);

/** Geographic words: "New York", "North Korea", "Black Sea" are places, not people. */
export const GEO_WORDS = words(
  'new north south east west northern southern eastern western central upper lower greater',
  'saint st san santa city sea ocean river lake mountain mountains island islands bay gulf coast',
  'valley region oblast province county district peninsula strait canal desert forest',
  'field fields park bridge',
);

/** Articles of several languages that open the names of newspapers and organisations. */
export const ARTICLES = words('the die der das le la les el los las il lo gli i');

/** Lowercase particles that join the words of one person's name (von der Leyen, de Gaulle). */
export const NAME_PARTICLES = words(
  'von van der den de du da di del della dos das ter ten zu bin ibn ben al el le la',
);

export const MONTHS = words(
  'january february march april may june july august september october november december',
  'jan feb mar apr jun jul aug sep sept oct nov dec',
  'січень лютий березень квітень травень червень липень серпень вересень жовтень листопад грудень',
  'січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня',
  'январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь',
  'января февраля марта апреля мая июня июля августа сентября октября ноября декабря',
);

export const WEEKDAYS = words(
  'monday tuesday wednesday thursday friday saturday sunday',
  "понеділок вівторок середа четвер пʼятниця п’ятниця п'ятниця субота неділя",
  "понеділка вівторка середу четверга пʼятницю п’ятницю п'ятницю суботу неділю",
  'понедельник вторник среда четверг пятница суббота воскресенье',
  'понедельника вторника среду четверга пятницу субботу воскресенья',
);

/**
 * Words that start sentences without being names: function words, pronouns, time words.
 * A capitalised word outside this list still counts as common when the text also writes it
 * in lowercase.
 */
export const FUNCTION_WORDS = words(
  'a an the this that these those there here it its he she they we i you his her their our my',
  'your him them us me who whom whose which what when where why how while whereas if unless',
  'and or but nor so yet for because since as although though after before during until till',
  'in on at by to from of with without within into onto over under about above below between',
  'among against across through throughout despite according following regarding concerning',
  'also even only just still already earlier later today yesterday tomorrow tonight now then',
  'thus however meanwhile moreover furthermore nevertheless instead last next this every each',
  'all both some many most several few other another such no not never always often',
  'speaking asked answering commenting according reportedly apparently allegedly afterwards',
  'additionally separately subsequently previously finally overall instead notably similarly',
  'likewise accordingly consequently currently recently initially ultimately importantly',
  'specifically nonetheless otherwise elsewhere together first second third next',
  'mr mrs ms dr latest breaking update updated',
  'і й та а але або чи що як коли де бо тому також ще вже лише тільки навіть потім сьогодні',
  'вчора завтра він вона воно вони ми ви я його її їх їхній цей ця це ці той та те ті в у на з',
  'із зі до від по за про для при над під між через після перед під час згідно відповідно',
  'тим водночас натомість крім окрім утім втім зокрема зрештою',
  'и а но или что как когда где потому также еще уже лишь только даже потом сегодня вчера',
  'завтра он она оно они мы вы я его ее их этот эта это эти тот та то те в во на с со к ко',
  'от по за про для при над под между через после перед согласно впрочем кроме',
);

/** Prepositions after which a place is where something happened, not who did it. */
export const LOCATIVE_PREPOSITIONS = words('in at near inside outside across throughout в у во');

/** Pronouns that refer back to a person already named. */
export const PERSONAL_PRONOUNS = words(
  'he she him her his they them we i він вона його її вони ми я он она его ее её они мы',
);

/** Stems of the Cyrillic titles, so that their cases count too: "секретарем", "президентові". */
const ROLE_STEMS = new Set(
  [...ROLE_WORDS]
    .filter((word) => isCyrillic(word))
    .map(cyrillicStem)
    .filter((stem) => stem.length >= 4),
);

/** A title or a role, in any case of a Ukrainian or Russian title. */
export function isRoleWord(lower: string): boolean {
  return ROLE_WORDS.has(lower) || (isCyrillic(lower) && ROLE_STEMS.has(cyrillicStem(lower)));
}

/** Words that join two phrases: a title does not run across them. */
export const CONJUNCTIONS = words('and or та і й або and и или');
