/**
 * Shared by the process-level benches (LSP latency, cold start): percentiles, the machine line, a
 * Markdown table, and writing one section of bench/RESULTS.md without touching the others.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** Nearest-rank percentile of samples (sorted here). */
export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** The machine, and how busy it was (load average over 1/5/15 minutes when the bench ended: others share it). */
export function machine(): string {
  const cpus = os.cpus();
  const load = os.loadavg().map((l) => l.toFixed(2)).join(' / ');
  return `${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.platform()} ${os.release()}, node ${process.version}; load average ${load}`;
}

export function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((cells) => cells[i].length)));
  const line = (cells: readonly string[]): string => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  return [line(header), `| ${widths.map((w, i) => (i === 0 ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`)).join(' | ')} |`, ...rows.map(line)];
}

export const ms = (value: number): string => value.toFixed(1);

/** The repository root, whether running from out/bench or from bench/. */
export function repoRoot(): string {
  return path.resolve(__dirname, '..', __dirname.includes(`${path.sep}out${path.sep}`) ? '..' : '');
}

/**
 * Replaces (or appends) the section `<!-- bench:NAME -->` … `<!-- /bench:NAME -->` of bench/RESULTS.md,
 * so each bench owns its section and the others' results stay.
 */
export function writeSection(name: string, lines: readonly string[]): string {
  const file = path.join(repoRoot(), 'bench', 'RESULTS.md');
  const begin = `<!-- bench:${name} -->`;
  const end = `<!-- /bench:${name} -->`;
  const block = [begin, ...lines, end].join('\n');
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : [
    '# Benchmark results',
    '',
    '`npm run bench` builds, bundles and runs every benchmark below; each one rewrites only its own section',
    '(between `<!-- bench:NAME -->` markers), so one can be re-run alone.',
    '',
  ].join('\n');
  const from = current.indexOf(begin);
  const to = current.indexOf(end);
  const next = from >= 0 && to > from
    ? current.slice(0, from) + block + current.slice(to + end.length)
    : `${current.replace(/\n*$/, '\n\n')}${block}\n`;
  fs.writeFileSync(file, next);
  return file;
}
