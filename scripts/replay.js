// npm run replay -- [projection|all]: rebuilds projections from the log through the
// projector's admin endpoint and shows its progress; exits non-zero if it fails.
const cliProgress = require('cli-progress');

const name = process.argv[2] ?? 'all';
const base = process.env.PROJECTOR_URL ?? `http://localhost:${process.env.PROJECTOR_PORT ?? 3001}`;
const POLL_MS = 200;

function headers(token) {
  return token ? { authorization: `Bearer ${token}` } : {};
}

async function request(path, init = {}) {
  try {
    return await fetch(`${base}${path}`, init);
  } catch (error) {
    fail(`cannot reach the projector at ${base} (${error.cause?.code ?? error.message})`);
  }
}

function fail(message) {
  console.error(`replay: ${message}`);
  process.exit(1);
}

async function start() {
  const response = await request(`/v1/projections/${encodeURIComponent(name)}/rebuild`, {
    method: 'POST',
    headers: headers(process.env.ADMIN_TOKEN),
  });
  const body = await response.json().catch(() => ({}));
  if (response.status !== 202)
    fail(`${response.status}: ${body.message ?? 'the rebuild was refused'}`);
  return body.rebuildId;
}

async function main() {
  const rebuildId = await start();
  console.log(`rebuilding ${name} (rebuild ${rebuildId})`);
  const bar = new cliProgress.SingleBar(
    {
      format:
        ' {bar} {percentage}% | {value}/{total} events | {eventsPerSecond} events/s | ETA {eta_formatted}',
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(1, 0, { eventsPerSecond: 0 });
  for (;;) {
    const response = await request(`/v1/rebuilds/${rebuildId}`, {
      headers: headers(process.env.READ_TOKEN),
    });
    if (!response.ok) {
      bar.stop();
      fail(`lost track of rebuild ${rebuildId}: ${response.status}`);
    }
    const state = await response.json();
    bar.setTotal(Math.max(1, state.head));
    bar.update(state.position, { eventsPerSecond: state.eventsPerSecond });
    if (state.status !== 'running') {
      bar.stop();
      if (state.status === 'failed') fail(`rebuild ${rebuildId} failed: ${state.error}`);
      const seconds = (Date.parse(state.finishedAt) - Date.parse(state.startedAt)) / 1000;
      console.log(
        `rebuilt ${state.projections.join(', ')} up to sequence ${state.position} in ${seconds.toFixed(1)} s ` +
          `(${state.eventsPerSecond} events/s); the new read model is live`,
      );
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

void main();
