/**
 * In-process lint throughput: parse + lint of whole generated drafts, as the CLI and the language
 * server do on every file (or every keystroke). One service for all runs, as the server keeps one.
 *
 *   npm run bench        (= npm run build && node out/bench/run.js)
 *
 * Prints a table and writes its section of bench/RESULTS.md. No corpus is loaded, so the corpus rules
 * (unknown-department, cap-outlier, overlaps-in-force) stay silent; precedent search is measured
 * separately.
 */
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createPolicyLanguageService } from '../server/src/core';
import { clearRecentCaches } from '../server/src/core/text/recentCache';
import { generateDraft } from './generateDraft';
import { machine as describeMachine, writeSection } from './lspReport';

interface Size {
  readonly clauses: number;
  readonly warmup: number;
  readonly runs: number;
}

const SIZES: readonly Size[] = [
  { clauses: 10, warmup: 10, runs: 30 },
  { clauses: 100, warmup: 5, runs: 30 },
  { clauses: 300, warmup: 5, runs: 30 },
  { clauses: 1000, warmup: 3, runs: 20 },
  { clauses: 5000, warmup: 2, runs: 10 },
];
const TARGET_CLAUSES = 300;
const TARGET_MS = 20;
const SEED = 2026;

interface Row {
  readonly clauses: number;
  readonly bytes: number;
  readonly runs: number;
  readonly median: number;
  readonly p95: number;
  /** Median of the parse share (YAML + model + text normalisers), to tell parse from rule cost. */
  readonly parse: number;
  /** Median of parse + lint of the same text again, the per-clause memos warm (a re-lint after an edit elsewhere). */
  readonly warm: number;
  readonly diagnostics: number;
}

/** Nearest-rank percentile of sorted samples. */
function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

// One service for every size, created once, as the language server keeps one.
const service = createPolicyLanguageService();

function measure(size: Size): Row {
  const draft = generateDraft({ clauses: size.clauses, seed: SEED });
  const uri = `bench:draft-${size.clauses}.policy.yaml`;
  let diagnostics = 0;
  const once = (cold = true): [number, number] => {
    if (cold) clearRecentCaches(); // a first analysis: no clause seen before
    const start = performance.now();
    const parsed = service.parse(draft.text, uri);
    const parsedAt = performance.now();
    diagnostics = service.lint(parsed).length;
    return [performance.now() - start, parsedAt - start];
  };
  for (let i = 0; i < size.warmup; i++) once();
  const totals: number[] = [];
  const parses: number[] = [];
  for (let i = 0; i < size.runs; i++) {
    const [total, parse] = once();
    totals.push(total);
    parses.push(parse);
  }
  const warm: number[] = [];
  once();
  for (let i = 0; i < size.runs; i++) warm.push(once(false)[0]);
  totals.sort((a, b) => a - b);
  parses.sort((a, b) => a - b);
  warm.sort((a, b) => a - b);
  return {
    clauses: size.clauses, bytes: draft.bytes, runs: size.runs,
    median: percentile(totals, 50), p95: percentile(totals, 95), parse: percentile(parses, 50), warm: percentile(warm, 50), diagnostics,
  };
}

function formatTable(rows: readonly Row[]): string[] {
  const header = ['clauses', 'bytes', 'runs', 'median ms', 'p95 ms', 'clauses/s', 'of which parse ms', 'memos warm ms', 'diagnostics'];
  const body = rows.map((r) => [
    String(r.clauses),
    String(r.bytes),
    String(r.runs),
    r.median.toFixed(2),
    r.p95.toFixed(2),
    String(Math.round(r.clauses / (r.median / 1000))),
    r.parse.toFixed(2),
    r.warm.toFixed(2),
    String(r.diagnostics),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((cells) => cells[i].length)));
  const line = (cells: readonly string[]): string => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  return [line(header), `| ${widths.map((w, i) => (i === 0 ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`)).join(' | ')} |`, ...body.map(line)];
}

function main(): void {
  const rows = SIZES.map(measure);
  const target = rows.find((r) => r.clauses === TARGET_CLAUSES);
  const pass = target !== undefined && target.median < TARGET_MS;
  const machine = describeMachine();
  const rules = service.rules.map((r) => r.id).join(', ');
  const table = formatTable(rows);
  const targetLine = `target: ${TARGET_CLAUSES}-clause draft < ${TARGET_MS} ms → ${pass ? 'PASS' : 'FAIL'}${target ? ` (median ${target.median.toFixed(2)} ms)` : ''}`;

  console.log('parse + lint, in process, one service, whole document per run');
  console.log(table.join('\n'));
  console.log(targetLine);
  console.log(`machine: ${machine}`);

  const file = writeSection('in-process', [
    '## In-process parse + lint against document size',
    '',
    'Command: `npm run bench` (this part: `node out/bench/run.js`).',
    '',
    `Each run parses and lints a whole generated draft (bench/generateDraft.ts, seed ${SEED}) with one`,
    '`createPolicyLanguageService()` instance and no corpus; times are after warm-up runs. median/p95 are of',
    'parse + lint of a first analysis (the per-clause memos emptied before each run); "of which parse" is the median',
    'of `parse()` alone (YAML, model, text normalisers); "memos warm" is parse + lint of the same text again, as after',
    'an edit elsewhere in the document.',
    '',
    ...table,
    '',
    `**${targetLine}**`,
    '',
    `- machine: ${machine}`,
    `- date: ${new Date().toISOString()}`,
    `- rules: ${rules}`,
  ]);
  console.log(`written: ${path.relative(process.cwd(), file)}`);
}

main();
