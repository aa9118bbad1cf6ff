import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NewslineUnderTest } from './support/newsline-under-test';

const REDOCLY = join(__dirname, '..', 'node_modules', '@redocly', 'cli', 'bin', 'cli.js');

/**
 * Redocly CLI sends usage data unless told not to, and may look for a newer version: neither
 * here. What it prints on stderr (such as its notice that Node.js 20 support is ending) is
 * shown only when the lint itself fails.
 */
const REDOCLY_ENV = { REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };

interface LintProblem {
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
  location: Array<{ pointer?: string }>;
}

interface LintReport {
  totals: { errors: number; warnings: number };
  problems: LintProblem[];
}

/**
 * `redocly lint --extends recommended` on one file, run in `directory` so that no
 * configuration or ignore file of the repository can relax it; its report as JSON.
 */
function lint(file: string, directory: string): Promise<LintReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [REDOCLY, 'lint', '--extends', 'recommended', '--format', 'json', file],
      { cwd: directory, env: { ...process.env, ...REDOCLY_ENV } },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      try {
        resolve(JSON.parse(stdout) as LintReport);
      } catch {
        reject(
          new Error(`redocly lint exited with ${code}, without a report:\n${stdout}${stderr}`),
        );
      }
    });
  });
}

describe("the OpenAPI documents, linted with Redocly's recommended rules", () => {
  let system: NewslineUnderTest;
  let directory: string;

  beforeAll(async () => {
    system = await NewslineUnderTest.start();
    directory = await mkdtemp(join(tmpdir(), 'newsline-openapi-lint-'));
  });

  afterAll(async () => {
    await system?.stop();
    if (directory) await rm(directory, { recursive: true, force: true });
  });

  it.each(['ingest', 'projector'] as const)(
    "%s's /docs-json has no error and no warning",
    async (service) => {
      const url = service === 'ingest' ? system.ingestUrl : system.projectorUrl;
      const response = await fetch(`${url}/docs-json`);
      expect(response.status).toBe(200);
      // The document exactly as served: Redocly CLI reads files.
      const file = join(directory, `${service}.json`);
      await writeFile(file, await response.text());
      const report = await lint(file, directory);
      const problems = report.problems.map(
        ({ severity, ruleId, location, message }) =>
          `${severity} ${ruleId} at ${location[0]?.pointer ?? '?'}: ${message}`,
      );
      expect(problems).toEqual([]);
      expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
    },
  );
});
