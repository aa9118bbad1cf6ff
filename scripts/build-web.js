// @ts-check
'use strict';
// Builds the web view served by the projector at `/`: apps/web -> dist/web.
// index.html, assets/app.js (bundled, minified, with a source map) and assets/app.css.

const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');

const root = path.resolve(__dirname, '..');
const source = path.join(root, 'apps/web');
const output = path.join(root, 'dist/web');

async function build() {
  const started = Date.now();
  fs.rmSync(output, { recursive: true, force: true });
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: [
      { in: path.join(source, 'src/main.ts'), out: 'app' },
      { in: path.join(source, 'src/styles.css'), out: 'app' },
    ],
    outdir: path.join(output, 'assets'),
    bundle: true,
    minify: true,
    sourcemap: true,
    format: 'iife',
    platform: 'browser',
    target: ['es2022', 'chrome109', 'firefox115', 'safari16'],
    tsconfig: path.join(source, 'tsconfig.json'),
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'warning',
    metafile: true,
  });
  // Written last: its time stamp tells scripts/ensure-build.js when the view was built.
  fs.copyFileSync(path.join(source, 'index.html'), path.join(output, 'index.html'));
  const sizes = Object.entries(result.metafile.outputs)
    .filter(([file]) => !file.endsWith('.map'))
    .map(([file, { bytes }]) => `${path.basename(file)} ${(bytes / 1024).toFixed(1)} KiB`);
  console.log(`[build-web] dist/web in ${Date.now() - started} ms: ${sizes.join(', ')}`);
}

build().catch((error) => {
  // esbuild has already printed its errors with their locations.
  if (!error.errors) console.error(`[build-web] ${error.stack ?? error}`);
  console.error('[build-web] the web view was not built');
  process.exitCode = 1;
});
