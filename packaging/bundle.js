#!/usr/bin/env node
// Bundles the extension client, the language server and the CLI into dist/ with esbuild, so the
// .vsix carries three self-contained files instead of node_modules; then writes dist/corpus.snapshot,
// the bundled corpus parsed by the same sources (server/src/host/corpusSnapshot.ts), accepted by
// dist/server.js and dist/cli.js as long as their bytes and the corpus files are unchanged.
'use strict';
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');

const root = path.resolve(__dirname, '..');
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning', absWorkingDir: root };
const sha1 = (file) => crypto.createHash('sha1').update(fs.readFileSync(path.join(root, file))).digest('hex');

const WRITER = 'snapshot-writer';

/** Writes dist/corpus.snapshot with the writer bundled in the same build (the same sources) as the server and CLI. */
function snapshot() {
  const writer = path.join(root, 'dist', `${WRITER}.js`);
  try {
    const { writeCorpusSnapshot } = require(writer);
    return writeCorpusSnapshot(path.join(root, 'corpus'), path.join(root, 'dist', 'corpus.snapshot'), [sha1('dist/server.js'), sha1('dist/cli.js')]);
  } finally {
    for (const file of [writer, `${writer}.map`]) fs.rmSync(file, { force: true });
  }
}

Promise.all([
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  esbuild.build({
    ...common,
    entryPoints: { server: 'server/src/server.ts', cli: 'server/src/cli/main.ts', [WRITER]: 'server/src/host/corpusSnapshot.ts' },
    outdir: 'dist',
  }),
]).then(snapshot).then((documents) => console.log(`bundled dist/extension.js, dist/server.js, dist/cli.js; dist/corpus.snapshot (${documents} corpus documents)`)).catch((err) => {
  console.error(`bundle failed: ${err.message}`);
  process.exit(1);
});
