import { Subject } from 'rxjs';
import type { AppliedSignal } from './applied-notifications';
import { AppliedLogSource, LiveAppliedLog, LogFollower, Sequenced } from './live-applied-log';

const BATCH = 2;

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

  async readAfter(after: number, take: (items: Sequenced[]) => void): Promise<number> {
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
      take(batch);
      through = batch[batch.length - 1].sequence;
    }
    return through;
  }
}

/** A follower that records what it is sent and can be awaited. */
function recordingFollower() {
  const sent: number[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  let ended!: () => void;
  const end = new Promise<void>((resolve) => (ended = resolve));
  const follower: LogFollower<Sequenced> = {
    send: (item) => {
      sent.push(item.sequence);
      waiters.filter((waiter) => sent.length >= waiter.count).forEach((waiter) => waiter.resolve());
    },
    end: () => ended(),
  };
  const received = (count: number) =>
    new Promise<void>((resolve) => {
      if (sent.length >= count) resolve();
      else waiters.push({ count, resolve });
    });
  return { follower, sent, received, end };
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
