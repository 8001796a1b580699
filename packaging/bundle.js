#!/usr/bin/env node
// Bundles the extension client, the language server and the CLI into dist/ with esbuild, so the
// .vsix carries self-contained files instead of node_modules; then writes
// - dist/corpus.snapshot: the bundled corpus parsed by the same sources (server/src/host/corpusSnapshot.ts),
//   accepted by the server and the CLI as long as their bytes and the corpus files are unchanged;
// - dist/server.js, a loader (packaging/serverLoader.js) of dist/server-main.js with V8's code cache
//   dist/server-main.cache, recorded here on one real start (initialize, open the sample, diagnostics).
'use strict';
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');
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
    return writeCorpusSnapshot(path.join(root, 'corpus'), path.join(root, 'dist', 'corpus.snapshot'), [sha1('dist/server-main.js'), sha1('dist/cli.js')]);
  } finally {
    for (const file of [writer, `${writer}.map`]) fs.rmSync(file, { force: true });
  }
}

/** Starts dist/server.js once the way a client does, so the loader records the code cache on exit. */
function recordCodeCache() {
  const cacheFile = path.join(root, 'dist', 'server-main.cache');
  fs.rmSync(cacheFile, { force: true });
  const sample = path.join(root, 'samples', 'suzhou-2026-ai-measures-draft.policy.yaml');
  const uri = `file://${sample}`;
  const child = spawn(process.execPath, [path.join(root, 'dist', 'server.js'), '--stdio'], {
    env: { ...process.env, POLICY_LINT_RECORD_CODE_CACHE: cacheFile },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const send = (message) => {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
    child.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'latin1'), body]));
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { child.kill(); reject(new Error('the bundled server did not publish diagnostics in 60 s')); }, 60000);
    let buffer = Buffer.alloc(0);
    child.stdout.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        const end = buffer.indexOf('\r\n\r\n');
        if (end < 0) return;
        const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, end).toString('latin1'))[1]);
        if (buffer.length < end + 4 + length) return;
        const message = JSON.parse(buffer.subarray(end + 4, end + 4 + length).toString('utf8'));
        buffer = buffer.subarray(end + 4 + length);
        if (message.id === 1 && message.method === undefined) {
          send({ method: 'initialized', params: {} });
          send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'policy-yaml', version: 1, text: fs.readFileSync(sample, 'utf8') } } });
        } else if (message.method === 'textDocument/publishDiagnostics' && message.params.uri === uri) {
          send({ id: 2, method: 'shutdown' });
        } else if (message.id === 2 && message.method === undefined) {
          send({ method: 'exit' });
        } else if (message.id !== undefined && message.method !== undefined) {
          send({ id: message.id, result: message.method === 'workspace/configuration' ? message.params.items.map(() => null) : null });
        }
      }
    });
    child.on('exit', () => {
      clearTimeout(timer);
      if (fs.existsSync(cacheFile)) resolve(fs.statSync(cacheFile).size);
      else reject(new Error('the bundled server wrote no code cache'));
    });
    send({ id: 1, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } } } });
  });
}

Promise.all([
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  esbuild.build({
    ...common,
    entryPoints: { 'server-main': 'server/src/server.ts', cli: 'server/src/cli/main.ts', [WRITER]: 'server/src/host/corpusSnapshot.ts' },
    outdir: 'dist',
  }),
])
  .then(() => fs.copyFileSync(path.join(__dirname, 'serverLoader.js'), path.join(root, 'dist', 'server.js')))
  .then(snapshot)
  .then(async (documents) => {
    const cache = await recordCodeCache();
    console.log(`bundled dist/extension.js, dist/server.js (+ server-main.js, code cache ${Math.round(cache / 1024)} KiB), dist/cli.js; dist/corpus.snapshot (${documents} corpus documents)`);
  })
  .catch((err) => {
    console.error(`bundle failed: ${err.message}`);
    process.exit(1);
  });
