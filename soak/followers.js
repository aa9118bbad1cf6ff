// Followers of GET /v1/stream: each reads one projector's Server-Sent Events, and after any
// disconnect reconnects to it with Last-Event-ID set to the last id it received.
const { sleep } = require('./waiting');

const { AbortController, TextDecoder } = globalThis;

class Follower {
  constructor(name, projector, random) {
    this.name = name;
    this.projector = projector;
    this.random = random;
    /** The sequence it started after: it must see every development event after it. */
    this.startedAfter = null;
    /** The id of every message received, in the order received. */
    this.sequences = [];
    this.lastId = null;
    this.connections = 0;
    this.disconnects = [];
    this.unreadable = 0;
    this.stopped = false;
    this.controller = undefined;
    this.loop = undefined;
  }

  /**
   * Starts after the projection's current position, given as Last-Event-ID, so that "every
   * event since it started" has an exact meaning.
   */
  async start() {
    const response = await fetch(`${this.projector.url}/v1/projections`);
    const [status] = await response.json();
    this.startedAfter = status.position;
    this.lastId = status.position;
    this.loop = this.run();
  }

  async stop() {
    this.stopped = true;
    this.controller?.abort();
    await this.loop;
  }

  async run() {
    while (!this.stopped) {
      let reason;
      try {
        reason = await this.follow();
      } catch (error) {
        reason = error.cause?.code ?? error.message;
      }
      if (this.stopped) return;
      this.disconnects.push({ at: Date.now(), reason });
      // A browser waits the stream's `retry` (2 s); a little less keeps the test brisk.
      await sleep(this.random.between(250, 1500));
    }
  }

  /** One connection, until it ends; returns why it ended. */
  async follow() {
    this.controller = new AbortController();
    const response = await fetch(`${this.projector.url}/v1/stream`, {
      headers: { 'last-event-id': String(this.lastId) },
      signal: this.controller.signal,
    });
    if (!response.ok) {
      await response.arrayBuffer();
      return `status ${response.status}`;
    }
    this.connections++;
    const decoder = new TextDecoder();
    let pending = '';
    for await (const chunk of response.body) {
      pending += decoder.decode(chunk, { stream: true });
      let end;
      while ((end = pending.indexOf('\n\n')) !== -1) {
        this.receive(pending.slice(0, end));
        pending = pending.slice(end + 2);
      }
    }
    return 'stream ended';
  }

  receive(block) {
    const id = /^id: ?(.*)$/m.exec(block);
    if (!id) return;
    const sequence = Number(id[1]);
    const data = /^data: ?(.*)$/m.exec(block);
    if (!data || !carriesSequence(data[1], sequence)) this.unreadable++;
    if (!Number.isSafeInteger(sequence)) return;
    this.sequences.push(sequence);
    this.lastId = sequence;
  }
}

/** The message's data is JSON holding the same sequence as its id. */
function carriesSequence(data, sequence) {
  try {
    return JSON.parse(data).sequence === sequence;
  } catch {
    return false;
  }
}

module.exports = { Follower };
