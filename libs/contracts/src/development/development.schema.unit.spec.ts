import { ValidationDetail } from '../errors';
import { STANCES } from './development.schema';
import { validateDevelopment } from './validate-development';

/** The smallest development that is valid. */
const minimal = { occurredOn: '2025-12-14', title: 'Berlin talks' };

function detailsOf(body: unknown): ValidationDetail[] {
  const result = validateDevelopment(body);
  return result.ok ? [] : result.details;
}

function pathsOf(body: unknown): string[] {
  return detailsOf(body).map((detail) => detail.path);
}

function withFields(fields: Record<string, unknown>): Record<string, unknown> {
  return { ...minimal, ...fields };
}

function expectValid(body: unknown): void {
  expect(detailsOf(body)).toEqual([]);
  expect(validateDevelopment(body).ok).toBe(true);
}

/** The body is rejected, and every problem is at `path`. */
function expectRejectedAt(body: unknown, path: string): void {
  const paths = pathsOf(body);
  expect(paths.length).toBeGreaterThan(0);
  expect(new Set(paths)).toEqual(new Set([path]));
}

const actor = { name: 'Rustem Umerov' };
const statement = { actor: 'Rustem Umerov', topic: 'peace-plan', stance: 'support' };

describe('development input rules (API.md, "The development (input)")', () => {
  it('accepts the smallest valid development: occurredOn and title', () => {
    expectValid(minimal);
  });

  describe('occurredOn', () => {
    it('is required', () => {
      expect(detailsOf({ title: 'Berlin talks' })).toEqual([
        { path: 'occurredOn', message: 'is required' },
      ]);
    });

    it.each([
      ['2025-12-1'],
      ['2025-1-14'],
      ['25-12-14'],
      ['14.12.2025'],
      ['2025/12/14'],
      ['2025-12-14T00:00:00Z'],
      [' 2025-12-14'],
      ['2025-12-14 '],
      [''],
    ])('rejects %j, which is not a YYYY-MM-DD date', (occurredOn) => {
      expectRejectedAt(withFields({ occurredOn }), 'occurredOn');
    });

    it.each([[20251214], [null], [true], [{}]])('rejects the non-string %j', (occurredOn) => {
      expectRejectedAt(withFields({ occurredOn }), 'occurredOn');
    });

    it.each([
      ['2025-02-30', 'February has no 30th'],
      ['2023-02-29', '2023 is not a leap year'],
      ['1900-02-29', '1900 is not a leap year (divisible by 100)'],
      ['2100-02-29', '2100 is not a leap year (divisible by 100)'],
      ['2025-04-31', 'April has 30 days'],
      ['2025-13-01', 'there is no 13th month'],
      ['2025-00-10', 'there is no month 0'],
      ['2025-12-00', 'there is no day 0'],
      ['2025-12-32', 'no month has 32 days'],
    ])('rejects %s, a day that does not exist (%s)', (occurredOn) => {
      expect(detailsOf(withFields({ occurredOn }))).toEqual([
        { path: 'occurredOn', message: expect.stringContaining('calendar date') },
      ]);
    });

    it.each([['2024-02-29'], ['2000-02-29'], ['2025-12-31'], ['2025-01-01']])(
      'accepts %s, a day that exists',
      (occurredOn) => {
        expectValid(withFields({ occurredOn }));
      },
    );

    it.each([['1900-01-01'], ['2100-12-31']])('accepts the range bound %s', (occurredOn) => {
      expectValid(withFields({ occurredOn }));
    });

    it.each([['1899-12-31'], ['2101-01-01'], ['0001-01-01'], ['9999-12-31']])(
      'rejects %s, outside 1900-01-01..2100-12-31',
      (occurredOn) => {
        const details = detailsOf(withFields({ occurredOn }));
        expect(details).toContainEqual({
          path: 'occurredOn',
          message: 'must be between 1900-01-01 and 2100-12-31',
        });
        expect(new Set(details.map((detail) => detail.path))).toEqual(new Set(['occurredOn']));
      },
    );
  });

  describe('occurredUntil', () => {
    it('is optional', () => {
      expectValid(minimal);
    });

    it('accepts a range ending on a later day ("December 14-15")', () => {
      expectValid(withFields({ occurredOn: '2025-12-14', occurredUntil: '2025-12-15' }));
    });

    it('accepts a range across a year boundary', () => {
      expectValid(withFields({ occurredOn: '2025-12-31', occurredUntil: '2026-01-01' }));
    });

    it('accepts the same day as occurredOn', () => {
      expectValid(withFields({ occurredOn: '2025-12-14', occurredUntil: '2025-12-14' }));
    });

    it('rejects a day before occurredOn', () => {
      expect(
        detailsOf(withFields({ occurredOn: '2025-12-14', occurredUntil: '2025-12-13' })),
      ).toEqual([{ path: 'occurredUntil', message: 'must not be before occurredOn' }]);
    });

    it('rejects a day before occurredOn in an earlier month and year', () => {
      expectRejectedAt(
        withFields({ occurredOn: '2025-01-01', occurredUntil: '2024-12-31' }),
        'occurredUntil',
      );
    });

    it.each([['2025-02-30'], ['2026-02-29'], ['2025-12-15T00:00:00Z'], ['2101-01-01']])(
      'must itself be a date in range: rejects %s',
      (occurredUntil) => {
        expect(pathsOf(withFields({ occurredOn: '2025-01-01', occurredUntil }))).toContain(
          'occurredUntil',
        );
        expect(pathsOf(withFields({ occurredOn: '2025-01-01', occurredUntil }))).not.toContain(
          'occurredOn',
        );
      },
    );
  });

  describe('title', () => {
    it('is required', () => {
      expect(detailsOf({ occurredOn: '2025-12-14' })).toEqual([
        { path: 'title', message: 'is required' },
      ]);
    });

    it.each([[''], [' '], ['   '], ['\t\n '], ['\u00a0\u2003']])(
      'rejects %j, empty after trimming',
      (title) => {
        expect(detailsOf(withFields({ title }))).toEqual([
          { path: 'title', message: 'must not be empty' },
        ]);
      },
    );

    it('accepts a single character', () => {
      expectValid(withFields({ title: 'a' }));
    });

    it('accepts 300 characters', () => {
      expectValid(withFields({ title: 'a'.repeat(300) }));
    });

    it('rejects 301 characters', () => {
      expect(detailsOf(withFields({ title: 'a'.repeat(301) }))).toEqual([
        { path: 'title', message: 'must be at most 300 characters' },
      ]);
    });

    it('counts code points: 300 emoji (600 UTF-16 units) are accepted', () => {
      const title = '🙂'.repeat(300);
      expect(title.length).toBe(600);
      expectValid(withFields({ title }));
    });

    it('counts code points: 301 emoji are rejected', () => {
      expectRejectedAt(withFields({ title: '🙂'.repeat(301) }), 'title');
    });

    it('accepts a title with surrounding whitespace and keeps it exactly as sent', () => {
      const result = validateDevelopment(withFields({ title: '  Berlin talks \n' }));
      expect(result).toEqual({ ok: true, value: { ...minimal, title: '  Berlin talks \n' } });
    });

    it.each([
      ['Cyrillic', 'Переговори в Берліні'],
      ['typographic quotes', '“Productive” talks — ‘a step’'],
      ['emoji', 'Talks 🇺🇦🤝🇺🇸'],
      ['markup', '<script>alert("x")</script>'],
      ['SQL-looking text', "'; DROP TABLE developments; --"],
    ])('accepts %s', (_kind, title) => {
      expect(validateDevelopment(withFields({ title }))).toEqual({
        ok: true,
        value: { ...minimal, title },
      });
    });

    it.each([[42], [null], [['Berlin talks']]])('rejects the non-string %j', (title) => {
      expectRejectedAt(withFields({ title }), 'title');
    });
  });

  describe('body', () => {
    it('accepts 20,000 characters', () => {
      expectValid(withFields({ body: 'b'.repeat(20_000) }));
    });

    it('accepts 20,000 emoji (code points, not UTF-16 units)', () => {
      expectValid(withFields({ body: '🙂'.repeat(20_000) }));
    });

    it('rejects 20,001 characters', () => {
      expect(detailsOf(withFields({ body: 'b'.repeat(20_001) }))).toEqual([
        { path: 'body', message: 'must be at most 20000 characters' },
      ]);
    });

    it('rejects a non-string', () => {
      expectRejectedAt(withFields({ body: 1 }), 'body');
    });
  });

  describe('location', () => {
    it('accepts 200 characters', () => {
      expectValid(withFields({ location: 'l'.repeat(200) }));
    });

    it('rejects 201 characters', () => {
      expectRejectedAt(withFields({ location: 'l'.repeat(201) }), 'location');
    });
  });

  describe('topics', () => {
    it('accepts 20 topics', () => {
      const topics = Array.from({ length: 20 }, (_, index) => `topic-${index}`);
      expectValid(withFields({ topics }));
    });

    it('rejects 21 topics', () => {
      const topics = Array.from({ length: 21 }, (_, index) => `topic-${index}`);
      expect(detailsOf(withFields({ topics }))).toEqual([
        { path: 'topics', message: 'must hold at most 20 topics' },
      ]);
    });

    it('accepts duplicates (they are removed later, not rejected)', () => {
      expectValid(withFields({ topics: ['peace-plan', 'peace-plan'] }));
    });

    it.each([['a'], ['2025'], ['peace-plan'], ['security-guarantees'], ['g7-summit-2025']])(
      'accepts the slug %j',
      (topic) => {
        expectValid(withFields({ topics: [topic] }));
      },
    );

    it.each([
      ['Peace-Plan'],
      ['peace plan'],
      ['peace_plan'],
      ['peace--plan'],
      ['-peace'],
      ['peace-'],
      ['peace.plan'],
      ['мир'],
      ['zürich'],
      [''],
    ])('rejects %j, not a slug, at its index', (topic) => {
      expectRejectedAt(withFields({ topics: ['peace-plan', topic] }), 'topics[1]');
    });

    it('accepts a 64-character slug', () => {
      expectValid(withFields({ topics: ['a'.repeat(64)] }));
    });

    it('rejects a 65-character slug', () => {
      expect(detailsOf(withFields({ topics: ['a'.repeat(65)] }))).toEqual([
        { path: 'topics[0]', message: 'must be at most 64 characters' },
      ]);
    });

    it('rejects a non-array', () => {
      expectRejectedAt(withFields({ topics: 'peace-plan' }), 'topics');
    });
  });

  describe('actors', () => {
    it('accepts 50 actors', () => {
      const actors = Array.from({ length: 50 }, (_, index) => ({ name: `Actor ${index}` }));
      expectValid(withFields({ actors }));
    });

    it('rejects 51 actors', () => {
      const actors = Array.from({ length: 51 }, (_, index) => ({ name: `Actor ${index}` }));
      expect(detailsOf(withFields({ actors }))).toEqual([
        { path: 'actors', message: 'must hold at most 50 actors' },
      ]);
    });

    it('requires a name', () => {
      expect(detailsOf(withFields({ actors: [actor, { id: 'usa' }] }))).toEqual([
        { path: 'actors[1].name', message: 'is required' },
      ]);
    });

    it.each([[''], ['  ']])('rejects the empty name %j', (name) => {
      expectRejectedAt(withFields({ actors: [{ name }] }), 'actors[0].name');
    });

    it('accepts a 200-character name', () => {
      expectValid(withFields({ actors: [{ name: 'n'.repeat(200) }] }));
    });

    it('rejects a 201-character name', () => {
      expectRejectedAt(withFields({ actors: [{ name: 'n'.repeat(201) }] }), 'actors[0].name');
    });

    it('accepts an actor with id and affiliation', () => {
      expectValid(
        withFields({
          actors: [
            { id: 'volodymyr-zelensky', name: 'Volodymyr Zelensky', affiliation: 'ukraine' },
          ],
        }),
      );
    });

    it.each([['usa'], ['g7'], ['зеленський'], ['ukraine-2']])('accepts the id slug %j', (id) => {
      expectValid(withFields({ actors: [{ ...actor, id }] }));
    });

    it.each([['USA'], ['Зеленський'], ['united states'], ['a--b'], ['-a'], ['a-'], ['a_b'], ['']])(
      'rejects the id %j, not a lowercase slug',
      (id) => {
        expectRejectedAt(withFields({ actors: [{ ...actor, id }] }), 'actors[0].id');
      },
    );

    it.each([['Ukraine'], ['the ukraine'], ['']])(
      'rejects the affiliation %j, not a lowercase slug',
      (affiliation) => {
        expectRejectedAt(
          withFields({ actors: [{ ...actor, affiliation }] }),
          'actors[0].affiliation',
        );
      },
    );
  });

  describe('statements', () => {
    it('accepts 50 statements', () => {
      expectValid(withFields({ statements: Array.from({ length: 50 }, () => statement) }));
    });

    it('rejects 51 statements', () => {
      expect(
        detailsOf(withFields({ statements: Array.from({ length: 51 }, () => statement) })),
      ).toEqual([{ path: 'statements', message: 'must hold at most 50 statements' }]);
    });

    it.each(STANCES.map((stance) => [stance]))('accepts the stance %j', (stance) => {
      expectValid(withFields({ statements: [{ ...statement, stance }] }));
    });

    it('knows exactly the four stances of API.md', () => {
      expect([...STANCES].sort()).toEqual(['conditional', 'neutral', 'oppose', 'support']);
    });

    it.each([['Support'], ['against'], ['neutral '], [''], [1]])(
      'rejects the stance %j',
      (stance) => {
        expect(detailsOf(withFields({ statements: [{ ...statement, stance }] }))).toEqual([
          {
            path: 'statements[0].stance',
            message: 'must be one of support, oppose, conditional, neutral',
          },
        ]);
      },
    );

    it.each([['actor'], ['topic']])('requires %s', (field) => {
      const incomplete: Record<string, unknown> = { ...statement };
      delete incomplete[field];
      expect(detailsOf(withFields({ statements: [statement, incomplete] }))).toEqual([
        { path: `statements[1].${field}`, message: 'is required' },
      ]);
    });

    it('requires stance', () => {
      const incomplete: Record<string, unknown> = { ...statement };
      delete incomplete.stance;
      expectRejectedAt(withFields({ statements: [statement, incomplete] }), 'statements[1].stance');
    });

    it('rejects an empty actor reference', () => {
      expectRejectedAt(
        withFields({ statements: [{ ...statement, actor: ' ' }] }),
        'statements[0].actor',
      );
    });

    it.each([['Peace Plan'], ['peace_plan'], ['a'.repeat(65)]])('rejects the topic %j', (topic) => {
      expectRejectedAt(
        withFields({ statements: [{ ...statement, topic }] }),
        'statements[0].topic',
      );
    });

    it.each([['quote'], ['summary']])('accepts a %s of 2,000 characters', (field) => {
      expectValid(withFields({ statements: [{ ...statement, [field]: 'q'.repeat(2000) }] }));
    });

    it.each([['quote'], ['summary']])('rejects a %s of 2,001 characters', (field) => {
      expect(
        detailsOf(withFields({ statements: [{ ...statement, [field]: 'q'.repeat(2001) }] })),
      ).toEqual([{ path: `statements[0].${field}`, message: 'must be at most 2000 characters' }]);
    });
  });

  describe('source', () => {
    it('accepts an empty source (every field is optional)', () => {
      expectValid(withFields({ source: {} }));
    });

    it('accepts a full source', () => {
      expectValid(
        withFields({
          source: {
            name: 'Die Zeit',
            url: 'https://example.org/a',
            publishedAt: '2025-12-16T08:00:00Z',
          },
        }),
      );
    });

    it('accepts a 200-character name and rejects 201', () => {
      expectValid(withFields({ source: { name: 's'.repeat(200) } }));
      expectRejectedAt(withFields({ source: { name: 's'.repeat(201) } }), 'source.name');
    });

    it.each([
      ['https://example.org/a'],
      ['http://example.org'],
      ['https://www.zeit.de/politik/2025-12/pistorius?utm=x#top'],
      ['HTTPS://EXAMPLE.ORG/'],
    ])('accepts the http(s) URL %j', (url) => {
      expectValid(withFields({ source: { url } }));
    });

    it.each([
      ['ftp://example.org/a'],
      ['javascript:alert(1)'],
      ['mailto:editor@example.org'],
      ['file:///etc/passwd'],
      ['data:text/html,hi'],
      ['example.org/a'],
      ['//example.org/a'],
      ['not a url'],
      ['https://'],
      [''],
    ])('rejects %j, not an http(s) URL', (url) => {
      expect(detailsOf(withFields({ source: { url } }))).toEqual([
        { path: 'source.url', message: 'must be an http or https URL' },
      ]);
    });

    it.each([
      ['2025-12-16T08:00:00Z'],
      ['2025-12-16T08:00:00+02:00'],
      ['2025-12-16T08:00:00.123-05:30'],
    ])('accepts the date-time with offset %j', (publishedAt) => {
      expectValid(withFields({ source: { publishedAt } }));
    });

    it.each([
      ['2025-12-16T08:00:00', 'no offset'],
      ['2025-12-16', 'a date only'],
      ['16/12/2025 08:00', 'not ISO 8601'],
      ['2025-02-30T08:00:00Z', 'a day that does not exist'],
      ['2025-12-16T25:00:00Z', 'an hour that does not exist'],
    ])('rejects %j (%s)', (publishedAt) => {
      expect(detailsOf(withFields({ source: { publishedAt } }))).toEqual([
        { path: 'source.publishedAt', message: 'must be an ISO 8601 date-time with an offset' },
      ]);
    });
  });

  describe('text that cannot be stored', () => {
    const fields: Array<[string, (text: string) => Record<string, unknown>]> = [
      ['title', (text) => ({ title: `Berlin ${text}` })],
      ['body', (text) => ({ body: text })],
      ['location', (text) => ({ location: text })],
      ['actors[0].name', (text) => ({ actors: [{ name: `A${text}` }] })],
      ['statements[0].actor', (text) => ({ statements: [{ ...statement, actor: `A${text}` }] })],
      ['statements[0].quote', (text) => ({ statements: [{ ...statement, quote: text }] })],
      ['statements[0].summary', (text) => ({ statements: [{ ...statement, summary: text }] })],
      ['source.name', (text) => ({ source: { name: text } })],
      ['source.url', (text) => ({ source: { url: `https://example.org/${text}` } })],
    ];

    describe.each(fields)('in %s', (path, build) => {
      it.each([
        ['U+0000', '\u0000'],
        ['an unpaired high surrogate', '\ud800'],
        ['an unpaired low surrogate', 'x\udc00y'],
        ['surrogates in the wrong order', '\ude00\ud83d'],
      ])('rejects %s', (_what, text) => {
        expectRejectedAt(withFields(build(text)), path);
      });

      it('accepts a surrogate pair (an emoji)', () => {
        expectValid(withFields(build('\ud83d\ude42')));
      });
    });
  });
});
