import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitFor } from './wait-for';

const NATS_SERVER = process.env.NATS_SERVER_BIN ?? '/usr/sbin/nats-server';

/** A nats-server of a test's own (JetStream on, its own store), to stop and start at will. */
export class NatsServerProcess {
  private child?: ChildProcess;
  private readonly storeDir = mkdtempSync(join(tmpdir(), 'newsline-test-nats-'));

  constructor(
    readonly port: number,
    private readonly extraArguments: string[] = [],
  ) {}

  get url(): string {
    return `nats://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.child = spawn(
      NATS_SERVER,
      [
        '-a',
        '127.0.0.1',
        '-p',
        String(this.port),
        '-js',
        '-sd',
        this.storeDir,
        ...this.extraArguments,
      ],
      { stdio: 'ignore' },
    );
    // A test run that ends abruptly must not leave servers behind.
    const child = this.child;
    process.once('exit', () => child.kill('SIGKILL'));
    await waitFor('nats-server to listen', () => this.listening());
  }

  async stop(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise((resolve) => {
      child.once('exit', resolve);
      child.kill(signal);
    });
  }

  async remove(): Promise<void> {
    await this.stop();
    rmSync(this.storeDir, { recursive: true, force: true });
  }

  private listening(): Promise<true | undefined> {
    return new Promise((resolve) => {
      const socket = connect(this.port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(undefined));
    });
  }
}
