import type { Vocabulary } from '../draft';
import { findActors, type ActorMention } from './find-actors';
import { MERGED_VOCABULARY, VOCABULARY, whole } from './testing/vocabulary';

function mentions(text: string, vocabulary: Vocabulary = VOCABULARY): ActorMention[] {
  return findActors(text, whole(text), vocabulary);
}

function ids(text: string, vocabulary: Vocabulary = VOCABULARY): string[] {
  return mentions(text, vocabulary).map((m) => m.id);
}

function named(text: string, id: string, vocabulary: Vocabulary = VOCABULARY): string[] {
  return mentions(text, vocabulary)
    .filter((m) => m.id === id)
    .map((m) => text.slice(m.start, m.end));
}

describe('findActors', () => {
  describe('titles and roles name the person', () => {
    it('drops a country and a title before a full name', () => {
      const text = 'On Tuesday US President Donald Trump phoned Zelensky about the harvest.';
      expect(ids(text)).toEqual(['donald-trump', 'volodymyr-zelensky']);
      expect(named(text, 'donald-trump')).toEqual(['Donald Trump']);
    });

    it('reads past a long title with an institution in it', () => {
      const text =
        'Secretary of the National Security and Defense Council Rustem Umerov flew to Doha.';
      expect(ids(text)).toEqual(['rustem-umerov']);
    });

    it('takes a possessor of a title as the named person’s affiliation, not as a mention', () => {
      const text = "Putin's aide Yuri Ushakov told reporters the meeting had been useful.";
      expect(mentions(text)).toEqual([
        {
          id: 'yuri-ushakov',
          name: 'Yuri Ushakov',
          start: 13,
          end: 25,
          new: true,
          affiliation: 'russia',
        },
      ]);
    });

    it('reads a possessor in an apposition after the name', () => {
      const text = "Ivan Petrenko, Putin's adviser on culture, toured the museum.";
      expect(mentions(text)).toEqual([
        expect.objectContaining({ id: 'ivan-petrenko', new: true, affiliation: 'russia' }),
      ]);
    });

    it('keeps the possessor when they also act in the sentence', () => {
      const text =
        "Putin hosted the envoys for three hours, and Putin's aide Yuri Ushakov briefed the press.";
      expect(ids(text)).toEqual(['vladimir-putin', 'yuri-ushakov']);
    });

    it('reads a demonym before a title as the affiliation of a new person', () => {
      const text = 'Finnish President Alexander Stubb arrived in Kyiv on Friday.';
      expect(mentions(text)).toEqual([
        expect.objectContaining({ id: 'alexander-stubb', new: true, affiliation: 'finland' }),
      ]);
    });

    it('reads a title in an apposition after the name', () => {
      const text =
        'Boris Pistorius, Germany’s defence minister, visited a training ground in Poland.';
      expect(mentions(text)).toEqual([
        expect.objectContaining({ id: 'boris-pistorius', new: true, affiliation: 'germany' }),
      ]);
    });

    it('keeps the known affiliation of a known person', () => {
      const text = 'Ukrainian President Volodymyr Zelensky met the American team.';
      expect(mentions(text)).toEqual([
        expect.objectContaining({ id: 'volodymyr-zelensky', affiliation: 'ukraine' }),
        expect.objectContaining({ id: 'usa', name: 'United States' }),
      ]);
    });

    it('reads Ukrainian and Russian titles', () => {
      expect(mentions('Помічник Путіна Юрій Ушаков прокоментував зустріч.')).toEqual([
        expect.objectContaining({ id: 'юрій-ушаков', new: true, affiliation: 'russia' }),
      ]);
      expect(ids('Секретар РНБО Рустем Умєров прибув до Женеви.')).toEqual(['rustem-umerov']);
      expect(ids('Помощник Путина Юрий Ушаков прокомментировал встречу.')).toEqual(['юрий-ушаков']);
    });

    it('proposes a surname alone after a title', () => {
      const text = 'Chancellor Scholz spoke first, then President Stubb.';
      expect(ids(text)).toEqual(['scholz', 'stubb']);
    });
  });

  describe('possessives', () => {
    it('names the possessor', () => {
      expect(ids("Russia's foreign ministry summoned the envoy.")).toEqual(['russia']);
      expect(named("Zelensky's office denied the report.", 'volodymyr-zelensky')).toEqual([
        'Zelensky',
      ]);
      expect(ids('Ukraine’s negotiators left early.')).toEqual(['ukraine']);
    });
  });

  describe('surnames alone', () => {
    it('resolves a surname that one known person has', () => {
      expect(ids('Zelensky and Merz spoke after the summit.')).toEqual([
        'volodymyr-zelensky',
        'friedrich-merz',
      ]);
    });

    it('prefers the person without a generational suffix', () => {
      expect(ids('Later, Trump posted about the tariffs.')).toEqual(['donald-trump']);
      expect(ids('Donald Trump Jr. posted about the tariffs.')).toEqual(['donald-trump-jr']);
    });

    it('resolves full names spelt otherwise, with a patronymic, or with an initial', () => {
      expect(ids('Volodymyr Zelenskiy spoke.')).toEqual(['volodymyr-zelensky']);
      expect(ids('Vladimir Vladimirovich Putin spoke.')).toEqual(['vladimir-putin']);
      expect(ids('Meanwhile, D. Trump spoke.')).toEqual(['donald-trump']);
    });

    it('reads a Latin surname left with a Cyrillic case ending', () => {
      expect(ids('The meeting between Umerova and the envoys lasted long.')).toEqual([
        'rustem-umerov',
      ]);
    });

    it('never takes a relative for the known person', () => {
      expect(mentions('Olena Zelenska opened the exhibition.')).toEqual([
        expect.objectContaining({ id: 'olena-zelenska', new: true }),
      ]);
      expect(ids('Brigitte Macron opened the exhibition.')).toEqual(['brigitte-macron']);
      expect(ids('Zelenska opened the exhibition.')).toEqual([]);
    });
  });

  describe('Cyrillic forms', () => {
    it('resolves nominative forms', () => {
      expect(ids('Володимир Зеленський та Фрідріх Мерц підписали заяву.')).toEqual([
        'volodymyr-zelensky',
        'friedrich-merz',
      ]);
      expect(ids('Владимир Путин выступил в Думе.')).toEqual(['vladimir-putin']);
    });

    it('resolves inflected forms', () => {
      expect(ids('Делегація зустрілася із Зеленським, а потім з Умєровим.')).toEqual([
        'volodymyr-zelensky',
        'rustem-umerov',
      ]);
      expect(ids('Слова Путіна прокоментували у Брюсселі.')).toEqual(['vladimir-putin']);
      expect(ids('Журналісти запитали Володимира Зеленського про вибори.')).toEqual([
        'volodymyr-zelensky',
      ]);
      expect(ids('Переговоры Трампа и Путина продлились час.')).toEqual([
        'donald-trump',
        'vladimir-putin',
      ]);
    });

    it('resolves countries and bodies in their cases', () => {
      expect(ids('Делегації України та Росії прибули.')).toEqual(['ukraine', 'russia']);
      expect(ids('Кошти надійшли від Європейського Союзу і США.')).toEqual(['eu', 'usa']);
      expect(ids('Українська делегація чекала на американську.')).toEqual(['ukraine', 'usa']);
      expect(ids('Генсек НАТО прибув.')).toEqual(['nato']);
    });

    it('keeps a feminine surname apart from the masculine one', () => {
      expect(ids('Олена Зеленська відкрила виставку.')).toEqual(['олена-зеленська']);
    });
  });

  describe('places that stand for a party', () => {
    it('are not actors without the alias', () => {
      expect(ids('Moscow rejected the offer, and the Kremlin repeated it.')).toEqual([]);
      expect(ids('Kyiv and Washington agreed.')).toEqual([]);
    });

    it('resolve through the alias of a merge', () => {
      expect(
        ids('Moscow rejected the offer, and the Kremlin repeated it.', MERGED_VOCABULARY),
      ).toEqual(['russia', 'russia']);
      expect(ids('Москва відхилила пропозицію.', MERGED_VOCABULARY)).toEqual(['russia']);
      expect(ids('У Кремлі заявили про паузу.', MERGED_VOCABULARY)).toEqual(['russia']);
    });

    it('are where it happened after "in" or "at"', () => {
      expect(ids('The envoys met in Moscow on Monday.', MERGED_VOCABULARY)).toEqual([]);
      expect(ids('Talks in the United States ended.')).toEqual([]);
      expect(ids('Talks with the United States ended.')).toEqual(['usa']);
    });
  });

  describe('new actors', () => {
    it('proposes people with slugged ids', () => {
      expect(mentions('Talks were led by Andrii Hnatov and Kaja Kallas.')).toEqual([
        { id: 'andrii-hnatov', name: 'Andrii Hnatov', start: 18, end: 31, new: true },
        { id: 'kaja-kallas', name: 'Kaja Kallas', start: 36, end: 47, new: true },
      ]);
      expect(ids('Jean-Claude Juncker and Ursula von der Leyen spoke.')).toEqual([
        'jean-claude-juncker',
        'ursula-von-der-leyen',
      ]);
      expect(ids('Андрій Гнатов провів нараду.')).toEqual(['андрій-гнатов']);
    });

    it('resolves a new person’s surname alone to the same id', () => {
      expect(ids('Andrii Hnatov arrived first. Later Hnatov briefed the officers.')).toEqual([
        'andrii-hnatov',
        'andrii-hnatov',
      ]);
      expect(ids('Андрій Гнатов приїхав. Гнатова зустріли в штабі.')).toEqual([
        'андрій-гнатов',
        'андрій-гнатов',
      ]);
    });

    it('does not propose places, newspapers, bodies or single words', () => {
      const text =
        'In an interview with Die Zeit, the Security Council in New York and Geneva officials spoke. Ceasefire Now is a slogan.';
      expect(ids(text)).toEqual([]);
    });
  });

  describe('organisations and countries', () => {
    it('resolves names, abbreviations and demonyms', () => {
      expect(ids('The United States, the US and the U.S. are one; so is the USA.')).toEqual([
        'usa',
        'usa',
        'usa',
        'usa',
      ]);
      expect(ids('American and Ukrainian negotiators met European diplomats.')).toEqual([
        'usa',
        'ukraine',
        'europe',
      ]);
      expect(ids('The EU and NATO backed the European Union plan.')).toEqual(['eu', 'nato', 'eu']);
      expect(ids('Officials of the National Security and Defense Council met.')).toEqual(['nsdc']);
    });

    it('derives regular demonyms of known countries', () => {
      expect(ids('Georgian officials protested.')).toEqual(['georgia']);
    });

    it('does not propose unknown countries', () => {
      expect(ids('Estonia and Latvia signed.')).toEqual([]);
    });
  });

  it('reads only the span', () => {
    const text = 'Zelensky spoke. Then Merz answered.';
    expect(findActors(text, { start: 16, end: text.length }, VOCABULARY).map((m) => m.id)).toEqual([
      'friedrich-merz',
    ]);
  });
});
