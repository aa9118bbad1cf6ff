import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** Jest global setup: builds the web view (dist/web) once before the end-to-end tests. */
export default function buildWebView(): void {
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-web.js')], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('node scripts/build-web.js failed');
}
