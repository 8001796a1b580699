/**
 * One cold start in process, phase by phase, as the server does it; prints one JSON line. Run in a
 * fresh process each time by bench/coldStart.ts. The precedent index's share is the corpus load
 * minus a parse of the same texts right before it (without touching the index's internals).
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
lap('read the corpus (snapshot or texts)');
const service = core.createPolicyLanguageService({ corpus: () => sources });
service.corpus();
lap('corpus: parse + index (first use)');
const text = fs.readFileSync(path.join(root, 'samples', 'suzhou-2026-ai-measures-draft.policy.yaml'), 'utf8');
service.lint(service.parse(text, 'file:///sample.policy.yaml'));
lap('first parse + lint of the sample');
// The index's share: the same corpus again in a new service, its texts parsed just before.
const plain = core.createPolicyLanguageService();
for (const source of sources) plain.parse(source.text, `corpus:${source.id}`);
const parse = lap('(again) parse the corpus texts');
core.createPolicyLanguageService({ corpus: () => sources }).corpus();
const corpus = lap('(again) corpus: parse + index');
delete timings['(again) parse the corpus texts'];
delete timings['(again) corpus: parse + index'];
timings['of which the precedent index build, ≈'] = corpus - parse;
process.stdout.write(`${JSON.stringify(timings)}\n`);
