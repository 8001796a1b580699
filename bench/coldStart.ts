/**
 * Cold start: spawn `policy-lint-server --stdio`, initialize, open the sample draft, and time the first
 * publishDiagnostics (bundled corpus, every rule). The tsc output (bin/policy-lint-server.js), the
 * esbuild bundle as shipped (dist/server.js: dist/server-main.js with its V8 code cache, `npm run
 * bundle`) and the bundle without the code cache are run in turn; then a fresh process per run times
 * the phases in process (bench/coldStartPhases.ts).
 *
 *   npm run build && npm run bundle && node out/bench/coldStart.js [--runs N]
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { BenchLspClient } from './lspClient';
import { machine, ms, percentile, repoRoot, table, writeSection } from './lspReport';

const ROOT = repoRoot();
const SAMPLE = path.join(ROOT, 'samples', 'suzhou-2026-ai-measures-draft.policy.yaml');
const TARGET_MS = 400;
const CORPUS_CODES = ['unknown-department', 'cap-outlier', 'overlaps-in-force'];

interface Variant {
  readonly name: string;
  readonly script: string;
}

const VARIANTS: readonly Variant[] = [
  { name: 'tsc output (bin/policy-lint-server.js)', script: path.join(ROOT, 'bin', 'policy-lint-server.js') },
  { name: 'esbuild bundle + code cache (dist/server.js)', script: path.join(ROOT, 'dist', 'server.js') },
  { name: 'esbuild bundle, no code cache (dist/server-main.js)', script: path.join(ROOT, 'dist', 'server-main.js') },
];

interface Run {
  /** Spawn → initialize result. */
  readonly initialized: number;
  /** Spawn → first publishDiagnostics of the sample. */
  readonly diagnostics: number;
  readonly codes: ReadonlySet<string>;
}

async function once(variant: Variant, text: string): Promise<Run> {
  const uri = pathToFileURL(SAMPLE).href;
  const start = performance.now();
  const client = BenchLspClient.spawn([variant.script, '--stdio'], (section) => (section === 'policyLint' ? {} : null), ROOT);
  try {
    await client.initialize();
    const initialized = performance.now() - start;
    const published = client.nextDiagnostics(uri, 1, 60000);
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'policy-yaml', version: 1, text } });
    const message = await published;
    return { initialized, diagnostics: message.receivedAt - start, codes: new Set(message.params.diagnostics.map((d: { code: string }) => String(d.code))) };
  } finally {
    await client.shutdown();
  }
}

/**
 * Whether each build will use its corpus snapshot (a tsc run since `npm run build` that changed a core
 * file, or a bundle newer than its snapshot, means the corpus is parsed instead: slower, never wrong).
 */
function snapshotState(): string {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const tsc = require(path.join(ROOT, 'out', 'server', 'src', 'host', 'corpusSnapshot.js')) as typeof import('../server/src/host/corpusSnapshot');
  const tscState = tsc.loadCorpusSnapshot() ? 'used' : 'stale or missing';
  const bundled = path.join(ROOT, 'dist', 'corpus.snapshot');
  let bundleState = 'missing';
  if (fs.existsSync(bundled)) {
    const snapshot = v8.deserialize(fs.readFileSync(bundled)) as { code: readonly string[] };
    bundleState = snapshot.code.includes(tsc.sha1(fs.readFileSync(VARIANTS[2].script))) ? 'used' : 'stale';
  }
  return `tsc output: ${tscState}; bundle: ${bundleState}`;
}

/** Median of each phase over fresh processes (coldStartPhases prints one JSON line per run). */
function phases(runs: number): Record<string, number> {
  const script = path.join(__dirname, 'coldStartPhases.js');
  const samples: Record<string, number>[] = [];
  for (let i = 0; i < runs; i++) samples.push(JSON.parse(execFileSync(process.execPath, [script], { cwd: ROOT, encoding: 'utf8' })));
  return Object.fromEntries(Object.keys(samples[0]).map((key) => [key, percentile(samples.map((s) => s[key]), 50)]));
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const runs = Number(argv[argv.indexOf('--runs') + 1] || 15);
  if (!fs.existsSync(VARIANTS[2].script)) throw new Error('dist/server-main.js is missing: run `npm run bundle` first');
  const snapshots = snapshotState();
  console.log(`corpus snapshot: ${snapshots}`);
  const text = fs.readFileSync(SAMPLE, 'utf8');
  const results = new Map<Variant, Run[]>(VARIANTS.map((v) => [v, []]));
  await once(VARIANTS[0], text); // one unmeasured run warms the file cache
  for (let i = 0; i < runs; i++) {
    for (const variant of VARIANTS) {
      const run = await once(variant, text);
      if (!CORPUS_CODES.some((c) => run.codes.has(c))) throw new Error(`${variant.name}: no corpus finding on the sample; is the bundled corpus loaded?`);
      results.get(variant)!.push(run);
    }
  }
  const rows = VARIANTS.map((variant) => {
    const list = results.get(variant)!;
    const first = list.map((r) => r.diagnostics);
    return [variant.name, String(list.length), ms(percentile(list.map((r) => r.initialized), 50)), ms(percentile(first, 50)), ms(percentile(first, 95)), ms(Math.min(...first)), percentile(first, 50) <= TARGET_MS ? 'PASS' : 'FAIL'];
  });
  const lines = table(['server', 'runs', 'spawn → initialize result ms', 'spawn → first diagnostics median ms', 'p95 ms', 'min ms', `≤ ${TARGET_MS} ms`], rows);
  const phase = phases(Math.max(5, Math.min(runs, 10)));
  const phaseLines = table(['phase (fresh process, in process, tsc output)', 'median ms'], Object.entries(phase).map(([k, v]) => [k, k.startsWith('corpus documents') ? String(v) : ms(v)]));
  console.log(lines.join('\n'));
  console.log(phaseLines.join('\n'));
  const file = writeSection('cold-start', [
    '## Cold start',
    '',
    `Command: \`npm run bench\` (this part: \`node out/bench/coldStart.js --runs ${runs}\`, after \`npm run bundle\`).`,
    '',
    `Corpus snapshot at the time of the run: ${snapshots}.`,
    '',
    'Spawn `node <server> --stdio`, initialize (the client answers workspace/configuration), open',
    '`samples/suzhou-2026-ai-measures-draft.policy.yaml`, stop the clock when its first publishDiagnostics has arrived; the',
    'diagnostics are checked to include corpus findings (bundled corpus, every rule). The builds take turns, after one',
    'unmeasured run. Both builds load the corpus from the build-time snapshot (server/src/host/corpusSnapshot.ts).',
    '',
    ...lines,
    '',
    'Where the time goes, in a fresh process per run (bench/coldStartPhases.ts, medians):',
    '',
    ...phaseLines,
    '',
    `- machine: ${machine()}`,
    `- date: ${new Date().toISOString()}`,
  ]);
  console.log(`written: ${path.relative(process.cwd(), file)}`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.stack ?? err.message : String(err));
  process.exit(1);
});
