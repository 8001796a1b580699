#!/usr/bin/env node
// Bundles the extension client, the language server and the CLI into dist/ with esbuild, so the
// .vsix carries three self-contained files instead of node_modules.
'use strict';
const path = require('node:path');
const esbuild = require('esbuild');

const root = path.resolve(__dirname, '..');
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning', absWorkingDir: root };

Promise.all([
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  esbuild.build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' }),
  esbuild.build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js' }),
]).then(() => console.log('bundled dist/extension.js, dist/server.js, dist/cli.js')).catch((err) => {
  console.error(`bundle failed: ${err.message}`);
  process.exit(1);
});
