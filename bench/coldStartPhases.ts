/**
 * One cold start in process, phase by phase, as the server does it; prints one JSON line. Run in a
 * fresh process each time by bench/coldStart.ts. With the build-time snapshot the corpus models are
 * read, not parsed, so the first `corpus()` is the precedent index build alone (`snapshot` says how
 * many of the documents came from it).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';

const root = path.resolve(__dirname, '..', '..');
const timings: Record<string, number> = {};
let last = performance.now();
const lap = (name: string): number => {
  const now = performance.now();
  timings[name] = now - last;
  last = now;
  return timings[name];
};

/* eslint-disable @typescript-eslint/no-require-imports */
require('vscode-languageserver/node');
lap('load vscode-languageserver');
const core = require('../server/src/core') as typeof import('../server/src/core');
const host = require('../server/src/host/corpusFiles') as typeof import('../server/src/host/corpusFiles');
lap('load the core');
const sources = host.readCorpus([host.bundledCorpusDir()!]);
lap('read the corpus (snapshot, file hashes)');
const service = core.createPolicyLanguageService({ corpus: () => sources, corpusIndex: host.snapshotIndex });
service.corpus();
lap('precedent index (first use: from the snapshot, or built)');
const text = fs.readFileSync(path.join(root, 'samples', 'suzhou-2026-ai-measures-draft.policy.yaml'), 'utf8');
service.lint(service.parse(text, 'file:///sample.policy.yaml'));
lap('first parse + lint of the sample');
const plain = core.createPolicyLanguageService();
for (const source of sources) plain.parse(source.text, `corpus:${source.id}`);
lap('(for comparison) parse the corpus texts instead');
timings['corpus documents from the snapshot'] = sources.filter((s) => s.document !== undefined).length;
process.stdout.write(`${JSON.stringify(timings)}\n`);
