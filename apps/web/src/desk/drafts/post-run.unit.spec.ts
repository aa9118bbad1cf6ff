import type { WriteAnswer } from '../../api/ingest-client';
import type { PostResult } from './draft-work';
import { postDrafts } from './post-run';

const recorded = (id: string): WriteAnswer => ({
  status: 202,
  body: { developmentId: id, eventId: `e-${id}`, sequence: 1, duplicate: false },
});

describe('postDrafts', () => {
  it('posts the drafts in order, one after another, and reports each', async () => {
    const sent: number[] = [];
    const started: number[] = [];
    const reported: [number, PostResult['kind']][] = [];
    let inFlight = 0;
    const outcome = await postDrafts({
      indexes: [0, 2, 3],
      send: async (index) => {
        inFlight += 1;
        expect(inFlight).toBe(1);
        sent.push(index);
        await Promise.resolve();
        inFlight -= 1;
        return index === 2
          ? { status: 200, body: { developmentId: 'd-2', sequence: 1, duplicate: true } }
          : recorded(`d-${index}`);
      },
      onStart: (index) => started.push(index),
      onResult: (index, result) => reported.push([index, result.kind]),
    });
    expect(sent).toEqual([0, 2, 3]);
    expect(started).toEqual([0, 2, 3]);
    expect(reported).toEqual([
      [0, 'recorded'],
      [2, 'duplicate'],
      [3, 'recorded'],
    ]);
    expect(outcome.unsent).toEqual([]);
  });

  it('goes on past an invalid draft and one that got no answer', async () => {
    const outcome = await postDrafts({
      indexes: [0, 1, 2],
      send: (index) => {
        if (index === 0) {
          return Promise.resolve({
            status: 400,
            body: { details: [{ path: 'title', message: 'x' }] },
          });
        }
        if (index === 1) return Promise.reject(new TypeError('Failed to fetch'));
        return Promise.resolve(recorded('d-2'));
      },
      onResult: () => undefined,
    });
    expect(outcome.results.map(({ index, result }) => [index, result.kind])).toEqual([
      [0, 'invalid'],
      [1, 'failed'],
      [2, 'recorded'],
    ]);
  });

  it('stops at a 401 or 403, as the others would be refused too', async () => {
    const sent: number[] = [];
    const outcome = await postDrafts({
      indexes: [4, 5, 6],
      send: (index) => {
        sent.push(index);
        return Promise.resolve(
          index === 5 ? { status: 403, body: { error: 'forbidden' } } : recorded('d'),
        );
      },
      onResult: () => undefined,
    });
    expect(sent).toEqual([4, 5]);
    expect(outcome.unsent).toEqual([6]);
    expect(outcome.results.at(-1)?.result.kind).toBe('unauthorized');
  });
});
