/**
 * One cold start in process, phase by phase, as the server does it; prints one JSON line. Run in a
 * fresh process each time by bench/coldStart.ts. The precedent index's share is estimated as the
 * corpus load minus a second (warm) parse of the same texts, without touching the index's internals.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';

const root = path.resolve(__dirname, '..', '..');
const timings: Record<string, number> = {};
let last = performance.now();
const lap = (name: string): void => {
  const now = performance.now();
  timings[name] = now - last;
  last = now;
};

/* eslint-disable @typescript-eslint/no-require-imports */
require('vscode-languageserver/node');
lap('load vscode-languageserver');
const core = require('../server/src/core') as typeof import('../server/src/core');
const host = require('../server/src/host/corpusFiles') as typeof import('../server/src/host/corpusFiles');
lap('load the core');
const sources = host.readCorpus([host.bundledCorpusDir()!]);
lap('read corpus files');
const service = core.createPolicyLanguageService({ corpus: () => sources });
service.corpus();
lap('corpus: parse + index (first use)');
const text = fs.readFileSync(path.join(root, 'samples', 'suzhou-2026-ai-measures-draft.policy.yaml'), 'utf8');
service.lint(service.parse(text, 'file:///sample.policy.yaml'));
lap('first parse + lint of the sample');
const plain = core.createPolicyLanguageService();
for (const source of sources) plain.parse(source.text, `corpus:${source.id}`);
lap('corpus parse again (warm)');
timings['≈ of which index build'] = timings['corpus: parse + index (first use)'] - timings['corpus parse again (warm)'];
process.stdout.write(`${JSON.stringify(timings)}\n`);
