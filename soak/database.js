// The soak's PostgreSQL databases: created with unique names, dropped at the end.
const { Client, escapeIdentifier } = require('pg');

const BASE_URL = process.env.SOAK_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/';

function databaseUrl(name) {
  return `${BASE_URL}${name}`;
}

async function withClient(database, work) {
  const client = new Client({ connectionString: databaseUrl(database) });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

function createDatabase(name) {
  return withClient('postgres', (client) =>
    client.query(`CREATE DATABASE ${escapeIdentifier(name)}`),
  );
}

function dropDatabase(name) {
  return withClient('postgres', (client) =>
    client.query(`DROP DATABASE IF EXISTS ${escapeIdentifier(name)} WITH (FORCE)`),
  );
}

/** Ends every connection to `name` but this one's: what a failover of PostgreSQL does to them. */
function terminateConnections(name) {
  return withClient('postgres', async (client) => {
    const { rows } = await client.query(
      `SELECT pg_terminate_backend(pid) AS terminated FROM pg_stat_activity
        WHERE datname = $1 AND pid <> pg_backend_pid()`,
      [name],
    );
    return rows.filter((row) => row.terminated).length;
  });
}

/** Sequences of every applied development event (read_model.development_events), ascending. */
function developmentEventSequences(name) {
  return withClient(name, async (client) => {
    const { rows } = await client.query(
      'SELECT sequence FROM read_model.development_events ORDER BY sequence',
    );
    return rows.map((row) => Number(row.sequence));
  });
}

module.exports = {
  databaseUrl,
  createDatabase,
  dropDatabase,
  terminateConnections,
  developmentEventSequences,
};
