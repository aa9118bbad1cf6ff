// Every query answer a projector gives, by path: what must come out the same from a fresh
// rebuild of the log. As test/support/answers.ts, but over every page of every list.

const { AbortSignal } = globalThis;

const PAGE = 500;
const IN_PARALLEL = 4;
const AS_OF = '2025-06-30';

async function getJson(baseUrl, path) {
  let lastError;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const response = await fetch(`${baseUrl}${path}`, { signal: AbortSignal.timeout(30000) });
      const text = await response.text();
      if (response.ok) return JSON.parse(text);
      lastError = new Error(`GET ${path}: ${response.status} ${text.slice(0, 200)}`);
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

/** Runs `work` on every item, IN_PARALLEL at a time. */
async function forEachInParallel(items, work) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: IN_PARALLEL }, worker));
}

async function everyAnswer(baseUrl) {
  const answers = {};
  const read = async (path) => (answers[path] = await getJson(baseUrl, path));
  /** Every page of a list; pages are keyed by number, as cursors are opaque. */
  const readAll = async (path) => {
    const items = [];
    let cursor = null;
    for (let page = 1; ; page++) {
      const query = `${path}${path.includes('?') ? '&' : '?'}limit=${PAGE}`;
      const body = await getJson(
        baseUrl,
        cursor ? `${query}&cursor=${encodeURIComponent(cursor)}` : query,
      );
      cursor = body.nextCursor;
      answers[`${path} page ${page}`] = { ...body, nextCursor: cursor ? 'more' : null };
      items.push(...body.items);
      if (!cursor) return items;
    }
  };
  const developments = await readAll('/v1/timeline?includeRetracted=true');
  await readAll('/v1/timeline');
  await forEachInParallel(developments, ({ developmentId }) =>
    read(`/v1/developments/${developmentId}`),
  );
  const actors = await readAll('/v1/actors');
  await readAll('/v1/actors?sort=activity');
  await forEachInParallel(actors, async ({ id }) => {
    const actor = encodeURIComponent(id);
    await read(`/v1/actors/${actor}`);
    await read(`/v1/actors/${actor}/positions`);
    await read(`/v1/actors/${actor}/positions?asOf=${AS_OF}`);
  });
  const topics = await readAll('/v1/topics');
  await forEachInParallel(topics, ({ topic }) => read(`/v1/topics/${topic}/positions`));
  return answers;
}

module.exports = { everyAnswer };
