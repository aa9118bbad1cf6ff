import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { generated } from './support/answers';
import { NewslineUnderTest } from './support/newsline-under-test';
import { sampleDevelopments } from './support/sample';

const run = promisify(execFile);

describe('npm run import', () => {
  let system: NewslineUnderTest;
  let directory: string;

  beforeAll(async () => {
    system = await NewslineUnderTest.start();
    directory = mkdtempSync(join(tmpdir(), 'newsline-import-'));
  });

  afterAll(async () => {
    rmSync(directory, { recursive: true, force: true });
    await system?.stop();
  });

  /** Runs the CLI to completion; its exit code, stdout and stderr. */
  const importFile = async (file: string) => {
    try {
      const { stdout, stderr } = await run('node', ['scripts/import.js', file], {
        env: { ...process.env, INGEST_URL: system.ingestUrl },
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  };

  it('records a large file in batches, reports the broken line, and records nothing twice when run again', async () => {
    const developments = [
      ...sampleDevelopments(),
      ...Array.from({ length: 2500 }, (_, i) => generated(i, 'import')),
    ];
    const lines = developments.map((development) => JSON.stringify(development));
    lines.splice(10, 0, '{"occurredOn": "2025-12-01", "title": "cut off');
    const file = join(directory, 'developments.ndjson');
    writeFileSync(file, lines.join('\n') + '\n');

    const first = await importFile(file);
    expect(first.code).toBe(1);
    expect(first.stdout).toContain(`${lines.length} lines in`);
    expect(first.stdout).toContain(
      `${developments.length} recorded, 0 already recorded, 1 invalid, 0 not stored`,
    );
    expect(first.stderr).toMatch(/line 11: is not valid JSON/);
    expect(await system.lastSequence()).toBe(developments.length);

    const again = await importFile(file);
    expect(again.stdout).toContain(
      `0 recorded, ${developments.length} already recorded, 1 invalid, 0 not stored`,
    );
    expect(await system.lastSequence()).toBe(developments.length);
    await system.caughtUp();
    const projections = await system.getJson('/v1/projections');
    expect(projections[0].position).toBe(developments.length);
  });

  it('exits non-zero with a clear message when the file is missing', async () => {
    const missing = await importFile(join(directory, 'nope.ndjson'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/cannot read .*nope\.ndjson/);
  });
});
