import { DiscardPolicy, RetentionPolicy, StorageType, StreamConfig } from '@nats-io/jetstream';
import { streamSubjects } from '@app/contracts';

const NANOS_PER_MS = 1_000_000;
export const DUPLICATE_WINDOW_MS = 2 * 60 * 1000;

export interface LogStreamOptions {
  streamName: string;
  subjectPrefix: string;
  replicas: number;
}

/** The log: on file, never expiring, nothing can be deleted or purged, full means refuse. */
export function logStreamConfig(
  options: LogStreamOptions,
): Partial<StreamConfig> & { name: string } {
  return {
    name: options.streamName,
    subjects: [streamSubjects(options.subjectPrefix)],
    storage: StorageType.File,
    retention: RetentionPolicy.Limits,
    max_age: 0,
    max_bytes: -1,
    max_msgs: -1,
    max_msgs_per_subject: -1,
    discard: DiscardPolicy.New,
    deny_delete: true,
    deny_purge: true,
    duplicate_window: DUPLICATE_WINDOW_MS * NANOS_PER_MS,
    num_replicas: options.replicas,
  };
}

/** Every way an existing stream is weaker than the log needs; empty when it is fit. */
export function logStreamWeaknesses(actual: StreamConfig, options: LogStreamOptions): string[] {
  const wanted = streamSubjects(options.subjectPrefix);
  const problems: Array<[boolean, string]> = [
    [
      !actual.subjects?.includes(wanted),
      `subjects ${JSON.stringify(actual.subjects)} do not include "${wanted}"`,
    ],
    [actual.storage !== StorageType.File, `storage is "${actual.storage}", not "file"`],
    [
      actual.retention !== RetentionPolicy.Limits,
      `retention is "${actual.retention}", not "limits"`,
    ],
    [actual.max_age > 0, `max_age is ${actual.max_age} ns: events would expire`],
    [
      actual.max_bytes > 0,
      `max_bytes is ${actual.max_bytes}: old events would be discarded or writes refused`,
    ],
    [actual.max_msgs > 0, `max_msgs is ${actual.max_msgs}`],
    [
      (actual.max_msgs_per_subject ?? -1) > 0,
      `max_msgs_per_subject is ${actual.max_msgs_per_subject}: a development's events would be dropped`,
    ],
    [
      actual.discard !== DiscardPolicy.New,
      `discard policy is "${actual.discard}": old events would be dropped when full`,
    ],
    [!actual.deny_delete, 'deny_delete is off: events could be deleted'],
    [!actual.deny_purge, 'deny_purge is off: the log could be purged'],
    [!(actual.duplicate_window > 0), 'no duplicate window'],
    [
      actual.num_replicas < options.replicas,
      `${actual.num_replicas} replicas, ${options.replicas} wanted`,
    ],
  ];
  return problems.filter(([weak]) => weak).map(([, message]) => message);
}
