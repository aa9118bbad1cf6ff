import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN_DIR = process.env.POSTGRES_BIN_DIR ?? '/usr/lib/postgresql/15/bin';
/** PostgreSQL refuses to run as root: as root, its programs run as this operating-system user. */
const SERVER_USER = 'postgres';

/**
 * A PostgreSQL server of a test's own (initdb in a temporary directory, trust auth, its own
 * port), to stop hard and start again at will. `remove()` stops it and deletes its files.
 */
export class PostgresInstance {
  private readonly baseDir = mkdtempSync(join(tmpdir(), 'newsline-test-postgres-'));
  private readonly dataDir = join(this.baseDir, 'data');
  private running = false;

  private constructor(readonly port: number) {}

  /** Initialises the data directory; the server is not started. */
  static create(port: number): PostgresInstance {
    const instance = new PostgresInstance(port);
    try {
      if (process.getuid?.() === 0) {
        const [uid, gid] = ['-u', '-g'].map((flag) =>
          Number(execFileSync('id', [flag, SERVER_USER], { encoding: 'utf8' }).trim()),
        );
        chownSync(instance.baseDir, uid, gid);
      }
      instance.run('initdb', [
        '--pgdata',
        instance.dataDir,
        '--username',
        'postgres',
        '--auth',
        'trust',
        '--encoding',
        'UTF8',
        '--locale',
        'C',
        '--no-sync',
      ]);
    } catch (error) {
      rmSync(instance.baseDir, { recursive: true, force: true });
      throw error;
    }
    return instance;
  }

  /** A connection URL for `database` on this server. */
  url(database: string): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  /** Starts the server and resolves once it accepts connections. */
  start(): void {
    const options = [
      `-p ${this.port}`,
      `-k ${this.baseDir}`,
      "-c listen_addresses='127.0.0.1'",
    ].join(' ');
    this.run('pg_ctl', [
      'start',
      '--wait',
      '--pgdata',
      this.dataDir,
      '--log',
      join(this.baseDir, 'server.log'),
      '--options',
      options,
    ]);
    if (!this.running) process.once('exit', this.stopAtExit);
    this.running = true;
  }

  /** Stops the server as a crash would: no checkpoint, connections cut, recovery at the next start. */
  kill(): void {
    if (!this.running) return;
    this.run('pg_ctl', ['stop', '--wait', '--mode', 'immediate', '--pgdata', this.dataDir]);
    this.running = false;
    process.removeListener('exit', this.stopAtExit);
  }

  /** Stops the server if it runs and deletes its files. */
  remove(): void {
    try {
      this.kill();
    } finally {
      rmSync(this.baseDir, { recursive: true, force: true });
    }
  }

  get isRunning(): boolean {
    return this.running;
  }

  /** A test run that ends abruptly must not leave a server behind. */
  private readonly stopAtExit = () => {
    spawnSync(...this.command('pg_ctl', ['stop', '--mode', 'immediate', '--pgdata', this.dataDir]));
  };

  private run(program: string, args: string[]): void {
    const result = spawnSync(...this.command(program, args), { encoding: 'utf8' });
    if (result.status !== 0) {
      throw new Error(
        `${program} ${args[0]} failed (${result.error?.message ?? `exit ${result.status}`}): ${result.stderr}`,
      );
    }
  }

  private command(program: string, args: string[]): [string, string[]] {
    const path = join(BIN_DIR, program);
    return process.getuid?.() === 0
      ? ['runuser', ['-u', SERVER_USER, '--', path, ...args]]
      : [path, args];
  }
}
