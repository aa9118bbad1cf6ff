// @ts-check
'use strict';
// Builds the typed client (libs/client) into dist/libs/client: CommonJS with declarations,
// plus its package.json and README.md, so the folder is a package another project can
// install (`npm install <path>/dist/libs/client`, or `npm pack` it).

const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.resolve(__dirname, '..');
const source = path.join(root, 'libs/client');
const output = path.join(root, 'dist/libs/client');

fs.rmSync(output, { recursive: true, force: true });
const tsc = spawnSync(
  process.execPath,
  [require.resolve('typescript/bin/tsc'), '-p', path.join(source, 'tsconfig.build.json')],
  { cwd: root, stdio: 'inherit' },
);
if (tsc.status !== 0) {
  console.error('[build-client] the client was not built');
  process.exit(tsc.status || 1);
}
// package.json last: its time stamp tells scripts/ensure-build.js when the client was built.
for (const file of ['README.md', 'package.json']) {
  fs.copyFileSync(path.join(source, file), path.join(output, file));
}
