/**
 * Where the time of one edit goes in the language server, in process: the same 300-clause draft and
 * edits as bench/lspLatency.ts, the bundled corpus loaded as the server loads it, and per edit the
 * phases the server runs (apply the change, parse, lint, convert to LSP, serialise the message).
 *
 *   npx tsc -p . && node out/bench/editPhases.js [clauses] [edits]
 *
 * A diagnostic tool for the LSP latency figure; prints medians and p95 per phase, writes nothing.
 */
import { performance, PerformanceObserver } from 'node:perf_hooks';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createPolicyLanguageService } from '../server/src/core';
import { bundledCorpusDir, readCorpus, snapshotIndex } from '../server/src/host/corpusFiles';
import { toLspDiagnostic } from '../server/src/toLsp';
import { generateDraft } from './generateDraft';
import { editSession } from './lspEdits';
import { percentile } from './lspReport';

const clauses = Number(process.argv[2] ?? 300);
const count = Number(process.argv[3] ?? 300);
/** Pause between edits (ms): typing speed; 2 = back to back. */
const PAUSE_MS = Number(process.argv[4] ?? 2);
const dirs = [bundledCorpusDir()].filter((d): d is string => d !== undefined);
const service = createPolicyLanguageService({ corpus: () => readCorpus(dirs), corpusIndex: snapshotIndex });
const draft = generateDraft({ clauses, seed: 2026 });
const edits = editSession(draft.text, count);
const uri = 'file:///bench/draft.policy.yaml';
let doc = TextDocument.create(uri, 'policy-yaml', 1, draft.text);
// The server hands each parse the previous one (DocumentCache), so an edit re-parses only its clause.
let previous = service.parse(doc.getText(), uri);
service.lint(previous);

const phases: Record<string, number[]> = { apply: [], parse: [], lint: [], toLsp: [], json: [], gc: [], total: [] };
// Garbage collection inside each edit, from the gc performance entries.
let gcSoFar = 0;
new PerformanceObserver((list) => { for (const e of list.getEntries()) gcSoFar += e.duration; }).observe({ entryTypes: ['gc'] });
async function main(): Promise<void> {
for (let i = 0; i < edits.length; i++) {
  const gcBefore = gcSoFar;
  const t0 = performance.now();
  doc = TextDocument.update(doc, [edits[i].change], doc.version + 1);
  const text = doc.getText();
  const t1 = performance.now();
  const parsed = (previous = service.parse(text, uri, previous));
  const t2 = performance.now();
  const diagnostics = service.lint(parsed);
  const t3 = performance.now();
  const lsp = diagnostics.map((d) => toLspDiagnostic(d, uri));
  const t4 = performance.now();
  const json = JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri, version: doc.version, diagnostics: lsp } });
  const t5 = performance.now();
  if (json.length === 0) throw new Error('empty');
  phases.apply.push(t1 - t0); phases.parse.push(t2 - t1); phases.lint.push(t3 - t2); phases.toLsp.push(t4 - t3); phases.json.push(t5 - t4); phases.total.push(t5 - t0);
  await new Promise((resolve) => setTimeout(resolve, PAUSE_MS)); // the observer reports between tasks
  phases.gc.push(gcSoFar - gcBefore);
  (phases[`lint:${edits[i].kind}`] ??= []).push(t3 - t2);
  (phases[`total:${edits[i].kind}`] ??= []).push(t5 - t0);
}
}
void main().then(() => {
for (const [name, times] of Object.entries(phases)) {
  const sorted = [...times].sort((a, b) => a - b);
  console.log(`${name.padEnd(6)} median ${percentile(sorted, 50).toFixed(2).padStart(7)} ms  p95 ${percentile(sorted, 95).toFixed(2).padStart(7)} ms  max ${sorted[sorted.length - 1].toFixed(2).padStart(7)}`);
}
});
