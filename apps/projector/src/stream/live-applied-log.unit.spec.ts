import { Subject } from 'rxjs';
import type { AppliedSignal } from './applied-notifications';
import {
  AppliedLogSource,
  LiveAppliedLog,
  LogFollower,
  Sequenced,
  TakeItems,
} from './live-applied-log';

const BATCH = 2;

const flushPromises = () => new Promise((resolve) => setImmediate(resolve));

/** An applied log kept in memory, read in small batches; a read can be held or made to fail. */
class MemoryLog implements AppliedLogSource<Sequenced> {
  readonly name = 'live items';
  readonly items: Sequenced[] = [];
  reads = 0;
  private held: Promise<void> | null = null;
  private failing = false;

  append(...sequences: number[]): void {
    this.items.push(...sequences.map((sequence) => ({ sequence })));
  }

  /** The next read waits until the returned function is called. */
  holdNextRead(): () => void {
    let release = () => {};
    this.held = new Promise((resolve) => (release = resolve));
    return release;
  }

  failNextRead(): void {
    this.failing = true;
  }

  position(): Promise<number> {
    return Promise.resolve(this.items[this.items.length - 1]?.sequence ?? 0);
  }

  async readAfter(after: number, take: TakeItems<Sequenced>): Promise<number> {
    this.reads += 1;
    const held = this.held;
    this.held = null;
    if (held) await held;
    if (this.failing) {
      this.failing = false;
      throw new Error('the database is away');
    }
    let through = after;
    const newer = this.items.filter((item) => item.sequence > after);
    for (let start = 0; start < newer.length; start += BATCH) {
      const batch = newer.slice(start, start + BATCH);
      through = batch[batch.length - 1].sequence;
      if (take(batch) === false) break;
    }
    return through;
  }
}

/**
 * A follower that records what it is sent and can be awaited. With a capacity it is full
 * once sent that many items, until `takeAll` empties it.
 */
function recordingFollower(capacity = Infinity) {
  const sent: number[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  let unread = 0;
  let onReady: (() => void) | null = null;
  let ended!: () => void;
  const end = new Promise<void>((resolve) => (ended = resolve));
  const follower: LogFollower<Sequenced> = {
    send: (item) => {
      if (unread >= capacity) throw new Error(`sent ${item.sequence} while full`);
      sent.push(item.sequence);
      unread += 1;
      waiters.filter((waiter) => sent.length >= waiter.count).forEach((waiter) => waiter.resolve());
      return unread < capacity;
    },
    whenReady: (ready) => {
      if (onReady) throw new Error('asked twice to call back when ready');
      onReady = ready;
    },
    end: () => ended(),
  };
  const received = (count: number) =>
    new Promise<void>((resolve) => {
      if (sent.length >= count) resolve();
      else waiters.push({ count, resolve });
    });
  const takeAll = () => {
    unread = 0;
    const ready = onReady;
    onReady = null;
    ready?.();
  };
  const waitingToBeReady = () => onReady !== null;
  return { follower, sent, received, end, takeAll, waitingToBeReady };
}

describe('LiveAppliedLog', () => {
  let signals: Subject<AppliedSignal>;
  let source: MemoryLog;
  let warnings: string[];
  let log: LiveAppliedLog<Sequenced>;

  const applied = (...sequences: number[]) => {
    source.append(...sequences);
    signals.next({ kind: 'applied', sequence: sequences[sequences.length - 1] });
  };

  beforeEach(async () => {
    signals = new Subject();
    source = new MemoryLog();
    warnings = [];
    source.append(1, 2, 3);
    log = new LiveAppliedLog(signals, source, { warn: (message) => warnings.push(message) });
    await log.onModuleInit();
  });

  afterEach(() => log.onModuleDestroy());

  it('sends a live follower only what is applied after it joined', async () => {
    const { follower, sent, received } = recordingFollower();
    log.follow(null, follower);
    applied(4);
    await received(1);
    applied(5, 6, 7);
    await received(4);
    expect(sent).toEqual([4, 5, 6, 7]);
  });

  it('sends a resuming follower what it missed, then live items, each once and in order', async () => {
    const release = source.holdNextRead();
    const { follower, sent, received } = recordingFollower();
    log.follow(1, follower);
    // Applied while the follower catches up: read live and read again by the catch-up.
    applied(4);
    release();
    await received(3);
    applied(5);
    await received(4);
    expect(sent).toEqual([2, 3, 4, 5]);
  });

  it('sends a full follower nothing more, then what it missed from the database once ready', async () => {
    const { follower, sent, received, takeAll, waitingToBeReady } = recordingFollower(2);
    log.follow(null, follower);
    applied(4, 5, 6);
    await received(2);
    applied(7, 8);
    // Reads go on for other followers; this one is sent nothing until it has taken its two.
    await flushPromises();
    expect(sent).toEqual([4, 5]);
    expect(waitingToBeReady()).toBe(true);
    const readsBefore = source.reads;
    takeAll();
    await received(4);
    expect(sent).toEqual([4, 5, 6, 7]);
    takeAll();
    await received(5);
    applied(9);
    await received(6);
    expect(sent).toEqual([4, 5, 6, 7, 8, 9]);
    // It read after 5, stopped when full after 7, and read after 7.
    expect(source.reads - readsBefore).toBeGreaterThanOrEqual(2);
  });

  it('stops a read when the follower fills up, and reads on from there once it is ready', async () => {
    const { follower, sent, received, takeAll } = recordingFollower(1);
    log.follow(1, follower);
    await received(1);
    applied(4, 5);
    for (let count = 2; count <= 4; count++) {
      await flushPromises();
      takeAll();
      await received(count);
    }
    await flushPromises();
    takeAll();
    applied(6);
    await received(5);
    expect(sent).toEqual([2, 3, 4, 5, 6]);
  });

  it('reads nothing while nobody follows, and then starts after what was applied', async () => {
    applied(4, 5);
    expect(source.reads).toBe(0);
    const { follower, sent, received } = recordingFollower();
    log.follow(null, follower);
    applied(6);
    await received(1);
    expect(sent).toEqual([6]);
  });

  it('reads again after the same sequence when a live read fails', async () => {
    const { follower, sent, received } = recordingFollower();
    log.follow(null, follower);
    source.failNextRead();
    applied(4);
    await received(1);
    expect(sent).toEqual([4]);
    expect(warnings).toEqual(['live items unavailable: the database is away']);
  });

  it('ends a follower that cannot catch up', async () => {
    source.failNextRead();
    const { follower, sent, end } = recordingFollower();
    log.follow(0, follower);
    await end;
    expect(sent).toEqual([]);
    expect(warnings).toEqual(['a stream could not catch up: the database is away']);
  });

  it('ends every follower when closed', async () => {
    const first = recordingFollower();
    const second = recordingFollower();
    log.follow(null, first.follower);
    log.follow(2, second.follower);
    log.onModuleDestroy();
    await Promise.all([first.end, second.end]);
  });
});
