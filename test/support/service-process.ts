import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { AppConfig } from '@app/config';
import { waitFor } from './wait-for';

const ROOT = join(__dirname, '..', '..');

/** Builds dist/ if it is missing or older than the sources (tests that run real processes). */
export function ensureBuilt(): void {
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts', 'ensure-build.js')], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('the build failed');
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
    server.on('error', reject);
  });
}

/** Which built service to run, and the variable that sets its port. */
export interface ServiceEntry {
  name: string;
  /** The built entry point, relative to the repository root. */
  main: string;
  portVariable: 'INGEST_PORT' | 'PROJECTOR_PORT';
}

/** A service of the built output as a process of its own, so a test can signal or kill it. */
export class ServiceProcess {
  private child?: ChildProcess;

  constructor(
    private readonly config: AppConfig,
    readonly port: number,
    private readonly entry: ServiceEntry,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Starts the process and resolves once its health answers 200. */
  async start(): Promise<void> {
    const env: Record<string, string> = { ...(process.env as Record<string, string>) };
    for (const [name, value] of Object.entries(this.config)) {
      if (value !== undefined) env[name] = String(value);
    }
    env[this.entry.portVariable] = String(this.port);
    env.HOST = '127.0.0.1';
    this.child = spawn(process.execPath, [join(ROOT, this.entry.main)], {
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    await waitFor(`the ${this.entry.name} process to answer`, async () =>
      (await fetch(`${this.url}/health`)).ok ? true : undefined,
    );
  }

  /** Sends a signal and resolves with the exit code (null when killed by the signal). */
  kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<number | null> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) {
      return Promise.resolve(child?.exitCode ?? null);
    }
    return new Promise((resolve) => {
      child.once('exit', (code) => resolve(code));
      child.kill(signal);
    });
  }
}
