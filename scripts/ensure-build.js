'use strict';
// `prestart`: build both apps when their output is missing or older than the sources.
// Node built-ins only, so it works right after `npm ci`.

const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.resolve(__dirname, '..');

const outputs = [
  'dist/apps/ingest/apps/ingest/src/main.js',
  'dist/apps/projector/apps/projector/src/main.js',
].map((file) => path.join(root, file));

// Everything the build reads: the sources and the build configuration.
const sourceDirs = ['apps', 'libs'].map((dir) => path.join(root, dir));
const configFiles = ['tsconfig.json', 'tsconfig.build.json', 'nest-cli.json'].map((file) =>
  path.join(root, file),
);

function mtimeOf(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

/** The first file under `dir` modified after `since`, or undefined. */
function newerFileIn(dir, since) {
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return undefined;
  }
  for (const entry of entries) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      const found = newerFileIn(full, since);
      if (found) return found;
    } else if (entry.isFile() && !entry.name.endsWith('.spec.ts')) {
      const mtime = mtimeOf(full);
      if (mtime !== undefined && mtime > since) return full;
    }
  }
  return undefined;
}

/** Why a build is needed, or undefined when the output is up to date. */
function staleReason() {
  const times = outputs.map(mtimeOf);
  const missing = outputs.find((_, i) => times[i] === undefined);
  if (missing) return `${path.relative(root, missing)} is missing`;
  const builtAt = Math.min(...times);
  for (const dir of sourceDirs) {
    const newer = newerFileIn(dir, builtAt);
    if (newer) return `${path.relative(root, newer)} changed since the last build`;
  }
  const newerConfig = configFiles.find((file) => (mtimeOf(file) ?? 0) > builtAt);
  if (newerConfig) return `${path.relative(root, newerConfig)} changed since the last build`;
  return undefined;
}

function runBuild() {
  // Under npm, npm_execpath is npm's own CLI script: run it with this Node, no shell needed.
  const npmCli = process.env.npm_execpath;
  const useNpmCli = npmCli && /npm-cli\.c?js$/.test(npmCli);
  const result = useNpmCli
    ? spawnSync(process.execPath, [npmCli, 'run', 'build'], { cwd: root, stdio: 'inherit' })
    : spawnSync('npm', ['run', 'build'], {
        cwd: root,
        stdio: 'inherit',
        shell: process.platform === 'win32',
      });
  if (result.error) {
    console.error(`[ensure-build] could not run "npm run build": ${result.error.message}`);
    return 1;
  }
  if (result.status !== 0) {
    console.error(
      `[ensure-build] "npm run build" failed (${result.signal ? `signal ${result.signal}` : `exit code ${result.status}`})`,
    );
    return result.status || 1;
  }
  const stillMissing = outputs.find((file) => mtimeOf(file) === undefined);
  if (stillMissing) {
    console.error(`[ensure-build] the build did not produce ${path.relative(root, stillMissing)}`);
    return 1;
  }
  return 0;
}

const reason = staleReason();
if (reason) {
  console.log(`[ensure-build] ${reason}: running "npm run build"`);
  process.exitCode = runBuild();
}
