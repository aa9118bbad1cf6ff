import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** Runs a script of scripts/ to completion; fails the run if it fails. */
function run(script: string, ...args: string[]): void {
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts', script), ...args], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error(`node scripts/${[script, ...args].join(' ')} failed`);
}

/**
 * Jest global setup: the outputs the end-to-end tests use outside Jest, current. The web view
 * (dist/web), which the projector serves, is built every time; the typed client
 * (dist/libs/client), which `npm run import` loads, when its sources changed.
 */
export default function buildOutputs(): void {
  run('build-web.js');
  run('ensure-build.js', 'client');
}
