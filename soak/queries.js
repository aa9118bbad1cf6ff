// A few queries a second on both projectors (the active one and the standby), as readers of
// the timeline, actors, positions and topics would send them.
const { ACTOR_IDS, TOPICS } = require('./content');
const { performance } = require('node:perf_hooks');
const { sleep } = require('./waiting');

const { AbortSignal } = globalThis;

function queryPath(random) {
  const actor = encodeURIComponent(random.pick(ACTOR_IDS));
  const topic = random.pick(TOPICS);
  switch (random.integer(0, 8)) {
    case 0:
      return '/v1/timeline?limit=50';
    case 1:
      return `/v1/timeline?limit=20&actor=${actor}&order=desc`;
    case 2:
      return `/v1/timeline?limit=20&topic=${topic}&from=2025-03-01&to=2025-09-30`;
    case 3:
      return `/v1/timeline?limit=20&q=${encodeURIComponent('talks Geneva')}`;
    case 4:
      return '/v1/actors?limit=50&sort=activity';
    case 5:
      return `/v1/actors/${actor}`;
    case 6:
      return `/v1/actors/${actor}/positions${random.chance(0.5) ? '?asOf=2025-06-30' : ''}`;
    case 7:
      return '/v1/topics?limit=50';
    default:
      return `/v1/topics/${topic}/positions`;
  }
}

class Queries {
  constructor({ projectors, random, ratePerSecond, figures }) {
    this.projectors = projectors;
    this.random = random;
    this.periodMs = 1000 / ratePerSecond;
    this.figures = figures;
    /** Answers per projector: "2xx", else the status ("404", "503"), or "unanswered". */
    this.counts = {};
    this.stopped = false;
    this.loop = undefined;
  }

  start() {
    this.loop = this.run();
  }

  async stop() {
    this.stopped = true;
    await this.loop;
  }

  async run() {
    const inFlight = new Set();
    let next = Date.now();
    while (!this.stopped) {
      await sleep(Math.max(0, next - Date.now()));
      next = Math.max(next + this.periodMs, Date.now());
      // A query waits for no other: a slow answer is measured, not turned into a slower rate.
      const query = this.query(this.pickProjector(), queryPath(this.random));
      inFlight.add(query);
      void query.finally(() => inFlight.delete(query));
    }
    await Promise.all(inFlight);
  }

  /** Either projector, as a balancer would send readers: one that is running if any is. */
  pickProjector() {
    const running = this.projectors.filter((projector) => projector.isRunning);
    return this.random.pick(running.length > 0 ? running : this.projectors);
  }

  async query(projector, path) {
    const started = performance.now();
    let answer;
    try {
      const response = await fetch(`${projector.url}${path}`, {
        signal: AbortSignal.timeout(10000),
      });
      await response.arrayBuffer();
      this.figures.query(performance.now() - started);
      answer = response.ok ? '2xx' : String(response.status);
    } catch {
      answer = 'unanswered';
    }
    const counts = (this.counts[projector.name] ??= {});
    counts[answer] = (counts[answer] ?? 0) + 1;
  }
}

module.exports = { Queries };
