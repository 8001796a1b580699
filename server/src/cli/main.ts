/**
 * policy-lint: the command-line adapter over the analysis core (SPEC §3). Reads files, hands text to
 * the core, prints what it returns. Any user error ends in exit 2 with one line on stderr.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createPolicyLanguageService } from '../core';
import type { LintConfig, Locale, PolicyLanguageService } from '../core';
import { HELP, parseArgs } from './args';
import type { CliArgs } from './args';
import { loadConfig } from './configFile';
import { bundledCorpusDir, checkCorpusDirs, readCorpus } from '../host/corpusFiles';
import { decodeBytes } from '../host/decode';
import { expandInputs } from './files';
import { compareHtml, compareJson, compareMarkdown } from '../host/compareFormat';
import { formatJson } from './formatters/json';
import { formatSarif } from './formatters/sarif';
import { formatStylish } from './formatters/stylish';
import type { FileResult } from './formatters/types';
import { UsageError } from '../host/usageError';
import { importPolicyText } from '../core/import';

interface Io {
  readonly cwd: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly isTty: boolean;
  readonly env: NodeJS.ProcessEnv;
}

const defaultIo = (): Io => ({
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTty: process.stdout.isTTY === true,
  env: process.env,
});

export async function main(argv: readonly string[], io: Io = defaultIo()): Promise<number> {
  try {
    return run(parseArgs(argv), io);
  } catch (err) {
    const message = err instanceof UsageError ? err.message : `internal error: ${err instanceof Error ? err.message : String(err)}`;
    io.stderr(`policy-lint: ${message.split('\n')[0]}\n`);
    return 2;
  }
}

function packageVersion(): string {
  for (let dir = __dirname; path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version?: string }).version ?? '0.0.0';
  }
  return '0.0.0';
}

function run(args: CliArgs, io: Io): number {
  if (args.help) {
    io.stdout(`${HELP}\n`);
    return 0;
  }
  if (args.version) {
    io.stdout(`${packageVersion()}\n`);
    return 0;
  }
  if (args.command === 'import') return importText(args, io);
  const { config } = loadConfig(args.config, io.cwd);
  const locale: Locale = args.locale ?? config?.locale ?? (/^zh/i.test(io.env.LC_ALL || io.env.LANG || '') ? 'zh-CN' : 'en');
  const corpusDirs = [
    ...[bundledCorpusDir()].filter((d): d is string => d !== undefined),
    ...checkCorpusDirs(config?.corpus ?? [], io.cwd),
    ...checkCorpusDirs(args.corpus, io.cwd),
  ];
  const service = createPolicyLanguageService({ corpus: () => readCorpus(corpusDirs) });
  if (args.inputs.length === 0) throw new UsageError('no files given (see --help)');
  if (args.command === 'compare') return compare(service, args, io);
  if (args.command === 'precedents') return precedents(service, args, io);
  return lint(service, args, config, locale, io);
}

function readText(file: string, io: Io): string {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    throw new UsageError(`cannot read '${path.relative(io.cwd, file) || file}'`);
  }
  const decoded = decodeBytes(bytes, path.relative(io.cwd, file) || file);
  if (decoded.note) io.stderr(`policy-lint: warning: ${decoded.note}\n`);
  return decoded.text;
}

function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return (relative.startsWith('..') ? file : relative).split(path.sep).join('/');
}

function lint(service: PolicyLanguageService, args: CliArgs, config: LintConfig | undefined, locale: Locale, io: Io): number {
  const format = args.format ?? 'stylish';
  if (!['stylish', 'json', 'sarif'].includes(format)) throw new UsageError(`unknown format '${format}' (stylish, json or sarif)`);
  const files = expandInputs(args.inputs, io.cwd);
  const texts = files.map((file) => readText(file, io));
  const results: FileResult[] = files.map((file, i) => {
    const diagnostics = service.lint(service.parse(texts[i], file), { config, locale });
    return { file: displayPath(file, io.cwd), diagnostics: args.quiet ? diagnostics.filter((d) => d.severity === 'error') : diagnostics };
  });
  if (format === 'json') io.stdout(formatJson(results));
  else if (format === 'sarif') io.stdout(formatSarif(results, service.rules, packageVersion()));
  else io.stdout(formatStylish(results, io.isTty && !io.env.NO_COLOR));
  const all = results.flatMap((r) => r.diagnostics);
  const errors = all.filter((d) => d.severity === 'error').length;
  const warnings = all.filter((d) => d.severity === 'warning').length;
  return errors > 0 || (args.maxWarnings !== undefined && warnings > args.maxWarnings) ? 1 : 0;
}

function singleFile(args: CliArgs, io: Io): string {
  if (args.inputs.length !== 1) throw new UsageError(`'${args.command}' takes exactly one file`);
  return expandInputs(args.inputs, io.cwd)[0];
}

function compare(service: PolicyLanguageService, args: CliArgs, io: Io): number {
  const format = args.format ?? 'md';
  if (!['md', 'html', 'json'].includes(format)) throw new UsageError(`unknown format '${format}' (md, html or json)`);
  if (!args.city) throw new UsageError("'compare' needs --city CITY");
  const file = singleFile(args, io);
  const parsed = service.parse(readText(file, io), file);
  const result = service.compare(parsed, args.city);
  if (!result) {
    const cities = service.corpus().cities;
    throw new UsageError(`unknown city '${args.city}'; the corpus knows: ${cities.length ? cities.join(', ') : '(no cities: the corpus is empty)'}`);
  }
  const title = parsed.document.policy?.value ?? displayPath(file, io.cwd);
  io.stdout(format === 'json' ? compareJson(result) : format === 'html' ? compareHtml(result, title) : compareMarkdown(result, title));
  return 0;
}

function precedents(service: PolicyLanguageService, args: CliArgs, io: Io): number {
  const format = args.format ?? 'text';
  if (!['text', 'json'].includes(format)) throw new UsageError(`unknown format '${format}' (text or json)`);
  const file = singleFile(args, io);
  const parsed = service.parse(readText(file, io), file);
  if (args.clause !== undefined && !parsed.document.clauses.some((c) => c.id?.value === args.clause)) {
    throw new UsageError(`no clause with id '${args.clause}' in ${displayPath(file, io.cwd)}`);
  }
  const results = service.precedents(parsed, { clause: args.clause, top: args.top ?? 5 });
  if (format === 'json') {
    io.stdout(`${JSON.stringify(results.map((r) => ({
      clause: r.clause,
      precedents: r.precedents.map((p) => ({ id: p.id, city: p.city, document: p.document, clause: p.clause, score: p.score, caps: p.caps, text: p.text, excerpt: p.excerpt })),
    })), null, 2)}\n`);
    return 0;
  }
  const lines: string[] = [];
  for (const r of results) {
    lines.push(`clause ${r.clause}:`);
    if (r.precedents.length === 0) lines.push('  (no precedent found)');
    for (const p of r.precedents) {
      const capText = p.caps.map((c) => `${c.tier ? `${c.tier} ` : ''}${c.text}`).join('、');
      lines.push(`  ${p.score.toFixed(2)}  ${p.id}  ${p.documentTitle}${capText ? `  [${capText}]` : ''}`);
      lines.push(`        ${p.excerpt.replace(/\s+/g, ' ')}`);
    }
  }
  io.stdout(`${lines.join('\n')}\n`);
  return 0;
}

/** `policy-lint import TEXT_FILE [-o OUT] [--force]`: published plain text → the dialect. */
function importText(args: CliArgs, io: Io): number {
  if (args.inputs.length !== 1) throw new UsageError("'import' takes exactly one text file");
  const input = path.resolve(io.cwd, args.inputs[0]);
  const text = readText(input, io);
  const out = args.output ? path.resolve(io.cwd, args.output) : undefined;
  // Never overwrite a drafter's file by accident.
  if (out && fs.existsSync(out) && !args.force) throw new UsageError(`'${args.output}' exists; use --force to overwrite it`);
  const { yaml, warnings } = importPolicyText(text, { sourceName: path.basename(input) });
  for (const warning of warnings) io.stderr(`policy-lint: warning: ${warning}\n`);
  if (out) {
    try {
      fs.writeFileSync(out, yaml);
    } catch {
      throw new UsageError(`cannot write '${args.output}'`);
    }
  } else io.stdout(yaml);
  return 0;
}
