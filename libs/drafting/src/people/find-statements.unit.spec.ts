import type { Vocabulary } from '../draft';
import { findActors } from './find-actors';
import { findStatements, type StatementFinding } from './find-statements';
import { findTopics, type TopicMention } from './find-topics';
import { MERGED_VOCABULARY, VOCABULARY, whole } from './testing/vocabulary';

function statements(
  text: string,
  vocabulary: Vocabulary = VOCABULARY,
  topics?: TopicMention[],
): StatementFinding[] {
  const span = whole(text);
  const actors = findActors(text, span, vocabulary);
  return findStatements(
    text,
    span,
    actors,
    topics ?? findTopics(text, span, vocabulary),
    vocabulary,
  );
}

/** Topics a Cyrillic text cannot match by itself, as a draft's English neighbours give them. */
const PEACE_PLAN: TopicMention[] = [{ topic: 'peace-plan', start: 0, end: 0 }];

describe('findStatements', () => {
  describe('reported speech', () => {
    it('reads "X said that ..."', () => {
      const text = 'Zelensky said that the peace plan must keep the army intact.';
      expect(statements(text)).toEqual([
        {
          actor: 'volodymyr-zelensky',
          topic: 'peace-plan',
          summary: 'The peace plan must keep the army intact',
          start: 0,
          end: 59,
        },
      ]);
    });

    it('reads "X noted ...", past an apposition with a title', () => {
      const text =
        'Rustem Umerov, secretary of the security council, noted the security guarantees were still open.';
      expect(statements(text)).toEqual([
        expect.objectContaining({
          actor: 'rustem-umerov',
          topic: 'security-guarantees',
          summary: 'The security guarantees were still open',
        }),
      ]);
    });

    it('reads "... , X said" with what was said first', () => {
      const text = 'The peace plan needs another round, Merz said on Sunday.';
      expect(statements(text)).toEqual([
        expect.objectContaining({
          actor: 'friedrich-merz',
          summary: 'The peace plan needs another round',
        }),
      ]);
    });

    it('reads "according to X, ..."', () => {
      const text = 'According to Umerov, a ceasefire could start in spring.';
      expect(statements(text)).toEqual([
        expect.objectContaining({
          actor: 'rustem-umerov',
          topic: 'ceasefire',
          summary: 'A ceasefire could start in spring',
        }),
      ]);
    });

    it('reads past an adverbial before "that"', () => {
      const text = 'Merz told reporters in Berlin that new sanctions were ready.';
      expect(statements(text)).toEqual([
        expect.objectContaining({ actor: 'friedrich-merz', summary: 'New sanctions were ready' }),
      ]);
    });

    it('refers "he", "according to him" and a title alone to the person last named', () => {
      const text =
        'Merz spent the day in Kyiv. Any ceasefire, he said, has to be watched. According to him, sanctions stay. The chancellor stressed that the peace plan is not final.';
      expect(statements(text).map((s) => [s.actor, s.topic, s.summary])).toEqual([
        ['friedrich-merz', 'ceasefire', 'Any ceasefire has to be watched'],
        ['friedrich-merz', 'sanctions', 'Sanctions stay'],
        ['friedrich-merz', 'peace-plan', 'The peace plan is not final'],
      ]);
    });

    it('reads Ukrainian and Russian reported speech', () => {
      expect(
        statements('Умєров заявив, що переговори були змістовними.', VOCABULARY, PEACE_PLAN),
      ).toEqual([
        expect.objectContaining({
          actor: 'rustem-umerov',
          topic: 'peace-plan',
          summary: 'Переговори були змістовними',
        }),
      ]);
      expect(
        statements('За словами Зеленського, документ майже готовий.', VOCABULARY, PEACE_PLAN),
      ).toEqual([
        expect.objectContaining({ actor: 'volodymyr-zelensky', summary: 'Документ майже готовий' }),
      ]);
      expect(statements('Зеленський зазначив, що команда працює.', VOCABULARY, PEACE_PLAN)).toEqual(
        [expect.objectContaining({ actor: 'volodymyr-zelensky' })],
      );
      expect(statements('Путин заявил, что встреча возможна.', VOCABULARY, PEACE_PLAN)).toEqual([
        expect.objectContaining({ actor: 'vladimir-putin', summary: 'Встреча возможна' }),
      ]);
      expect(statements('Трамп отметил, что сделка близка.', VOCABULARY, PEACE_PLAN)).toEqual([
        expect.objectContaining({ actor: 'donald-trump', summary: 'Сделка близка' }),
      ]);
    });
  });

  describe('quotations', () => {
    it('attaches a quotation to the speech around it', () => {
      const text = 'Zelensky said: “We will not sign a peace plan that rewards the invasion.”';
      const [statement] = statements(text);
      expect(statement).toEqual(
        expect.objectContaining({
          actor: 'volodymyr-zelensky',
          topic: 'peace-plan',
          quote: 'We will not sign a peace plan that rewards the invasion.',
        }),
      );
      expect(text.slice(statement.quoteStart, statement.quoteEnd)).toBe(statement.quote);
      expect(statement.summary).toBeUndefined();
    });

    it('keeps a short quotation inside a summary', () => {
      const text = 'Trump said the ceasefire was “a first real step” for everyone.';
      expect(statements(text)).toEqual([
        expect.objectContaining({
          actor: 'donald-trump',
          quote: 'a first real step',
          summary: 'The ceasefire was “a first real step” for everyone',
        }),
      ]);
    });

    it('attributes a quotation to a name after a dash or before a colon', () => {
      const dashed = '“Sanctions work, and they will get tighter.”\n– Friedrich Merz';
      expect(statements(dashed)).toEqual([
        expect.objectContaining({
          actor: 'friedrich-merz',
          topic: 'sanctions',
          quote: 'Sanctions work, and they will get tighter.',
        }),
      ]);
      const colon = 'Merz: "New sanctions are coming this month."';
      expect(statements(colon)).toEqual([
        expect.objectContaining({
          actor: 'friedrich-merz',
          quote: 'New sanctions are coming this month.',
        }),
      ]);
    });

    it('reads «...» and „...“', () => {
      const text =
        'Зеленський заявив: «План має бути чесним». Умєров додав: „Ми готові працювати“.';
      expect(statements(text, VOCABULARY, PEACE_PLAN).map((s) => [s.actor, s.quote])).toEqual([
        ['volodymyr-zelensky', 'План має бути чесним'],
        ['rustem-umerov', 'Ми готові працювати'],
      ]);
    });

    it('leaves a quotation nobody is named for, and names in quotation marks', () => {
      expect(statements('The talks were called “a useful exchange on the peace plan.”')).toEqual(
        [],
      );
      expect(statements('Merz praised the “Peace Plan Initiative” in Rome.')).toEqual([]);
    });
  });

  describe('stance', () => {
    it('reads "rejected", "refused" and "opposed" as oppose', () => {
      expect(statements('Moscow rejected the peace plan.', MERGED_VOCABULARY)).toEqual([
        expect.objectContaining({
          actor: 'russia',
          topic: 'peace-plan',
          stance: 'oppose',
          summary: 'Moscow rejected the peace plan',
        }),
      ]);
      expect(statements('Russia refused any ceasefire.')).toEqual([
        expect.objectContaining({ actor: 'russia', stance: 'oppose' }),
      ]);
      expect(statements('Москва відхилила мирний план.', MERGED_VOCABULARY, PEACE_PLAN)).toEqual([
        expect.objectContaining({ actor: 'russia', stance: 'oppose' }),
      ]);
      expect(statements('Кремль отверг мирный план.', MERGED_VOCABULARY, PEACE_PLAN)).toEqual([
        expect.objectContaining({ actor: 'russia', stance: 'oppose' }),
      ]);
    });

    it('reads "supported", "welcomed" and "agreed to" as support', () => {
      expect(statements('Merz welcomed the new sanctions.')).toEqual([
        expect.objectContaining({ actor: 'friedrich-merz', stance: 'support' }),
      ]);
      expect(statements('The United States agreed to a ceasefire in the Black Sea.')).toEqual([
        expect.objectContaining({ actor: 'usa', topic: 'ceasefire', stance: 'support' }),
      ]);
      expect(statements('Зеленський підтримав мирний план.', VOCABULARY, PEACE_PLAN)).toEqual([
        expect.objectContaining({ actor: 'volodymyr-zelensky', stance: 'support' }),
      ]);
    });

    it('reads "ready to ... if", "only if" and "on condition" as conditional', () => {
      expect(
        statements('Zelensky said Ukraine is ready to sign the peace plan if the guarantees hold.'),
      ).toEqual([expect.objectContaining({ actor: 'volodymyr-zelensky', stance: 'conditional' })]);
      expect(statements('Merz said sanctions could ease only if the shelling stops.')).toEqual([
        expect.objectContaining({ actor: 'friedrich-merz', stance: 'conditional' }),
      ]);
      expect(
        statements(
          'Умєров заявив, що угода можлива лише за умови гарантій.',
          VOCABULARY,
          PEACE_PLAN,
        ),
      ).toEqual([expect.objectContaining({ actor: 'rustem-umerov', stance: 'conditional' })]);
    });

    it('gives a stance inside reported speech to the one who acts', () => {
      const text =
        'Zelensky said the United States proposed new sanctions but Russia rejected them.';
      expect(statements(text).map((s) => [s.actor, s.stance])).toEqual([
        ['volodymyr-zelensky', undefined],
        ['usa', 'support'],
        ['russia', 'oppose'],
      ]);
    });

    it('proposes no stance without a strong cue, or when hedged or negated', () => {
      expect(statements('Merz said the sanctions matter.')[0].stance).toBeUndefined();
      expect(
        statements('Putin said that Ukraine allegedly refuses the peace plan.').map((s) => [
          s.actor,
          s.stance,
        ]),
      ).toEqual([['vladimir-putin', undefined]]);
      expect(statements('Russia did not reject the ceasefire.')).toEqual([]);
    });
  });

  it('leaves out statements when the span has no topic', () => {
    expect(statements('Zelensky said that the weather was cold.')).toEqual([]);
  });

  it('leaves out speech with nobody named to say it', () => {
    expect(statements('Officials said the peace plan was ready.')).toEqual([]);
  });
});
