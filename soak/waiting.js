// Waiting on conditions, never on fixed times alone.
const { setTimeout: sleep } = require('node:timers/promises');

/** Polls `probe` until it returns something truthy, which is returned; throws after `timeoutMs`. */
async function waitUntil(what, probe, { timeoutMs = 30000, intervalMs = 200 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const why = lastError ? ` (last error: ${lastError.message})` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${why}`);
    }
    await sleep(intervalMs);
  }
}

module.exports = { sleep, waitUntil };
