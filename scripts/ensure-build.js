// @ts-check
'use strict';
// `prestart`: build both apps when their output is missing or older than the sources (or
// only the web view or the typed client when only their sources changed). With `client`
// (before `npm run demo`, `import` and `replay`, which use it) only the typed client. Node
// built-ins only, so it works right after `npm ci`.

const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.resolve(__dirname, '..');

const webDir = path.join(root, 'apps/web');
const clientDir = path.join(root, 'libs/client');

/**
 * What each build makes and everything it reads: sources and build configuration.
 * @typedef {{ outputs: string[], sourceDirs: string[], skipDirs: string[], configFiles: string[] }} Build
 */

/** @type {Build} */
const services = {
  outputs: [
    'dist/apps/ingest/apps/ingest/src/main.js',
    'dist/apps/projector/apps/projector/src/main.js',
  ].map((file) => path.join(root, file)),
  sourceDirs: ['apps', 'libs'].map((dir) => path.join(root, dir)),
  skipDirs: [webDir, clientDir],
  configFiles: ['tsconfig.json', 'tsconfig.build.json', 'nest-cli.json'].map((file) =>
    path.join(root, file),
  ),
};
/** @type {Build} */
const webView = {
  outputs: [path.join(root, 'dist/web/index.html')],
  // The page bundles the typed client.
  sourceDirs: [webDir, clientDir],
  skipDirs: [],
  configFiles: [path.join(root, 'scripts/build-web.js')],
};
/** @type {Build} */
const client = {
  outputs: [path.join(root, 'dist/libs/client/package.json')],
  sourceDirs: [clientDir],
  skipDirs: [],
  configFiles: [path.join(root, 'scripts/build-client.js')],
};

/** @param {string} file */
function mtimeOf(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

/**
 * The first file under `dir` (outside `skipDirs`) modified after `since`, or undefined.
 * @param {string} dir
 * @param {number} since
 * @param {string[]} skipDirs
 * @returns {string | undefined}
 */
function newerFileIn(dir, since, skipDirs) {
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
      if (skipDirs.includes(full)) continue;
      const found = newerFileIn(full, since, skipDirs);
      if (found) return found;
    } else if (entry.isFile() && !entry.name.endsWith('.spec.ts')) {
      const mtime = mtimeOf(full);
      if (mtime !== undefined && mtime > since) return full;
    }
  }
  return undefined;
}

/**
 * Why a build is needed, or undefined when its output is up to date.
 * @param {Build} build
 */
function staleReason({ outputs, sourceDirs, skipDirs, configFiles }) {
  const times = outputs.map(mtimeOf);
  const missing = outputs.find((_, i) => times[i] === undefined);
  if (missing) return `${path.relative(root, missing)} is missing`;
  const builtAt = Math.min(.../** @type {number[]} */ (times));
  for (const dir of sourceDirs) {
    const newer = newerFileIn(dir, builtAt, skipDirs);
    if (newer) return `${path.relative(root, newer)} changed since the last build`;
  }
  const newerConfig = configFiles.find((file) => (mtimeOf(file) ?? 0) > builtAt);
  if (newerConfig) return `${path.relative(root, newerConfig)} changed since the last build`;
  return undefined;
}

/** `npm run build`: both apps, the typed client and the web view. */
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
  const stillMissing = [...services.outputs, ...client.outputs, ...webView.outputs].find(
    (file) => mtimeOf(file) === undefined,
  );
  if (stillMissing) {
    console.error(`[ensure-build] the build did not produce ${path.relative(root, stillMissing)}`);
    return 1;
  }
  return 0;
}

/**
 * One build script alone: scripts/build-web.js or scripts/build-client.js.
 * @param {string} script
 */
function runScript(script) {
  const result = spawnSync(process.execPath, [path.join(root, script)], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status === 0) return 0;
  console.error(`[ensure-build] "node ${script}" failed`);
  return result.status || 1;
}

/** @type {[Build, string]} */
const clientBuild = [client, 'scripts/build-client.js'];
/** @type {[Build, string]} */
const webBuild = [webView, 'scripts/build-web.js'];
const onlyClient = process.argv[2] === 'client';
const servicesReason = onlyClient ? undefined : staleReason(services);
if (servicesReason) {
  console.log(`[ensure-build] ${servicesReason}: running "npm run build"`);
  process.exitCode = runBuild();
} else {
  for (const [build, script] of onlyClient ? [clientBuild] : [clientBuild, webBuild]) {
    const reason = staleReason(build);
    if (!reason) continue;
    console.log(`[ensure-build] ${reason}: running "node ${script}"`);
    process.exitCode = runScript(script);
    if (process.exitCode !== 0) break;
  }
}
