#!/usr/bin/env node
// Run by `npm run build` after tsc: parses corpus/*.policy.yaml with the compiled core and writes
// out/server/src/host/corpus.snapshot, which the server and CLI load instead of parsing the corpus
// (server/src/host/corpusSnapshot.ts; used only while the core and the corpus files are unchanged).
'use strict';
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const { codeFingerprint, snapshotPath, writeCorpusSnapshot } = require(path.join(root, 'out', 'server', 'src', 'host', 'corpusSnapshot.js'));
const count = writeCorpusSnapshot(path.join(root, 'corpus'), snapshotPath(), [codeFingerprint()]);
console.log(`corpus snapshot: ${count} documents in ${path.relative(root, snapshotPath())}`);
