import fc from 'fast-check';
import { inForm, propertySeed, unicodeText } from '../testing/unicode-forms';
import { ID_SLUG, isIdSlug, slugify, TOPIC_SLUG } from './slug';

describe('slugify', () => {
  it.each([
    ['Volodymyr Zelensky', 'volodymyr-zelensky'],
    ['United States', 'united-states'],
    ['usa', 'usa'],
    ['G7 Summit 2025', 'g7-summit-2025'],
  ])('slugs %j to %j', (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  describe('Latin letters lose their diacritics', () => {
    it.each([
      ['Zürich', 'zurich'],
      ['São Paulo', 'sao-paulo'],
      ['Kraków', 'krakow'],
      ['Élysée Palace', 'elysee-palace'],
      ['Recep Tayyip Erdoğan', 'recep-tayyip-erdogan'],
    ])('%j -> %j', (name, slug) => {
      expect(slugify(name)).toBe(slug);
    });

    it('folds a decomposed (NFD) name the same as a composed one', () => {
      expect(slugify('Zu\u0308rich')).toBe('zurich');
      expect(slugify('Zu\u0308rich')).toBe(slugify('Z\u00fcrich'));
    });
  });

  describe('letters of other scripts are kept as lowercase letters', () => {
    it('slugs "Зеленський" to the lowercase Cyrillic "зеленський"', () => {
      expect(slugify('Зеленський')).toBe('зеленський');
    });

    it('is case-insensitive for Cyrillic', () => {
      expect(slugify('ЗЕЛЕНСЬКИЙ')).toBe(slugify('Зеленський'));
    });

    it('joins Cyrillic words with "-"', () => {
      expect(slugify('Володимир Зеленський')).toBe('володимир-зеленський');
    });

    it('keeps "й" whether it was sent composed or decomposed', () => {
      expect(slugify('Сергій')).toBe('сергій');
      expect('Сергій'.normalize('NFD')).not.toBe('Сергій');
      expect(slugify('Сергій'.normalize('NFD'))).toBe('сергій');
    });

    it.each([['Зеленський'], ['Σίσυφος'], ['東京'], ['ישראל']])(
      '%j gives a stable, non-empty, lowercase id slug',
      (name) => {
        const slug = slugify(name);
        expect(slug).not.toBe('');
        expect(slugify(name)).toBe(slug);
        expect(slug).toBe(slug.toLowerCase());
        expect(isIdSlug(slug)).toBe(true);
      },
    );
  });

  describe('punctuation and spacing collapse to single hyphens', () => {
    it.each([
      ['  Volodymyr   Zelensky  ', 'volodymyr-zelensky'],
      ['U.S. -- Ukraine: talks!!', 'u-s-ukraine-talks'],
      ["Rock 'n' Roll", 'rock-n-roll'],
      ['a___b', 'a-b'],
      ['AT&T', 'at-t'],
      ['peace-plan', 'peace-plan'],
      ['--peace--plan--', 'peace-plan'],
      ['“Coalition of the willing”', 'coalition-of-the-willing'],
      ['line\nbreak\ttab', 'line-break-tab'],
    ])('%j -> %j', (name, slug) => {
      expect(slugify(name)).toBe(slug);
    });
  });

  it.each([['🙂'], ['!!!'], ['   '], ['']])(
    'gives "" for %j, which holds no letter or digit',
    (name) => {
      expect(slugify(name)).toBe('');
    },
  );

  it('produces a topic slug from an ASCII name', () => {
    expect(slugify('Security Guarantees (2025)')).toMatch(TOPIC_SLUG);
  });

  it.each([['Volodymyr Zelensky'], ['Zürich'], ['Зеленський'], ['A -- b'], ['İstanbul']])(
    'produces an id slug for %j',
    (name) => {
      expect(slugify(name)).toMatch(ID_SLUG);
      expect(isIdSlug(slugify(name))).toBe(true);
    },
  );
});

describe('isIdSlug', () => {
  it.each([['usa'], ['volodymyr-zelensky'], ['g7-2025'], ['зеленський'], ['σίσυφος']])(
    'accepts %j',
    (value) => {
      expect(isIdSlug(value)).toBe(true);
    },
  );

  it.each([['USA'], ['Зеленський'], ['a--b'], ['-a'], ['a-'], ['a b'], ['a_b'], ['a.b'], ['']])(
    'rejects %j',
    (value) => {
      expect(isIdSlug(value)).toBe(false);
    },
  );
});

describe('TOPIC_SLUG', () => {
  it.each([['a'], ['peace-plan'], ['g7-2025']])('matches %j', (value) => {
    expect(value).toMatch(TOPIC_SLUG);
  });

  it.each([['Peace'], ['peace--plan'], ['-peace'], ['peace-'], ['мир'], ['peace plan'], ['']])(
    'does not match %j',
    (value) => {
      expect(value).not.toMatch(TOPIC_SLUG);
    },
  );
});

describe('slugify keeps the combining marks of non-Latin scripts', () => {
  it('gives different names in Devanagari different ids', () => {
    expect(slugify('नरेंद्र मोदी')).not.toBe(slugify('नरेंद्र मादा'));
    expect(slugify('हिन्दी')).not.toBe(slugify('हुन्दा'));
    expect(isIdSlug(slugify('नरेंद्र मोदी'))).toBe(true);
  });
});

describe('slugify on ASCII names', () => {
  it('gives what the per-character folding gives', () => {
    const slowSlugify = (name: string) =>
      name
        .normalize('NFC')
        .toLowerCase()
        .split(/[^\p{L}\p{M}\p{N}]+/u)
        .filter((word) => word.length > 0)
        .join('-');
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii' }), (name) => {
        expect(slugify(name)).toBe(slowSlugify(name));
      }),
    );
  });
});

describe('slugify on text composed or decomposed', () => {
  it('gives the NFC and the NFD spelling of a name the same slug', () => {
    const name = 'Володимир Зеленський';
    expect(inForm(name, 'NFD')).not.toBe(name);
    expect(slugify(inForm(name, 'NFD'))).toBe(slugify(name));
    expect(slugify(inForm('Recep Tayyip Erdoğan', 'NFD'))).toBe('recep-tayyip-erdogan');
  });

  it('gives the NFC and NFD forms of any text the same slug', () => {
    fc.assert(
      fc.property(unicodeText, (name) => {
        expect(slugify(inForm(name, 'NFD'))).toBe(slugify(inForm(name, 'NFC')));
        expect(slugify(name)).toBe(slugify(inForm(name, 'NFC')));
      }),
      { seed: propertySeed('slug of NFC and NFD forms') },
    );
  });
});
