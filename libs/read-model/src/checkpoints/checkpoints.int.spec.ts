import { useTestDatabase } from '@app/read-model/testing';
import { READ_MODEL_SCHEMA } from '../database/read-model-schema';
import { lockLivePosition, readCheckpoints, setCheckpoints } from './checkpoints';

describe('checkpoints on a real PostgreSQL database', () => {
  const database = useTestDatabase();

  it('sets checkpoints, creating the missing ones and moving the others', async () => {
    await setCheckpoints(database.dataSource, ['timeline'], 4, READ_MODEL_SCHEMA);
    await setCheckpoints(database.dataSource, ['timeline', 'positions'], 9, READ_MODEL_SCHEMA);
    expect(await readCheckpoints(database.dataSource, ['timeline', 'positions', 'other'])).toEqual(
      new Map([
        ['timeline', 9],
        ['positions', 9],
        ['other', 0],
      ]),
    );
  });

  it('finds the furthest live position, 0 when nothing was applied', async () => {
    await setCheckpoints(database.dataSource, ['timeline'], 12, READ_MODEL_SCHEMA);
    expect(await lockLivePosition(database.dataSource, ['timeline', 'positions'])).toBe(12);
    expect(await lockLivePosition(database.dataSource, ['unknown'])).toBe(0);
  });

  it('keeps the live checkpoints locked until the transaction ends', async () => {
    const tryLock = () =>
      database.dataSource.query(
        `SELECT position FROM ${READ_MODEL_SCHEMA}.projection_checkpoints
          WHERE name = 'timeline' FOR UPDATE NOWAIT`,
      );
    await database.dataSource.transaction(async (manager) => {
      await lockLivePosition(manager, ['timeline']);
      await expect(tryLock()).rejects.toMatchObject({ code: '55P03' });
    });
    await expect(tryLock()).resolves.toHaveLength(1);
  });
});
