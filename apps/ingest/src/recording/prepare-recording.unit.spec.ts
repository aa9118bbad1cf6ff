import {
  contentIdempotencyKey,
  DevelopmentInput,
  developmentIdFor,
  normalizeDevelopment,
} from '@app/contracts';
import { prepareRecording } from './prepare-recording';

const body: DevelopmentInput = {
  occurredOn: '2025-12-14',
  title: 'Berlin talks',
  actors: [{ name: 'Volodymyr Zelensky' }],
  statements: [{ actor: 'Rustem Umerov', topic: 'peace-plan', stance: 'support' }],
};

function prepared(input: unknown, key?: string) {
  const result = prepareRecording(input, key);
  if (!result.ok) throw new Error(`unexpectedly invalid: ${JSON.stringify(result.details)}`);
  return result.data;
}

function pathsOf(input: unknown, key?: string): string[] {
  const result = prepareRecording(input, key);
  return result.ok ? [] : result.details.map((detail) => detail.path);
}

describe('prepareRecording', () => {
  describe('a valid body', () => {
    it('is recorded as its normalized development', () => {
      expect(prepared(body).development).toEqual(normalizeDevelopment(body));
      expect(prepared(body).development.actors.map((actor) => actor.id)).toEqual([
        'volodymyr-zelensky',
        'rustem-umerov',
      ]);
    });

    it('without a header, is keyed by its content', () => {
      const data = prepared(body);
      expect(data.idempotencyKey).toBe(contentIdempotencyKey(body));
      expect(data.developmentId).toBe(developmentIdFor(contentIdempotencyKey(body)));
    });

    it('gets the same developmentId when the same body is posted again', () => {
      expect(prepared(JSON.parse(JSON.stringify(body))).developmentId).toBe(
        prepared(body).developmentId,
      );
    });

    it('gets the same developmentId with keys in another order', () => {
      const reordered = {
        statements: [{ stance: 'support', topic: 'peace-plan', actor: 'Rustem Umerov' }],
        actors: [{ name: 'Volodymyr Zelensky' }],
        title: 'Berlin talks',
        occurredOn: '2025-12-14',
      };
      expect(prepared(reordered).developmentId).toBe(prepared(body).developmentId);
    });

    it('gets another developmentId when the content differs', () => {
      expect(prepared({ ...body, title: 'Berlin talks, day 2' }).developmentId).not.toBe(
        prepared(body).developmentId,
      );
    });
  });

  describe('a body sent composed or decomposed (NFC or NFD)', () => {
    const composed = {
      occurredOn: '2025-12-14',
      title: 'Зеленський у Берліні',
      actors: [{ name: 'Сергій Кислиця' }],
    };
    const decomposed = JSON.parse(JSON.stringify(composed).normalize('NFD')) as typeof composed;

    it('gets the same developmentId without an Idempotency-Key', () => {
      expect(decomposed.title).not.toBe(composed.title);
      expect(prepared(decomposed).developmentId).toBe(prepared(composed).developmentId);
    });

    it('gives its actors the same ids', () => {
      expect(prepared(decomposed).development.actors[0].id).toBe(
        prepared(composed).development.actors[0].id,
      );
    });

    it('is recorded with its text as it was sent', () => {
      expect(prepared(decomposed).development.title).toBe(decomposed.title);
      expect(prepared(decomposed).development.actors[0].name).toBe(decomposed.actors[0].name);
    });
  });

  describe('the Idempotency-Key header', () => {
    it('overrides the content key', () => {
      const data = prepared(body, 'order-1');
      expect(data.idempotencyKey).toBe('order-1');
      expect(data.developmentId).toBe(developmentIdFor('order-1'));
      expect(data.developmentId).not.toBe(prepared(body).developmentId);
    });

    it('maps different bodies with the same key to the same developmentId', () => {
      expect(prepared({ ...body, title: 'Other' }, 'order-1').developmentId).toBe(
        prepared(body, 'order-1').developmentId,
      );
    });

    it('maps the same body with different keys to different developmentIds', () => {
      expect(prepared(body, 'order-1').developmentId).not.toBe(
        prepared(body, 'order-2').developmentId,
      );
    });

    it.each([
      ['empty', ''],
      ['holding a space', 'order 1'],
      ['non-ASCII', 'заказ-1'],
      ['201 characters long', 'k'.repeat(201)],
    ])('is rejected when %s', (_what, key) => {
      expect(prepareRecording(body, key)).toEqual({
        ok: false,
        details: [
          { path: 'Idempotency-Key', message: 'must be 1 to 200 visible ASCII characters' },
        ],
      });
    });

    it('is reported alongside the problems of the body', () => {
      expect(pathsOf({ title: '', extra: 1 }, 'bad key').sort()).toEqual(
        ['Idempotency-Key', 'occurredOn', 'title', 'extra'].sort(),
      );
    });

    it('is reported alongside a body that is not an object', () => {
      expect(pathsOf([], '')).toEqual(['Idempotency-Key', '']);
    });
  });

  describe('an invalid body', () => {
    it('with a valid key, reports only the body problems', () => {
      expect(
        pathsOf({ ...body, statements: [{ actor: 'A', topic: 't', stance: 'x' }] }, 'k'),
      ).toEqual(['statements[0].stance']);
    });

    it.each([
      ['null', null],
      ['an array', [body]],
      ['a string', 'Berlin talks'],
    ])('is rejected when it is %s', (_what, input) => {
      expect(prepareRecording(input)).toEqual({
        ok: false,
        details: [{ path: '', message: 'must be a JSON object' }],
      });
    });
  });
});
