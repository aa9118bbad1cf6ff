// @ts-check
// What the projector writes per event, read from PostgreSQL's statistics of the read model's
// tables (pg_stat_user_tables): rows inserted, updated and deleted, the index entries those
// cost, and how many of the updates were to the actor and topic rows that nearly every event
// touches (the counters). Read on a read model that only the projector has written to.
const { Client } = require('pg');
const { waitUntil } = require('./environment');

/** The tables whose rows are counters that many events update. */
const COUNTER_TABLES = ['actors', 'topics', 'projection_checkpoints'];

/**
 * @typedef {{
 *   table: string, inserted: number, updated: number, hot: number, deleted: number,
 *   btree: number, otherIndexes: number
 * }} TableWrites
 */

/**
 * Each read-model table's writes since the database was made, and its indexes: B-tree ones,
 * and the others (GIN, GiST), whose entries per row vary.
 * @param {Client} client
 * @returns {Promise<TableWrites[]>}
 */
async function tableWrites(client) {
  const { rows } = await client.query(
    `SELECT t.relname AS table, t.n_tup_ins::float8 AS inserted, t.n_tup_upd::float8 AS updated,
            t.n_tup_hot_upd::float8 AS hot, t.n_tup_del::float8 AS deleted,
            count(*) FILTER (WHERE a.amname = 'btree')::int AS btree,
            count(*) FILTER (WHERE a.amname <> 'btree')::int AS "otherIndexes"
       FROM pg_stat_user_tables t
       LEFT JOIN pg_index i ON i.indrelid = t.relid
       LEFT JOIN pg_class c ON c.oid = i.indexrelid
       LEFT JOIN pg_am a ON a.oid = c.relam
      WHERE t.schemaname = 'read_model'
      GROUP BY t.relname, t.n_tup_ins, t.n_tup_upd, t.n_tup_hot_upd, t.n_tup_del`,
  );
  return rows;
}

/**
 * Waits until the statistics stop moving (a backend reports what it wrote within seconds of
 * going idle), then sums them up per event.
 * @param {string} databaseUrl
 * @param {number} events the events the projector applied to this database
 */
async function writeAmplification(databaseUrl, events) {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    let tables = await tableWrites(client);
    let unchanged = 0;
    const total = (/** @type {TableWrites[]} */ list) =>
      list.reduce((sum, t) => sum + t.inserted + t.updated + t.deleted, 0);
    await waitUntil(
      'the statistics to report every write',
      async () => {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        const next = await tableWrites(client);
        unchanged = total(next) === total(tables) ? unchanged + 1 : 0;
        tables = next;
        return unchanged >= 12;
      },
      120000,
    );
    return summarize(tables, events);
  } finally {
    await client.end();
  }
}

/**
 * @param {TableWrites[]} tables
 * @param {number} events
 */
function summarize(tables, events) {
  const sum = (/** @type {(t: TableWrites) => number} */ of) =>
    tables.reduce((total, t) => total + of(t), 0);
  // A row inserted, or updated other than in place (HOT), adds an entry to every index.
  const indexed = (/** @type {TableWrites} */ t) => t.inserted + t.updated - t.hot;
  const perEvent = (/** @type {number} */ value) => Number((value / events).toFixed(2));
  const counters = tables.filter((t) => COUNTER_TABLES.includes(t.table));
  const written = (/** @type {TableWrites} */ t) => t.inserted + t.updated + t.deleted;
  return {
    events,
    rowsPerEvent: perEvent(sum(written)),
    insertedPerEvent: perEvent(sum((t) => t.inserted)),
    updatedPerEvent: perEvent(sum((t) => t.updated)),
    deletedPerEvent: perEvent(sum((t) => t.deleted)),
    btreeEntriesPerEvent: perEvent(sum((t) => indexed(t) * t.btree)),
    otherIndexUpdatesPerEvent: perEvent(sum((t) => indexed(t) * t.otherIndexes)),
    counterUpdatesPerEvent: perEvent(counters.reduce((total, t) => total + t.updated, 0)),
    counterHotShare: Number(
      (
        counters.reduce((total, t) => total + t.hot, 0) /
        Math.max(
          1,
          counters.reduce((total, t) => total + t.updated, 0),
        )
      ).toFixed(2),
    ),
    byTable: tables
      .filter((t) => written(t) > 0)
      .sort((a, b) => written(b) - written(a))
      .map((t) => ({
        table: t.table,
        rowsPerEvent: perEvent(written(t)),
        indexEntriesPerEvent: perEvent(indexed(t) * (t.btree + t.otherIndexes)),
      })),
  };
}

/** @param {Awaited<ReturnType<typeof writeAmplification>>} w */
function writeAmplificationRow(w) {
  const heaviest = w.byTable
    .slice(0, 3)
    .map((t) => `${t.table} ${t.rowsPerEvent}`)
    .join(', ');
  return [
    'write amplification while catching up',
    `${w.rowsPerEvent} rows/event`,
    `${w.insertedPerEvent} inserted, ${w.updatedPerEvent} updated, ${w.deletedPerEvent} deleted; ` +
      `${w.btreeEntriesPerEvent} B-tree entries, ${w.otherIndexUpdatesPerEvent} GIN/GiST updates; ` +
      `${w.counterUpdatesPerEvent} counter-row updates (${Math.round(w.counterHotShare * 100)}% HOT); most: ${heaviest}`,
  ];
}

module.exports = { writeAmplification, writeAmplificationRow };
