import { validateActorId, validateActorMerge } from './actor-merge.schema';

describe('validateActorId', () => {
  it('takes a slug in any script, in NFC or NFD', () => {
    expect(validateActorId('volodymyr-zelensky')).toEqual({
      ok: true,
      value: 'volodymyr-zelensky',
    });
    const nfd = 'зеленський'.normalize('NFD');
    expect(validateActorId(nfd)).toEqual({ ok: true, value: 'зеленський'.normalize('NFC') });
  });

  it('names the slug a name would give, and refuses ids too long for an actor', () => {
    expect(validateActorId('Volodymyr Zelensky')).toEqual({
      ok: false,
      details: [
        {
          path: 'actorId',
          message: 'must be an actor id: the slug of a name (did you mean volodymyr-zelensky?)',
        },
      ],
    });
    expect(validateActorId('a'.repeat(201))).toMatchObject({ ok: false });
    expect(validateActorId('a'.repeat(200))).toMatchObject({ ok: true });
  });
});

describe('validateActorMerge', () => {
  it('takes into and an optional reason, and lists every problem', () => {
    expect(validateActorMerge({ into: 'kremlin', reason: 'article' })).toEqual({
      ok: true,
      value: { into: 'kremlin', reason: 'article' },
    });
    const refused = validateActorMerge({ into: 'The Kremlin', reason: 'x'.repeat(2001), by: 1 });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.details.map((detail) => detail.path).sort()).toEqual(['by', 'into', 'reason']);
    }
    expect(validateActorMerge([])).toMatchObject({ ok: false });
  });
});
