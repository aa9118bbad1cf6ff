import { ApiError } from '@app/http';
import {
  applyBatch,
  CURRENT_RELATIONS,
  PROJECTIONS,
  ReadModelRelations,
  relationsKnownAtParameter,
} from '@app/read-model';
import type { SqlExecutor } from '@app/read-model';
import { recordedAt, useTestDatabase } from '@app/read-model/testing';
import { KNOWN_AT_HEADER, ReadModelAt } from './read-model-at';

describe('ReadModelAt on a real PostgreSQL database', () => {
  const database = useTestDatabase();
  let queries = 0;
  /** The database, counting what is asked of it. */
  const counted: SqlExecutor = {
    query: (sql, parameters) => {
      queries += 1;
      return database.dataSource.query(sql, parameters);
    },
  };

  const record = (...sequences: number[]) =>
    applyBatch(
      database.transactions,
      PROJECTIONS,
      sequences.map((sequence) =>
        recordedAt(sequence, { occurredOn: '2025-12-01', title: `development ${sequence}` }),
      ),
    );

  /** Answers with the relations it was given, and the headers it set. */
  const ask = async (readModel: ReadModelAt, knownAt: Parameters<ReadModelAt['answer']>[0]) => {
    const headers: Record<string, string> = {};
    const reply = {
      header(name: string, value: string) {
        headers[name] = value;
        return this;
      },
    } as unknown as Parameters<ReadModelAt['answer']>[1];
    const relations = await readModel.answer(knownAt, reply, (given: ReadModelRelations) =>
      Promise.resolve(given),
    );
    return { relations, headers };
  };

  beforeAll(() => record(1, 2, 3));
  beforeEach(() => (queries = 0));

  it('answers from the present without knownAt, with no header and no check', async () => {
    const answer = await ask(new ReadModelAt(counted), undefined);
    expect(answer).toEqual({ relations: CURRENT_RELATIONS, headers: {} });
    expect(queries).toBe(0);
  });

  it('answers for an applied sequence, and for a time, naming the sequence in the header', async () => {
    const readModel = new ReadModelAt(counted);
    const bySequence = await ask(readModel, { sequence: 2 });
    expect(bySequence.headers).toEqual({ [KNOWN_AT_HEADER]: '2' });
    expect(JSON.stringify(bySequence.relations)).toBe(JSON.stringify(relationsKnownAtParameter(2)));
    // Sequence 2 was recorded at 00:00:02 (recordedAt): a time between it and 3 stands for 2.
    const byTime = await ask(readModel, { time: '2025-12-01T00:00:02.500Z' });
    expect(byTime.headers).toEqual({ [KNOWN_AT_HEADER]: '2' });
    expect(byTime.relations.parameters).toEqual([2]);
  });

  it('checks a sequence only when it is outside what was known when last asked', async () => {
    const readModel = new ReadModelAt(counted);
    await ask(readModel, { sequence: 1 });
    expect(queries).toBe(1);
    await ask(readModel, { sequence: 3 });
    await ask(readModel, { sequence: 2 });
    expect(queries).toBe(1);

    await record(4);
    expect((await ask(readModel, { sequence: 4 })).headers).toEqual({ [KNOWN_AT_HEADER]: '4' });
    expect(queries).toBe(2);
  });

  it('refuses a sequence not applied yet with not_yet_known, naming the position', async () => {
    const refusal = ask(new ReadModelAt(counted), { sequence: 90 });
    await expect(refusal).rejects.toBeInstanceOf(ApiError);
    await expect(refusal).rejects.toMatchObject({
      code: 'not_yet_known',
      status: 409,
      message: expect.stringContaining('up to sequence 4'),
    });
  });

  it('refuses a sequence older than the history kept with history_not_kept', async () => {
    await database.dataSource.query(
      'UPDATE read_model.projection_checkpoints SET history_from = 3',
    );
    try {
      const readModel = new ReadModelAt(counted);
      await expect(ask(readModel, { sequence: 2 })).rejects.toMatchObject({
        code: 'history_not_kept',
        status: 409,
      });
      expect((await ask(readModel, { sequence: 3 })).headers).toEqual({
        [KNOWN_AT_HEADER]: '3',
      });
    } finally {
      await database.dataSource.query(
        'UPDATE read_model.projection_checkpoints SET history_from = 0',
      );
    }
  });
});
