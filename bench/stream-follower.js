// @ts-check
// A worker thread that follows GET /v1/stream on an event loop of its own, so that the load
// generator's work does not delay the moment an event is seen. For each recording it posts
// back how long after ingest stamped it (`recordedAt`, taken before the publish) it arrived.
const { parentPort, workerData } = require('node:worker_threads');
const { performance } = require('node:perf_hooks');

async function follow() {
  if (!parentPort) throw new Error('stream-follower.js runs as a worker thread');
  const port = parentPort;
  const response = await fetch(`${workerData.projectorUrl}/v1/stream`);
  if (!response.ok || !response.body) throw new Error(`GET /v1/stream: ${response.status}`);
  const reader = response.body.getReader();
  port.on('message', () => void reader.cancel().catch(() => undefined));
  port.postMessage({ ready: true });
  const decoder = new globalThis.TextDecoder();
  let pending = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      const now = performance.timeOrigin + performance.now();
      pending += decoder.decode(value, { stream: true });
      const messages = pending.split('\n\n');
      pending = messages.pop() ?? '';
      /** @type {number[]} */
      const latenciesMs = [];
      for (const message of messages) {
        const data = /^data: (.*)$/m.exec(message);
        if (!data) continue;
        const event = JSON.parse(data[1]);
        if (event.type !== 'NewsEventRecorded') continue;
        latenciesMs.push(now - Date.parse(event.development.recordedAt));
      }
      if (latenciesMs.length > 0) port.postMessage({ latenciesMs });
    }
  } catch {
    // cancelled at the end
  }
}

void follow();
