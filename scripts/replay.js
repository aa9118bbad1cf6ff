// @ts-check
// npm run replay -- [projection|all]: rebuilds projections from the log through the
// projector's admin endpoint and shows its progress; exits non-zero if it fails.
const cliProgress = require('cli-progress');
const { createProjectorClient } = require('./typed-client');

/** @typedef {import('../libs/client/src').ProjectorOperations['Rebuilds_rebuild']['parameters']['path']['name']} ProjectionName */

const name = process.argv[2] ?? 'all';
const base = process.env.PROJECTOR_URL ?? `http://localhost:${process.env.PROJECTOR_PORT ?? 3001}`;
const POLL_MS = 200;

const admin = createProjectorClient({ baseUrl: base, token: process.env.ADMIN_TOKEN });
const reader = createProjectorClient({ baseUrl: base, token: process.env.READ_TOKEN });

/**
 * The answer of a request to the projector; fails when the projector cannot be reached.
 * @template {{ response: Response }} Answer
 * @param {Promise<Answer>} answer
 * @returns {Promise<Answer>}
 */
async function request(answer) {
  try {
    return await answer;
  } catch (error) {
    const { cause, message } = /** @type {Error & { cause?: { code?: string } }} */ (error);
    fail(`cannot reach the projector at ${base} (${cause?.code ?? message})`);
  }
}

/**
 * @param {string} message
 * @returns {never}
 */
function fail(message) {
  console.error(`replay: ${message}`);
  process.exit(1);
}

async function start() {
  // The projector answers 404 for a name it does not know.
  const projection = /** @type {ProjectionName} */ (name);
  const { data, error, response } = await request(
    admin.POST('/v1/projections/{name}/rebuild', { params: { path: { name: projection } } }),
  );
  if (response.status !== 202 || !data) {
    fail(`${response.status}: ${error?.message ?? 'the rebuild was refused'}`);
  }
  return data.rebuildId;
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
    const { data: state, response } = await request(
      reader.GET('/v1/rebuilds/{rebuildId}', { params: { path: { rebuildId } } }),
    );
    if (!state) {
      bar.stop();
      fail(`lost track of rebuild ${rebuildId}: ${response.status}`);
    }
    bar.setTotal(Math.max(1, state.head));
    bar.update(state.position, { eventsPerSecond: state.eventsPerSecond });
    if (state.status !== 'running') {
      bar.stop();
      if (state.status === 'failed') fail(`rebuild ${rebuildId} failed: ${state.error}`);
      const finishedAt = state.finishedAt ?? new Date().toISOString();
      const seconds = (Date.parse(finishedAt) - Date.parse(state.startedAt)) / 1000;
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
