/**
 * Shared by test/fuzz.test.ts (a short seeded run per CI) and bench/fuzz.ts (`npm run fuzz`, a long
 * run): seeded mutators over real drafts, and the invariants every mutant must keep.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { parseYaml } from '../server/src/core/yaml/parseYaml';
import { reparseYaml } from '../server/src/core/yaml/reparse';
import { performance } from 'node:perf_hooks';
import type { PolicyLanguageService, PolicyDiagnostic } from '../server/src/core';
import type { CorpusSource } from '../server/src/core';
import type { PolicySymbol } from '../server/src/core/features/symbols';
import { linkTarget } from '../server/src/core/features/markdown';

/** mulberry32: small, fast, seedable. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const int = (rand: Rand, n: number): number => Math.floor(rand() * n);
const pick = <T>(rand: Rand, items: readonly T[]): T => items[int(rand, items.length)];

/** Characters that tend to break offset arithmetic: surrogates (paired and lone), RTL, zero-width, full-width digits, odd breaks. */
const NASTY = [
  '\uD83D\uDE00', '\uD83C\uDFED', '\uD800', '\uDFFF', '\u202E', '\u202D', '\u200F', '\u061C', '\u200B', '\u200D', '\uFEFF',
  '０', '１', '５', '９', '％', '．', '，', '\u3000', '\u00A0', '\r', '\r\n', '\u2028', '\u0085', '\t', '\0', '\u0301',
  '万元', '亿元', '50%', '１０００万元', '不超过', '最高', '：', '"', "'", '#', ': ', '- ', '|', '>', '---', '...', '%YAML 1.2\n',
];
const YAML_BITS = ['*a', '*anchor', '&a ', '&anchor ', '[', '{', ']', '}', '!!str ', '!!binary ', '? ', '<<: *a', '!custom ', '@', '`'];

function randomText(rand: Rand): string {
  let out = '';
  const n = 1 + int(rand, 4);
  for (let i = 0; i < n; i++) {
    const r = rand();
    if (r < 0.6) out += pick(rand, NASTY);
    else if (r < 0.8) out += pick(rand, YAML_BITS);
    else out += String.fromCharCode(int(rand, 0x10000));
  }
  return out;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

export type Mutator = (text: string, rand: Rand) => string;

export const MUTATORS: Readonly<Record<string, Mutator>> = {
  byteFlip(text, rand) {
    const bytes = Buffer.from(text, 'utf8');
    if (bytes.length === 0) return text;
    const flips = 1 + int(rand, 8);
    for (let i = 0; i < flips; i++) bytes[int(rand, bytes.length)] ^= 1 << int(rand, 8);
    return bytes.toString('utf8');
  },
  truncate(text, rand) {
    return text.slice(0, int(rand, text.length + 1));
  },
  indent(text, rand) {
    const lines = text.split('\n');
    const n = 1 + int(rand, 4);
    for (let i = 0; i < n; i++) {
      const at = int(rand, lines.length);
      const shift = int(rand, 9) - 4;
      lines[at] = shift >= 0 ? ' '.repeat(shift) + lines[at] : lines[at].replace(new RegExp(`^ {0,${-shift}}`), '');
    }
    return lines.join('\n');
  },
  insertUnicode(text, rand) {
    let out = text;
    const n = 1 + int(rand, 5);
    for (let i = 0; i < n; i++) {
      const at = int(rand, out.length + 1);
      out = out.slice(0, at) + randomText(rand) + out.slice(at);
    }
    return out;
  },
  duplicateLines(text, rand) {
    const lines = text.split('\n');
    const n = 1 + int(rand, 4);
    for (let i = 0; i < n; i++) {
      const at = int(rand, lines.length);
      const len = 1 + int(rand, 3);
      lines.splice(int(rand, lines.length + 1), 0, ...lines.slice(at, at + len));
    }
    return lines.join('\n');
  },
  deleteLines(text, rand) {
    const lines = text.split('\n');
    const n = 1 + int(rand, 4);
    for (let i = 0; i < n && lines.length > 0; i++) lines.splice(int(rand, lines.length), 1 + int(rand, 3));
    return lines.join('\n');
  },
  yamlBits(text, rand) {
    let out = text;
    const starts = lineStarts(text);
    const n = 1 + int(rand, 4);
    for (let i = 0; i < n; i++) {
      // Either right after a key's colon-space (where a value starts) or anywhere.
      const line = pick(rand, starts);
      const colon = out.indexOf(': ', line);
      const at = rand() < 0.6 && colon >= 0 ? colon + 2 : int(rand, out.length + 1);
      out = out.slice(0, at) + pick(rand, YAML_BITS) + out.slice(at);
    }
    return out;
  },
  crlf(text, rand) {
    return rand() < 0.5 ? text.replace(/\n/g, '\r\n') : text.replace(/\n/g, () => (rand() < 0.3 ? '\r' : '\n'));
  },
  /** A value of the wrong type after a key: a list, a mapping, a number, null, a boolean, an alias. */
  retype(text, rand) {
    const values = ['[1, 2]', '{a: 1}', '12345', '~', 'true', '-1e400', '.nan', '""', '*a', '!!binary aGVsbG8=', '[[[]]]', '{lead: {x: [y]}}'];
    let out = text;
    const n = 1 + int(rand, 3);
    for (let i = 0; i < n; i++) {
      const keys = [...out.matchAll(/^([ \t-]*[A-Za-z]+):[ \t]*([^\n]*)$/gm)];
      if (keys.length === 0) break;
      const m = pick(rand, keys);
      const at = (m.index ?? 0) + m[1].length + 1;
      out = `${out.slice(0, at)} ${pick(rand, values)}${out.slice(at + m[0].length - m[1].length - 1)}`;
    }
    return out;
  },
  /** Wraps a value in deep flow nesting. */
  nest(text, rand) {
    const depth = 1 + int(rand, 200);
    const colon = text.indexOf(': ', int(rand, Math.max(1, text.length)));
    if (colon < 0) return text;
    const end = text.indexOf('\n', colon);
    const stop = end < 0 ? text.length : end;
    return `${text.slice(0, colon + 2)}${'['.repeat(depth)}${text.slice(colon + 2, stop)}${']'.repeat(depth)}${text.slice(stop)}`;
  },
};

const MUTATOR_NAMES = Object.keys(MUTATORS);

/** One to three stacked mutations of `text`; returns the mutant and the mutators applied. */
export function mutate(text: string, rand: Rand): { text: string; steps: string[] } {
  const steps: string[] = [];
  let out = text;
  const n = 1 + int(rand, 3);
  for (let i = 0; i < n; i++) {
    const name = pick(rand, MUTATOR_NAMES);
    steps.push(name);
    out = MUTATORS[name](out, rand);
  }
  return { text: out, steps };
}

/** Lines as LSP clients count them: split at \r\n, \n and lone \r; lengths exclude the break. */
function lspLineLengths(text: string): number[] {
  return text.split(/\r\n|\n|\r/).map((l) => l.length);
}

function checkRange(text: string, lines: number[], d: { start: number; end: number; range: PolicyDiagnostic['range'] }, what: string): void {
  if (!(Number.isInteger(d.start) && Number.isInteger(d.end) && d.start >= 0 && d.start <= d.end && d.end <= text.length)) {
    throw new Error(`${what}: offsets ${d.start}..${d.end} outside 0..${text.length}`);
  }
  for (const p of [d.range.start, d.range.end]) {
    if (!(p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line])) {
      throw new Error(`${what}: position ${p.line}:${p.character} outside the document (${lines.length} lines, that line ${lines[p.line]} long)`);
    }
  }
  const { start, end } = d.range;
  if (start.line > end.line || (start.line === end.line && start.character > end.character)) {
    throw new Error(`${what}: range ${start.line}:${start.character}-${end.line}:${end.character} runs backwards`);
  }
}

function checkOffsets(text: string, start: number, end: number, what: string): void {
  if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= text.length)) {
    throw new Error(`${what}: offsets ${start}..${end} outside 0..${text.length}`);
  }
}

function checkSymbols(text: string, symbols: readonly PolicySymbol[]): void {
  for (const s of symbols) {
    checkOffsets(text, s.start, s.end, `symbol ${s.name}`);
    checkOffsets(text, s.selectionStart, s.selectionEnd, `selection of symbol ${s.name}`);
    if (s.selectionStart < s.start || s.selectionEnd > s.end) throw new Error(`symbol ${s.name}: selection outside the symbol`);
    checkSymbols(text, s.children);
  }
}

/**
 * Runs every feature over `text` and checks the invariants; throws an Error naming what broke.
 * Returns the milliseconds the document took.
 */
export function checkDocument(service: PolicyLanguageService, text: string, rand: Rand): number {
  const t0 = performance.now();
  const parsed = service.parse(text, 'file:///fuzz.policy.yaml');
  const diagnostics = service.lint(parsed);
  const lines = lspLineLengths(text);
  for (const d of diagnostics) {
    checkRange(text, lines, d, `diagnostic ${d.code}`);
    for (const r of d.related) checkRange(text, lines, r, `related of ${d.code}`);
  }
  const offsets = new Set<number>([0, text.length, Math.floor(text.length / 2)]);
  for (let i = 0; i < 3; i++) offsets.add(Math.floor(rand() * (text.length + 1)));
  for (const d of diagnostics.slice(0, 3)) offsets.add(d.start);
  for (const offset of offsets) {
    const hover = service.hover(parsed, offset);
    if (hover) {
      checkOffsets(text, hover.start, hover.end, `hover at ${offset}`);
      // Links only where hovers may link: a corpus file or a policyLint.* command.
      for (const m of hover.markdown.matchAll(/(?<!\\)\]\(([^)\s]*)\)/g)) {
        if (linkTarget(m[1]) !== m[1]) throw new Error(`hover at ${offset}: link to '${m[1]}'`);
      }
    }
    service.completions(parsed, offset);
    service.definition(parsed, offset);
  }
  checkSymbols(text, service.symbols(parsed));
  const lineCount = lines.length;
  for (const f of service.folding(parsed)) {
    if (!(f.startLine >= 0 && f.startLine <= f.endLine && f.endLine < lineCount)) throw new Error(`folding ${f.startLine}-${f.endLine} outside ${lineCount} lines`);
  }
  for (const lens of service.codeLenses(parsed)) checkOffsets(text, lens.start, lens.end, `code lens of ${lens.clause}`);
  const validYaml = parsed.document.yaml.error === undefined;
  // Diagnostic fixes do not depend on the offset; only the pin-a-precedent fix does. So: all fixes
  // once, then the extra ones at a few more offsets; identical edit sets are applied once.
  const fixes = [...service.quickFixes(parsed, diagnostics, 0)];
  for (const offset of diagnostics.slice(0, 3).map((d) => d.start)) fixes.push(...service.quickFixes(parsed, [], offset));
  const applied = new Set<string>();
  for (const fix of fixes) {
    const edits = [...fix.edits].sort((a, b) => a.start - b.start || a.end - b.end);
    for (let i = 0; i < edits.length; i++) {
      const e = edits[i];
      if (!(Number.isInteger(e.start) && Number.isInteger(e.end) && e.start >= 0 && e.start <= e.end && e.end <= text.length)) {
        throw new Error(`quick fix '${fix.title}': edit ${e.start}..${e.end} outside 0..${text.length}`);
      }
      if (i > 0 && edits[i - 1].end > e.start) throw new Error(`quick fix '${fix.title}': overlapping edits at ${e.start}`);
    }
    const key = JSON.stringify(edits);
    if (applied.has(key)) continue;
    applied.add(key);
    let fixed = text;
    for (let i = edits.length - 1; i >= 0; i--) fixed = fixed.slice(0, edits[i].start) + edits[i].newText + fixed.slice(edits[i].end);
    const again = service.parse(fixed, 'file:///fuzz.policy.yaml');
    // A fix may not break a document that was valid YAML.
    if (validYaml && again.document.yaml.error) throw new Error(`quick fix '${fix.title}' breaks the YAML: ${again.document.yaml.error.message}`);
  }
  return performance.now() - t0;
}

/** The incremental parse from the seed's parse gives the tree a full parse of the mutant gives. */
export function checkReparse(before: string, after: string): void {
  if (!isDeepStrictEqual(reparseYaml(parseYaml(before), after), parseYaml(after))) throw new Error('the incremental parse differs from a full parse');
}

/** Seed texts: the samples, every fixture draft, and a few corpus documents. */
export function seedTexts(root: string, corpusCount = 4): Array<{ name: string; text: string }> {
  const out: Array<{ name: string; text: string }> = [];
  const add = (file: string): void => { out.push({ name: path.relative(root, file), text: fs.readFileSync(file, 'utf8') }); };
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.policy.yaml')) add(full);
    }
  };
  for (const f of fs.readdirSync(path.join(root, 'samples')).filter((n) => n.endsWith('.policy.yaml')).sort()) add(path.join(root, 'samples', f));
  walk(path.join(root, 'test', 'fixtures'));
  const corpus = fs.readdirSync(path.join(root, 'corpus')).filter((n) => n.endsWith('.policy.yaml')).sort();
  const step = Math.max(1, Math.floor(corpus.length / corpusCount));
  for (let i = 0; i < corpus.length && i / step < corpusCount; i += step) add(path.join(root, 'corpus', corpus[i]));
  return out;
}

/** The bundled corpus, so that the corpus-backed features (hover precedents, pin fixes, lenses) run too. */
export function corpusSources(root: string): CorpusSource[] {
  const dir = path.join(root, 'corpus');
  return fs.readdirSync(dir).filter((n) => n.endsWith('.policy.yaml')).sort()
    .map((n) => ({ id: n.replace(/\.policy\.yaml$/, ''), text: fs.readFileSync(path.join(dir, n), 'utf8'), uri: `file://${path.join(dir, n)}` }));
}

export interface FuzzFailure {
  readonly seedName: string;
  readonly mutant: number;
  readonly steps: readonly string[];
  readonly error: string;
  readonly text: string;
}

export interface FuzzResult {
  readonly mutants: number;
  readonly maxMs: number;
  readonly maxName: string;
  readonly failures: FuzzFailure[];
}

/**
 * Runs `count` mutants (round-robin over the seeds) from `seed`; collects failures instead of
 * stopping. With `budgetMs`, a document that takes longer is a failure too (`npm run fuzz`; the unit
 * test sets no budget: it asserts no timing).
 */
export function runFuzz(service: PolicyLanguageService, seeds: ReadonlyArray<{ name: string; text: string }>, count: number, seed: number, onProgress?: (done: number) => void, budgetMs?: number): FuzzResult {
  const rand = prng(seed);
  const failures: FuzzFailure[] = [];
  let maxMs = 0;
  let maxName = '';
  for (let i = 0; i < count; i++) {
    const source = seeds[i % seeds.length];
    const { text, steps } = mutate(source.text, rand);
    try {
      checkReparse(source.text, text);
      const ms = checkDocument(service, text, rand);
      if (ms > maxMs) { maxMs = ms; maxName = `${source.name} #${i} (${steps.join('+')})`; }
      if (budgetMs !== undefined && ms > budgetMs) failures.push({ seedName: source.name, mutant: i, steps, error: `took ${ms.toFixed(0)} ms, over the budget of ${budgetMs} ms`, text });
    } catch (err) {
      failures.push({ seedName: source.name, mutant: i, steps, error: err instanceof Error ? (err.stack ?? err.message) : String(err), text });
    }
    if (onProgress && (i + 1) % 1000 === 0) onProgress(i + 1);
  }
  return { mutants: count, maxMs, maxName, failures };
}
