import { DiscardPolicy, RetentionPolicy, StorageType, StreamConfig } from '@nats-io/jetstream';
import {
  DUPLICATE_WINDOW_MS,
  logStreamConfig,
  LogStreamOptions,
  logStreamWeaknesses,
} from './log-stream-spec';

const options: LogStreamOptions = { streamName: 'NEWS', subjectPrefix: 'news', replicas: 1 };

/** What the server would report for a stream created from logStreamConfig, with changes. */
function stream(changes: Partial<StreamConfig> = {}, from = options): StreamConfig {
  return { ...logStreamConfig(from), ...changes } as StreamConfig;
}

describe('logStreamConfig', () => {
  it('names the stream and takes every subject under the prefix', () => {
    const config = logStreamConfig({
      streamName: 'STAGING',
      subjectPrefix: 'staging',
      replicas: 3,
    });
    expect(config.name).toBe('STAGING');
    expect(config.subjects).toEqual(['staging.>']);
    expect(config.num_replicas).toBe(3);
  });

  it('keeps every event on file, forever, undeletable, refusing writes when full', () => {
    expect(logStreamConfig(options)).toMatchObject({
      storage: StorageType.File,
      retention: RetentionPolicy.Limits,
      max_age: 0,
      max_bytes: -1,
      max_msgs: -1,
      max_msgs_per_subject: -1,
      discard: DiscardPolicy.New,
      deny_delete: true,
      deny_purge: true,
    });
  });

  it('has a two-minute duplicate window, in nanoseconds', () => {
    expect(DUPLICATE_WINDOW_MS).toBe(120_000);
    expect(logStreamConfig(options).duplicate_window).toBe(120_000_000_000);
  });
});

describe('logStreamWeaknesses', () => {
  it.each([[1], [3], [5]])('finds nothing weak in its own config with %i replicas', (replicas) => {
    const wanted = { ...options, replicas };
    expect(logStreamWeaknesses(stream({}, wanted), wanted)).toEqual([]);
  });

  it('finds nothing weak in more replicas than wanted', () => {
    expect(logStreamWeaknesses(stream({ num_replicas: 3 }), options)).toEqual([]);
  });

  it('finds nothing weak in extra subjects besides the wanted one', () => {
    expect(logStreamWeaknesses(stream({ subjects: ['other.x', 'news.>'] }), options)).toEqual([]);
  });

  it.each<[string, Partial<StreamConfig>, RegExp]>([
    ['subjects without the prefix', { subjects: ['other.>'] }, /subjects .* "news\.>"/],
    ['only some subjects of the prefix', { subjects: ['news.dev.>'] }, /do not include "news\.>"/],
    ['no subjects', { subjects: undefined }, /do not include "news\.>"/],
    ['memory storage', { storage: StorageType.Memory }, /storage is "memory"/],
    ['work-queue retention', { retention: RetentionPolicy.Workqueue }, /retention is "workqueue"/],
    ['interest retention', { retention: RetentionPolicy.Interest }, /retention is "interest"/],
    ['a maximum age', { max_age: 3_600_000_000_000 }, /max_age .*expire/],
    ['a byte limit', { max_bytes: 1_000_000 }, /max_bytes is 1000000/],
    ['a message limit', { max_msgs: 1000 }, /max_msgs is 1000/],
    ['a per-subject limit', { max_msgs_per_subject: 1 }, /max_msgs_per_subject is 1/],
    ['discarding old messages', { discard: DiscardPolicy.Old }, /discard policy is "old"/],
    ['deletes allowed', { deny_delete: false }, /deny_delete is off/],
    ['purges allowed', { deny_purge: false }, /deny_purge is off/],
    ['no duplicate window', { duplicate_window: 0 }, /no duplicate window/],
  ])('reports %s, and only that', (_what, changes, message) => {
    const weaknesses = logStreamWeaknesses(stream(changes), options);
    expect(weaknesses).toHaveLength(1);
    expect(weaknesses[0]).toMatch(message);
  });

  it('reports fewer replicas than wanted, and only that', () => {
    const wanted = { ...options, replicas: 3 };
    expect(logStreamWeaknesses(stream({ num_replicas: 1 }, wanted), wanted)).toEqual([
      '1 replicas, 3 wanted',
    ]);
  });

  it('reports a stream made for another prefix', () => {
    const other = { ...options, subjectPrefix: 'staging' };
    const weaknesses = logStreamWeaknesses(stream({}, other), options);
    expect(weaknesses).toHaveLength(1);
    expect(weaknesses[0]).toMatch(/"news\.>"/);
  });

  it('reports every weakness at once', () => {
    const weak = stream({
      subjects: ['other.>'],
      storage: StorageType.Memory,
      retention: RetentionPolicy.Interest,
      max_age: 1,
      max_bytes: 1,
      max_msgs: 1,
      max_msgs_per_subject: 1,
      discard: DiscardPolicy.Old,
      deny_delete: false,
      deny_purge: false,
      duplicate_window: 0,
      num_replicas: 1,
    });
    expect(logStreamWeaknesses(weak, { ...options, replicas: 3 })).toHaveLength(12);
  });
});
