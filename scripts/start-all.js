'use strict';
// `npm start`: runs ingest and projector from dist/ side by side, with prefixed output.
// Stops both on SIGINT/SIGTERM/SIGHUP; if one of them dies, stops the other and fails.
// `npm start -- --sign-in` turns sign-in on with a shared secret: AUTH_JWT_SECRET when set,
// else one generated once into .newsline/jwt-secret (which `npm run token` signs with).

const fs = require('node:fs');
const path = require('node:path');
const readline = require('node:readline');
const { spawn } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const { clearTimeout } = require('node:timers');

const root = path.resolve(__dirname, '..');
const READY_TIMEOUT_MS = 60_000;
const READY_POLL_MS = 500;
const STOP_TIMEOUT_MS = 30_000;

const services = [
  {
    name: 'ingest',
    main: 'dist/apps/ingest/apps/ingest/src/main.js',
    port: process.env.INGEST_PORT || '3000',
  },
  {
    name: 'projector',
    main: 'dist/apps/projector/apps/projector/src/main.js',
    port: process.env.PROJECTOR_PORT || '3001',
  },
];
const width = Math.max(...services.map((s) => s.name.length)) + 2;
const SECRET_FILE = path.join(root, '.newsline', 'jwt-secret');
const MINT_TOKEN = 'npm run -s token -- --name alice --role editor';

function log(message) {
  console.log(`${'[start-all]'.padEnd(width)} ${message}`);
}

function logError(message) {
  console.error(`${'[start-all]'.padEnd(width)} ${message}`);
}

function optionsOf(args) {
  const unknown = args.filter((arg) => arg !== '--sign-in');
  if (unknown.length > 0) {
    logError(`unknown option ${unknown.join(' ')}; the only one is --sign-in`);
    process.exit(2);
  }
  return { signIn: args.includes('--sign-in') };
}

/** The secret in .newsline/jwt-secret, made on first use: 32 random bytes, readable by us only. */
function storedSecret() {
  if (!fs.existsSync(SECRET_FILE)) {
    fs.mkdirSync(path.dirname(SECRET_FILE), { recursive: true, mode: 0o700 });
    fs.writeFileSync(SECRET_FILE, `${randomBytes(32).toString('base64url')}\n`, {
      mode: 0o600,
      flag: 'wx',
    });
  }
  return fs.readFileSync(SECRET_FILE, 'utf8').trim();
}

/** The services' environment with sign-in as asked, and the line that says how it stands. */
function withSignIn(env, { signIn }) {
  if (env.AUTH_JWT_SECRET || env.AUTH_JWT_SECRET_FILE) {
    return [env, `sign-in is on (shared secret): mint a token with "${MINT_TOKEN}"`];
  }
  if (env.AUTH_JWKS_URL) {
    return [env, `sign-in is on: writes need a token from ${env.AUTH_ISSUER || env.AUTH_JWKS_URL}`];
  }
  if (signIn) {
    const secret = storedSecret();
    const where = path.relative(root, SECRET_FILE);
    return [
      { ...env, AUTH_JWT_SECRET: secret },
      `sign-in is on (secret in ${where}): mint a token with "${MINT_TOKEN}"`,
    ];
  }
  const writes = env.INGEST_TOKEN ? 'writes need INGEST_TOKEN' : 'writes are open to anyone';
  return [env, `sign-in is off, ${writes}: "npm start -- --sign-in" turns it on`];
}

for (const service of services) {
  if (!fs.existsSync(path.join(root, service.main))) {
    logError(`${service.main} is missing: run "npm run build" (or "npm start", which builds).`);
    process.exit(1);
  }
}

const [serviceEnv, signInLine] = withSignIn(process.env, optionsOf(process.argv.slice(2)));
log(signInLine);

let stopping = false;
let firstSignalAt = 0;
let exitCode = 0;
let stopTimer;

/** Copies a child's stream to ours line by line, each line prefixed with the service name. */
function pipeWithPrefix(stream, target, prefix) {
  const lines = readline.createInterface({ input: stream, crlfDelay: Infinity });
  lines.on('line', (line) => target.write(`${prefix} ${line}\n`));
}

function running() {
  return services.filter((s) => s.child && !s.exited);
}

function signalAll(signal) {
  for (const service of running()) {
    try {
      service.child.kill(signal);
    } catch {
      // already gone
    }
  }
}

/** Stops the children that still run; escalates to SIGKILL if they take too long. */
function stopAll(signal) {
  stopping = true;
  signalAll(signal);
  if (!stopTimer) {
    stopTimer = setTimeout(() => {
      const left = running();
      if (left.length === 0) return;
      logError(
        `${left.map((s) => s.name).join(' and ')} still running after ${STOP_TIMEOUT_MS / 1000} s: killing`,
      );
      exitCode = exitCode || 1;
      signalAll('SIGKILL');
    }, STOP_TIMEOUT_MS);
  }
}

function onChildGone(service, code, signal) {
  if (service.exited) return;
  service.exited = true;
  const how = signal ? `signal ${signal}` : `code ${code}`;
  if (!stopping) {
    logError(`${service.name} exited unexpectedly (${how}); stopping the others`);
    exitCode = 1;
    stopAll('SIGTERM');
  } else {
    // A child that stops on the signal we forwarded re-raises it: that is a clean stop.
    const clean = code === 0 || (signal !== null && signal !== 'SIGKILL');
    if (!clean) exitCode = exitCode || 1;
    log(`${service.name} stopped (${how})`);
  }
  if (running().length === 0) {
    if (stopTimer) clearTimeout(stopTimer);
    process.exit(exitCode);
  }
}

// The children write into our pipes, never a terminal: decide for them whether one reads us.
const childLogFormat =
  !process.env.LOG_FORMAT || process.env.LOG_FORMAT === 'auto'
    ? process.stdout.isTTY
      ? 'pretty'
      : 'json'
    : process.env.LOG_FORMAT;

for (const service of services) {
  const prefix = `[${service.name}]`.padEnd(width);
  // detached: a process group of its own, so a terminal's Ctrl-C reaches the child only once,
  // through us (a second SIGINT would cut its graceful shutdown short).
  const child = spawn(process.execPath, [service.main], {
    cwd: root,
    env: { ...serviceEnv, LOG_FORMAT: childLogFormat },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: process.platform !== 'win32',
  });
  service.child = child;
  pipeWithPrefix(child.stdout, process.stdout, prefix);
  pipeWithPrefix(child.stderr, process.stderr, prefix);
  child.on('error', (error) => {
    logError(`${service.name}: ${error.message}`);
    onChildGone(service, 1, null);
  });
  // 'close' comes after the child's output has been read to the end.
  child.on('close', (code, signal) => onChildGone(service, code, signal));
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    const now = Date.now();
    if (!stopping) {
      firstSignalAt = now;
      log(`${signal}: stopping ${running().length} service(s)`);
      stopAll(signal === 'SIGHUP' ? 'SIGTERM' : signal);
    } else if (firstSignalAt && now - firstSignalAt > 1000) {
      // A second signal well after the first (not the copy npm forwards): stop waiting.
      log(`${signal} again: killing`);
      exitCode = exitCode || 1;
      signalAll('SIGKILL');
    }
  });
}

// Banner once both answer on /health (any status); silent if that takes over a minute.
function healthUrl(port) {
  const host = process.env.HOST;
  const target =
    !host || host === '0.0.0.0' || host === '::'
      ? '127.0.0.1'
      : host.includes(':')
        ? `[${host}]`
        : host;
  return `http://${target}:${port}/health`;
}

async function answers(url) {
  try {
    const response = await fetch(url, { signal: globalThis.AbortSignal.timeout(2000) });
    await response.arrayBuffer();
    return true;
  } catch {
    return false;
  }
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function announceWhenReady() {
  if (services.some((s) => s.port === '0')) return;
  const deadline = Date.now() + READY_TIMEOUT_MS;
  const pending = new Set(services);
  while (pending.size > 0 && !stopping && Date.now() < deadline) {
    for (const service of [...pending]) {
      if (await answers(healthUrl(service.port))) pending.delete(service);
    }
    if (pending.size > 0) await sleep(READY_POLL_MS);
  }
  if (pending.size > 0 || stopping) return;
  const [ingest, projector] = services;
  log('newsline is up');
  log(`  ingest     http://localhost:${ingest.port}     POST /v1/developments`);
  log(`  projector  http://localhost:${projector.port}     GET /v1/timeline, /v1/projections`);
  log('  load the example story with "npm run demo"; Ctrl-C stops both');
}

void announceWhenReady();
