// Child processes the soak starts: each can be killed with SIGKILL and started again with the
// same command, and is always stopped when the soak exits, however it exits.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const { clearTimeout } = require('node:timers');

const running = new Set();

// The last resort when the soak dies abruptly: no child may outlive it.
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

const portsGiven = new Set();

/** A port nothing listens on now, never the same one twice: each process keeps its port. */
async function freePort() {
  for (;;) {
    const port = await new Promise((resolve, reject) => {
      const server = net.createServer();
      server.listen(0, '127.0.0.1', () => {
        const { port: free } = server.address();
        server.close(() => resolve(free));
      });
      server.on('error', reject);
    });
    if (!portsGiven.has(port)) {
      portsGiven.add(port);
      return port;
    }
  }
}

/** Resident memory of a process in MiB (VmRSS in /proc), or null once it is gone. */
function residentMiB(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /VmRSS:\s+(\d+) kB/.exec(status);
    return match ? Math.round(Number(match[1]) / 1024) : null;
  } catch {
    return null;
  }
}

/** A named process started from `command` and `args`, its output appended to `logFile`. */
class ManagedProcess {
  constructor(name, command, args, { env = process.env, logFile }) {
    this.name = name;
    this.command = command;
    this.args = args;
    this.env = env;
    this.logFile = logFile;
    this.child = undefined;
    this.starts = 0;
  }

  get pid() {
    return this.isRunning ? this.child.pid : null;
  }

  get isRunning() {
    return this.child !== undefined && this.child.exitCode === null && !this.child.signalCode;
  }

  start() {
    const log = fs.openSync(this.logFile, 'a');
    fs.writeSync(log, `--- ${new Date().toISOString()} start ${this.name}\n`);
    const child = spawn(this.command, this.args, { env: this.env, stdio: ['ignore', log, log] });
    fs.closeSync(log);
    this.child = child;
    this.starts++;
    running.add(child);
    child.once('exit', () => running.delete(child));
  }

  /** Sends `signal` and resolves once the process has exited (at once if it is not running). */
  stop(signal = 'SIGKILL') {
    const child = this.child;
    if (!child || !this.isRunning) return Promise.resolve();
    return new Promise((resolve) => {
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  }

  /** SIGTERM, then SIGKILL if it has not exited within `graceMs`. */
  async terminate(graceMs = 5000) {
    if (!this.isRunning) return;
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await this.stop('SIGTERM');
    clearTimeout(timer);
  }

  residentMiB() {
    return this.isRunning ? residentMiB(this.child.pid) : null;
  }
}

module.exports = { ManagedProcess, freePort, residentMiB };
