// While the load runs: resident memory every two seconds, and a line per reporting interval.
const { setInterval, clearInterval } = require('node:timers');
const { intervalLine } = require('./report');
const { residentMemory, progress } = require('./system');
const { sleep } = require('./waiting');

const RSS_SAMPLE_MS = 2000;
const PROGRESS_TIMEOUT_MS = 3000;

class Monitor {
  constructor({ system, figures, writeLog, followers, intervalSeconds }) {
    Object.assign(this, { system, figures, writeLog, followers });
    this.intervalMs = intervalSeconds * 1000;
    this.actions = [];
    this.stopped = false;
    this.sampler = undefined;
    this.loop = undefined;
  }

  /** A chaos action to show in the next interval's line. */
  chaosAction(action) {
    this.actions.push(action);
  }

  start() {
    this.sampler = setInterval(
      () => this.figures.sampleRss(residentMemory(this.system)),
      RSS_SAMPLE_MS,
    );
    this.loop = this.report();
  }

  /** Stops the interval lines; memory is sampled until `stopSampling`. */
  async stopReporting() {
    this.stopped = true;
    await this.loop;
  }

  stopSampling() {
    clearInterval(this.sampler);
  }

  async report() {
    let next = Date.now() + this.intervalMs;
    while (!this.stopped) {
      await sleep(Math.max(0, next - Date.now()));
      if (this.stopped) return;
      next += this.intervalMs;
      // The log and the projectors may not answer in the middle of chaos: not for long.
      const { head, position } = await Promise.race([
        progress(this.system),
        sleep(PROGRESS_TIMEOUT_MS).then(() => ({ head: null, position: null })),
      ]);
      const interval = this.figures.closeInterval({
        head,
        position,
        writesSoFar: JSON.parse(JSON.stringify(this.writeLog.counts)),
        streamReconnects: this.followers.reduce((n, f) => n + Math.max(0, f.connections - 1), 0),
        chaos: this.actions.splice(0),
        rssMiB: residentMemory(this.system),
      });
      console.log(intervalLine(interval));
    }
  }
}

module.exports = { Monitor };
