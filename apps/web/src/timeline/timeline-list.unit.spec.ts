import type { Development } from '@app/client';
import { aDevelopment } from '../testing/development-fixture';
import { NO_FILTERS } from './timeline-filters';
import {
  appendPage,
  applyLiveDevelopment,
  compareDevelopments,
  mergeRefreshedBeginning,
} from './timeline-list';
import type { LoadedTimeline, LiveOutcome } from './timeline-list';

const ids = (items: Development[]) => items.map((item) => item.developmentId);
const loadedOf = (outcome: LiveOutcome) => {
  if (outcome.kind !== 'changed') throw new Error(`expected a change, got ${outcome.kind}`);
  return outcome.loaded;
};

const miami = aDevelopment({ developmentId: 'miami', occurredOn: '2025-11-30', sequence: 1 });
const zelensky = aDevelopment({ developmentId: 'zelensky', occurredOn: '2025-12-02', sequence: 2 });
const putin = aDevelopment({ developmentId: 'putin', occurredOn: '2025-12-02', sequence: 3 });
const berlin = aDevelopment({ developmentId: 'berlin', occurredOn: '2025-12-14', sequence: 4 });

describe('compareDevelopments', () => {
  it('orders by occurredOn, then by the sequence first recorded, either way', () => {
    const shuffled = [berlin, putin, miami, zelensky];
    expect(ids([...shuffled].sort((a, b) => compareDevelopments(a, b, 'asc')))).toEqual([
      'miami',
      'zelensky',
      'putin',
      'berlin',
    ]);
    expect(ids([...shuffled].sort((a, b) => compareDevelopments(a, b, 'desc')))).toEqual([
      'berlin',
      'putin',
      'zelensky',
      'miami',
    ]);
  });
});

describe('applyLiveDevelopment', () => {
  const complete: LoadedTimeline = { items: [miami, putin, berlin], nextCursor: null };

  it('inserts a new development where the order puts it', () => {
    const loaded = loadedOf(applyLiveDevelopment(complete, zelensky, NO_FILTERS));
    expect(ids(loaded.items)).toEqual(['miami', 'zelensky', 'putin', 'berlin']);
  });

  it('inserts at the end when the whole timeline is loaded', () => {
    const later = aDevelopment({ developmentId: 'later', occurredOn: '2025-12-21', sequence: 9 });
    expect(ids(loadedOf(applyLiveDevelopment(complete, later, NO_FILTERS)).items)).toEqual([
      'miami',
      'putin',
      'berlin',
      'later',
    ]);
  });

  it('leaves one after the loaded part to the page that will bring it', () => {
    const partial = { ...complete, nextCursor: 'next' };
    const later = aDevelopment({ developmentId: 'later', occurredOn: '2025-12-21', sequence: 9 });
    expect(applyLiveDevelopment(partial, later, NO_FILTERS)).toEqual({ kind: 'unchanged' });
    expect(ids(loadedOf(applyLiveDevelopment(partial, zelensky, NO_FILTERS)).items)).toEqual([
      'miami',
      'zelensky',
      'putin',
      'berlin',
    ]);
  });

  it('updates a development in place', () => {
    const corrected = { ...putin, title: 'Corrected', revision: 2, lastSequence: 7 };
    const loaded = loadedOf(applyLiveDevelopment(complete, corrected, NO_FILTERS));
    expect(ids(loaded.items)).toEqual(['miami', 'putin', 'berlin']);
    expect(loaded.items[1]?.title).toBe('Corrected');
  });

  it('moves a development whose date was corrected', () => {
    const moved = {
      ...miami,
      occurredOn: '2025-12-20',
      occurredUntil: '2025-12-20',
      lastSequence: 8,
    };
    expect(ids(loadedOf(applyLiveDevelopment(complete, moved, NO_FILTERS)).items)).toEqual([
      'putin',
      'berlin',
      'miami',
    ]);
    const partial = { ...complete, nextCursor: 'next' };
    expect(ids(loadedOf(applyLiveDevelopment(partial, moved, NO_FILTERS)).items)).toEqual([
      'putin',
      'berlin',
    ]);
  });

  it('takes out a retracted development unless retracted ones are shown', () => {
    const retracted = { ...putin, lastSequence: 8, retracted: { reason: 'denied', sequence: 8 } };
    expect(ids(loadedOf(applyLiveDevelopment(complete, retracted, NO_FILTERS)).items)).toEqual([
      'miami',
      'berlin',
    ]);
    const shown = loadedOf(
      applyLiveDevelopment(complete, retracted, { ...NO_FILTERS, includeRetracted: true }),
    );
    expect(shown.items[1]?.retracted).toEqual({ reason: 'denied', sequence: 8 });
  });

  it('ignores a state older than the one shown, and developments the filters leave out', () => {
    const newer = { ...putin, lastSequence: 9 };
    const loaded = loadedOf(applyLiveDevelopment(complete, newer, NO_FILTERS));
    expect(applyLiveDevelopment(loaded, { ...putin, lastSequence: 5 }, NO_FILTERS)).toEqual({
      kind: 'unchanged',
    });
    expect(applyLiveDevelopment(complete, zelensky, { ...NO_FILTERS, topic: 'sanctions' })).toEqual(
      { kind: 'unchanged' },
    );
  });

  it('takes out a development corrected out of the filters', () => {
    const onTopic = { ...putin, topics: ['peace-plan'] };
    const filters = { ...NO_FILTERS, topic: 'peace-plan' };
    const loaded = { items: [onTopic], nextCursor: null };
    const offTopic = { ...onTopic, topics: ['sanctions'], lastSequence: 9 };
    expect(loadedOf(applyLiveDevelopment(loaded, offTopic, filters)).items).toEqual([]);
  });

  it('follows the newest-first order', () => {
    const desc = { items: [berlin, putin, miami], nextCursor: null };
    const filters = { ...NO_FILTERS, order: 'desc' as const };
    expect(ids(loadedOf(applyLiveDevelopment(desc, zelensky, filters)).items)).toEqual([
      'berlin',
      'putin',
      'zelensky',
      'miami',
    ]);
  });

  it('asks for a reload under a full-text search', () => {
    expect(applyLiveDevelopment(complete, zelensky, { ...NO_FILTERS, q: 'talks' })).toEqual({
      kind: 'refresh',
    });
  });
});

describe('appendPage', () => {
  it('appends the next page and its cursor', () => {
    const loaded = appendPage(
      { items: [miami], nextCursor: 'one' },
      { items: [zelensky, putin], nextCursor: null },
    );
    expect(ids(loaded.items)).toEqual(['miami', 'zelensky', 'putin']);
    expect(loaded.nextCursor).toBeNull();
  });

  it('keeps one state of a development the page brings again', () => {
    const newer = { ...putin, lastSequence: 9, title: 'newer' };
    const kept = appendPage(
      { items: [newer], nextCursor: 'one' },
      { items: [putin], nextCursor: null },
    );
    expect(kept.items).toEqual([newer]);
    const replaced = appendPage(
      { items: [putin], nextCursor: 'one' },
      { items: [newer], nextCursor: null },
    );
    expect(replaced.items).toEqual([newer]);
  });
});

describe('mergeRefreshedBeginning', () => {
  it('takes the fresh page when it is the whole timeline', () => {
    const merged = mergeRefreshedBeginning(
      { items: [miami, putin], nextCursor: null },
      { items: [miami, zelensky], nextCursor: null },
      'asc',
    );
    expect(merged).toEqual({ items: [miami, zelensky], nextCursor: null });
  });

  it('keeps loaded developments after the end of the fresh page', () => {
    const merged = mergeRefreshedBeginning(
      { items: [miami, putin, berlin], nextCursor: 'after-berlin' },
      { items: [miami, zelensky], nextCursor: 'after-zelensky' },
      'asc',
    );
    expect(ids(merged.items)).toEqual(['miami', 'zelensky', 'putin', 'berlin']);
    expect(merged.nextCursor).toBe('after-berlin');
  });

  it("uses the fresh page's cursor when it covers everything loaded", () => {
    const merged = mergeRefreshedBeginning(
      { items: [miami], nextCursor: 'after-miami' },
      { items: [miami, zelensky], nextCursor: 'after-zelensky' },
      'asc',
    );
    expect(merged).toEqual({ items: [miami, zelensky], nextCursor: 'after-zelensky' });
  });
});
