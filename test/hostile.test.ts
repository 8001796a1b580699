/**
 * Hostile inputs, through the CLI and the language server: an alias bomb, 5000-deep nesting, binary
 * data, invalid UTF-8, an empty file, BOM + CRLF, wrong types everywhere, a 6 MiB draft, a single
 * 100k-character line, and shapes that were once quadratic (50 000 documents, a 1.4M-character
 * clause, 30 000 amounts in one text, 20 000 suppression comments), 3000-deep indentation, CR-only lines. The CLI ends in time with exit 1 or 2, at most one line on stderr and no stack
 * trace; the server publishes diagnostics inside the document and still answers a hover afterwards.
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateDraft } from '../bench/generateDraft';
import { prng } from '../bench/fuzzLib';
import { LspClient } from './helpers/lspClient';
import { REPO_ROOT } from './helpers/paths';

const CLI = path.join(REPO_ROOT, 'bin', 'policy-lint.js');
const SERVER = path.join(REPO_ROOT, 'bin', 'policy-lint-server.js');
const SAMPLE = fs.readFileSync(path.join(REPO_ROOT, 'samples', 'suzhou-2026-ai-measures-draft.policy.yaml'), 'utf8');

function aliasBomb(): string {
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  const names = 'abcdefghi';
  for (let i = 1; i < names.length; i++) {
    lines.push(`${names[i]}: &${names[i]} [${Array.from({ length: 9 }, () => `*${names[i - 1]}`).join(',')}]`);
  }
  lines.push('policy: *i', 'city: *i', 'departments: {x: *i}', 'chapters: [{id: "1", title: *i, clauses: *i}]');
  lines.push('clauses:', '  - id: "1"', '    text: *i', '    departments: *i', '    caps: *i', '    topics: *i', '    precedents: *i', '  - *i', '');
  return lines.join('\n');
}

function deepNesting(): string {
  const depth = 5000;
  return [
    `policy: ${'['.repeat(depth)}${']'.repeat(depth)}`,
    `city: ${'{a: '.repeat(depth)}x${'}'.repeat(depth)}`,
    `clauses: ${'- '.repeat(depth)}x`,
    '',
  ].join('\n');
}

function binary(): Buffer {
  const rand = prng(42);
  const bytes = Buffer.alloc(64 * 1024);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(rand() * 256);
  bytes[0] = 0x7f; // not a BOM, so not mistaken for UTF-16
  bytes[100] = 0;
  return bytes;
}

function invalidUtf8(): Buffer {
  const [head, tail] = [SAMPLE.slice(0, 400), SAMPLE.slice(400)];
  // Lone continuation bytes, a truncated 3-byte sequence, an overlong encoding, a surrogate encoded in UTF-8, 0xFF.
  return Buffer.concat([Buffer.from(head, 'utf8'), Buffer.from([0x80, 0xbf, 0xe4, 0xb8, 0x0a, 0xc0, 0xaf, 0xed, 0xa0, 0x80, 0xff]), Buffer.from(tail, 'utf8')]);
}

function wrongTypes(): string {
  return `policy: 12345
city: [苏州, 无锡]
level: {a: 1}
issuer: 3.14
status: [draft]
unit: {万元: 1}
effective: [2021, 3, 1]
expires: {year: 2023}
docNumber: true
coResponsible: 0x1F
departments: [市工信局, 市财政局]
chapters:
  - 7
  - [a, b]
  - {id: [1], title: {x: y}, clauses: 5}
  - id: 二
    title: 章
    clauses: {a: 1}
clauses:
  - 42
  - [1, 2, 3]
  - "just a string"
  - null
  - id: [1]
    title: {x: y}
    text: 12345
    departments: 7
    caps: 100
    topics: {a: b}
    precedents: 1
  - id: {a: 1}
    text: [支持, 企业]
    departments: {lead: 5, support: [1, {a: b}], 3: [x]}
    caps:
      - 5
      - [1, 2]
      - max: [1]
        rate: {a: 1}
        per: 3
        period: [年]
        tiers: 8
  - id: 1e400
    text: .inf
    departments: {lead: {a: {b: c}}}
    caps: {max: 100}
  - id: ~
    text: !!binary aGVsbG8=
    caps: [{max: -1}, {max: 1e308}, {max: .nan}, {rate: 99999999999999999999}]
`;
}

function bigDraft(): string {
  let clauses = 14000;
  for (;;) {
    const { text } = generateDraft({ clauses });
    if (Buffer.byteLength(text) > 6 * 1024 * 1024) return text;
    clauses = Math.ceil(clauses * 1.1);
  }
}

function longLine(): string {
  const text = '支持人工智能企业发展，给予最高100万元奖励；'.repeat(5000).slice(0, 100_000);
  return `policy: 若干措施\ncity: 苏州\nclauses:\n  - id: "1"\n    text: ${text}\n`;
}

const HEAD = 'policy: 苏州市促进人工智能产业发展的若干措施\ncity: 苏州\n';
const SENTENCE = '对首次入选的“头雁”企业给予最高100万元奖励，对符合条件的项目按投资额的20%给予最高1000万元补助。（责任单位：市工信局、市财政局）';

/** Shapes that were quadratic once (each took seconds to minutes): kept so they stay linear. */
const manyDocuments = (): string => `${HEAD}clauses: []\n---\n`.repeat(50000);
const hugeClause = (): string => `${HEAD}clauses:\n  - id: "1"\n    text: |\n      ${SENTENCE.repeat(20000)}\n`;
const manyAmounts = (): string => `${HEAD}clauses:\n  - id: "1"\n    text: 给予${Array.from({ length: 30000 }, (_, i) => `最高${i + 1}万元`).join('、')}奖励。\n`;
const manySuppressions = (): string => `${HEAD}clauses:\n${Array.from({ length: 20000 }, (_, i) => `  # policy-lint-disable-next-line similar-clause\n  - id: "${i % 500}"\n    text: 支持企业发展第${i}项。\n`).join('')}`;
const deepBlock = (): string => HEAD + Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i)}k${i}:\n`).join('');
const crOnly = (): string => `${HEAD}clauses:\n${Array.from({ length: 5000 }, (_, i) => `  - id: "${i}"\n    text: 支持企业发展第${i}项，给予最高${i}万元奖励。\n`).join('')}`.replace(/\n/g, '\r');

interface Hostile {
  readonly name: string;
  readonly bytes: Buffer;
  /** Beyond the size limits (1 MiB or 1000 clauses): one large-document notice, no precedent rules. */
  readonly large?: boolean;
  /** A valid draft without error-severity findings: exit 0 is right. */
  readonly clean?: boolean;
}

const HOSTILE: readonly Hostile[] = [
  { name: 'alias-bomb', bytes: Buffer.from(aliasBomb()) },
  { name: 'deep-nesting', bytes: Buffer.from(deepNesting()) },
  { name: 'binary', bytes: binary() },
  { name: 'invalid-utf8', bytes: invalidUtf8() },
  { name: 'empty', bytes: Buffer.alloc(0) },
  { name: 'bom-crlf', bytes: Buffer.from(`\uFEFF${SAMPLE.replace(/\n/g, '\r\n')}`) },
  { name: 'wrong-types', bytes: Buffer.from(wrongTypes()) },
  { name: 'top-level-list', bytes: Buffer.from('- policy: x\n- city: y\n- [1, 2]\n') },
  { name: 'top-level-scalar', bytes: Buffer.from('42\n') },
  { name: 'six-mib', bytes: Buffer.from(bigDraft()), large: true },
  { name: 'long-line', bytes: Buffer.from(longLine()) },
  { name: 'many-documents', bytes: Buffer.from(manyDocuments()), large: true },
  { name: 'huge-clause', bytes: Buffer.from(hugeClause()), large: true, clean: true },
  { name: 'many-amounts', bytes: Buffer.from(manyAmounts()) },
  { name: 'many-suppressions', bytes: Buffer.from(manySuppressions()), large: true },
  { name: 'deep-block', bytes: Buffer.from(deepBlock()), large: true },
  { name: 'cr-only', bytes: Buffer.from(crOnly()), large: true },
];

/** Lines as LSP counts them: \r\n, \n and lone \r end a line; lengths exclude the break. */
function lineLengths(text: string): number[] {
  return text.split(/\r\n|\n|\r/).map((l) => l.length);
}

/* eslint-disable @typescript-eslint/no-explicit-any */
/** `lines` is lineLengths(text), computed once per document: 25 000 diagnostics must not split 6 MiB 25 000 times. */
function assertInside(lines: readonly number[], range: any, what: string): void {
  for (const p of [range.start, range.end]) {
    assert.ok(p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line],
      `${what}: ${p.line}:${p.character} outside the document (${lines.length} lines; that line is ${lines[p.line]} long)`);
  }
  assert.ok(range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character), `${what}: backwards range`);
}

describe('hostile inputs', function () {
  this.timeout(120000);

  describe('CLI', () => {
    interface Run { readonly status: number | null; readonly signal: NodeJS.Signals | null; readonly stdout: string; readonly stderr: string; readonly error?: string }
    let dir: string;
    const runs = new Map<string, Run>();

    /** One CLI process, killed after 30 s (then `signal` says so). */
    function runCli(args: readonly string[]): Promise<Run> {
      return new Promise((resolve) => {
        const child = spawn(process.execPath, [CLI, ...args], { cwd: dir, env: { ...process.env, NO_COLOR: '1', LANG: 'C', LC_ALL: '' } });
        const out: Buffer[] = [];
        const err: Buffer[] = [];
        child.stdout.on('data', (b: Buffer) => out.push(b));
        child.stderr.on('data', (b: Buffer) => err.push(b));
        const timer = setTimeout(() => child.kill('SIGKILL'), 30000);
        child.on('error', (e) => { clearTimeout(timer); resolve({ status: null, signal: null, stdout: '', stderr: '', error: e.message }); });
        child.on('close', (status, signal) => {
          clearTimeout(timer);
          resolve({ status, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
        });
      });
    }

    /** Runs the jobs a few at a time (each process loads the corpus). */
    async function runAll(jobs: ReadonlyArray<[string, string[]]>): Promise<void> {
      let next = 0;
      const worker = async (): Promise<void> => {
        while (next < jobs.length) {
          const [key, args] = jobs[next++];
          runs.set(key, await runCli(args));
        }
      };
      await Promise.all([worker(), worker(), worker()]);
    }

    // Every run first, then one test per input. JSON once per input (exact exit status and findings);
    // stylish once per unreadable input and once over all the others together (one process, not 17).
    before(async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lint-hostile-'));
      for (const h of HOSTILE) fs.writeFileSync(path.join(dir, `${h.name}.policy.yaml`), h.bytes);
      fs.writeFileSync(path.join(dir, 'lf.policy.yaml'), SAMPLE);
      await runAll([...HOSTILE.map((h): [string, string[]] => [`${h.name}/json`, ['--format', 'json', `${h.name}.policy.yaml`]]), ['lf/json', ['--format', 'json', 'lf.policy.yaml']]]);
      const unreadable = HOSTILE.filter((h) => runs.get(`${h.name}/json`)?.status === 2);
      const readable = HOSTILE.filter((h) => !unreadable.includes(h));
      await runAll([
        ...unreadable.map((h): [string, string[]] => [`${h.name}/stylish`, ['--format', 'stylish', `${h.name}.policy.yaml`]]),
        ['readable/stylish', ['--format', 'stylish', ...readable.map((h) => `${h.name}.policy.yaml`)]],
      ]);
      for (const h of readable) runs.set(`${h.name}/stylish`, runs.get('readable/stylish')!);
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    for (const h of HOSTILE) {
      it(`${h.name}: ends in time with exit ${h.clean ? 0 : '1 or 2'}, at most one stderr line, no stack trace`, () => {
        const lines = lineLengths(h.bytes.toString('utf8'));
        for (const format of ['stylish', 'json']) {
          const r = runs.get(`${h.name}/${format}`)!;
          if (format === 'stylish' && r === runs.get('readable/stylish')) {
            // The run over every readable input: this one's findings are in it.
            assert.ok(r.stdout.includes(`${h.name}.policy.yaml`), `${h.name}: not in the stylish output`);
          }
          assert.equal(r.error, undefined, `${h.name} (${format}): ${r.error}`);
          assert.equal(r.signal, null, `${h.name} (${format}) was killed by ${r.signal}`);
          const shared = format === 'stylish' && r === runs.get('readable/stylish');
          assert.ok(h.clean && !shared ? r.status === 0 : r.status === 1 || r.status === 2, `${h.name} (${format}): exit ${r.status}\n${r.stderr}`);
          const stderrLines = r.stderr.split('\n').filter((l) => l !== '');
          assert.ok(stderrLines.length <= 1, `${h.name} (${format}): ${stderrLines.length} stderr lines:\n${r.stderr.slice(0, 2000)}`);
          assert.ok(!r.stderr.includes('    at ') && !r.stdout.includes('    at '), `${h.name} (${format}): stack trace\n${r.stderr.slice(0, 2000)}`);
          if (format === 'json' && r.status !== 2) {
            const findings = JSON.parse(r.stdout) as Array<{ line: number; column: number; endLine: number; endColumn: number; code: string }>;
            assert.ok(Array.isArray(findings) && (h.clean || findings.length > 0), `${h.name}: exit 1 without findings`);
            for (const f of findings) {
              // 1-based; a column may point just past the line's last character.
              assertInside(lines, { start: { line: f.line - 1, character: f.column - 1 }, end: { line: f.endLine - 1, character: f.endColumn - 1 } }, `${h.name} ${f.code}`);
            }
            const large = findings.filter((f) => f.code === 'large-document');
            assert.equal(large.length, h.large ? 1 : 0, `${h.name}: ${large.length} large-document findings`);
            if (h.large) assert.ok(!findings.some((f) => f.code === 'cap-outlier' || f.code === 'overlaps-in-force'));
          }
        }
      });
    }

    it('bom-crlf: the same findings at the same lines as the plain LF draft', () => {
      const lines = (key: string): string[] =>
        (JSON.parse(runs.get(key)!.stdout) as Array<{ line: number; column: number; code: string }>).map((d) => `${d.line}:${d.column}:${d.code}`);
      assert.ok(lines('lf/json').length > 0);
      assert.deepEqual(lines('bom-crlf/json'), lines('lf/json'));
    });
  });

  describe('language server', () => {
    let child: ChildProcessWithoutNullStreams;
    let client: LspClient;
    let stderr = '';

    before(async () => {
      child = spawn(process.execPath, [SERVER, '--stdio']);
      child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
      client = new LspClient(child);
      await client.request('initialize', { processId: process.pid, rootUri: null, capabilities: {}, locale: 'en' });
      client.send({ method: 'initialized', params: {} });
    });

    after(() => {
      child.kill();
    });

    const variants: Array<{ name: string; text: string; large?: boolean }> = HOSTILE.flatMap((h) => {
      const out = [{ name: h.name, text: h.bytes.toString('utf8'), large: h.large }];
      // An editor that guessed Latin-1 hands the server every byte as a character, NULs included.
      if (h.name === 'binary' || h.name === 'invalid-utf8') out.push({ name: `${h.name} (latin1)`, text: h.bytes.toString('latin1'), large: false });
      return out;
    });
    // Lone surrogates survive JSON on the way in, so the server sees them too.
    variants.push({ name: 'lone-surrogates', text: `policy: \uD800若干措施\uDFFF\ncity: 苏\uDBFF州\nclauses:\n  - id: "\uDC00"\n    text: 支持\uD83D企业。（责任单位：市\uDE00商务局）\n` });

    variants.forEach((v, i) => {
      it(`${v.name}: diagnostics inside the document, then a hover still answers`, async () => {
        const uri = `file:///tmp/hostile-${i}.policy.yaml`;
        client.send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'policy-yaml', version: 1, text: v.text } } });
        const published = await client.wait((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri, `diagnostics for ${v.name}`, 60000);
        const lines = lineLengths(v.text);
        for (const d of published.params.diagnostics) {
          assertInside(lines, d.range, `${v.name} ${d.code}`);
          for (const r of d.relatedInformation ?? []) if (r.location.uri === uri) assertInside(lines, r.location.range, `${v.name} related of ${d.code}`);
        }
        const codes = new Set<string>(published.params.diagnostics.map((d: any) => d.code));
        if (v.name === 'six-mib') {
          // Degraded, not dropped: the size notice on the first key, no precedent rules, every other rule still reports.
          const notice = published.params.diagnostics.filter((d: any) => d.code === 'large-document');
          assert.equal(notice.length, 1);
          assert.deepEqual(notice[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 6 } });
          assert.equal(notice[0].severity, 3);
          assert.match(notice[0].message, /^This document is large \(6\.\d MiB, \d+ clauses; the limit is 1\.0 MiB or 1000 clauses\)/);
          assert.ok(!codes.has('cap-outlier') && !codes.has('overlaps-in-force'), [...codes].join(', '));
          for (const code of ['duplicate-clause', 'missing-department', 'cap-inconsistent', 'cap-tier-inversion']) assert.ok(codes.has(code), `${code} missing: ${[...codes].join(', ')}`);
          const lenses = await client.request('textDocument/codeLens', { textDocument: { uri } });
          assert.deepEqual(lenses.result, []);
        } else {
          assert.equal(codes.has('large-document'), v.large === true, `${v.name}: large-document ${v.large ? 'missing' : 'on a small document'}`);
          if (v.large) assert.ok(!codes.has('cap-outlier') && !codes.has('overlaps-in-force'), [...codes].join(', '));
        }
        const middle = Math.floor(lines.length / 2);
        const positions = [{ line: 0, character: 0 }, { line: middle, character: Math.floor(lines[middle] / 2) }];
        const first = published.params.diagnostics[0];
        if (first) positions.push(first.range.start);
        for (const position of positions) {
          const hover = await client.request('textDocument/hover', { textDocument: { uri }, position });
          assert.equal(hover.error, undefined, `${v.name}: hover failed: ${JSON.stringify(hover.error)}`);
          if (hover.result?.range) assertInside(lines, hover.result.range, `${v.name} hover`);
          for (const method of ['textDocument/completion', 'textDocument/definition', 'textDocument/references']) {
            const answer = await client.request(method, { textDocument: { uri }, position, context: { includeDeclaration: false } });
            assert.equal(answer.error, undefined, `${v.name}: ${method} failed: ${JSON.stringify(answer.error)}`);
          }
        }
        // Every other feature answers too, with ranges inside the document.
        const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
        assert.equal(symbols.error, undefined, `${v.name}: symbols failed`);
        const walk = (list: any[]): void => list.forEach((sym) => { assertInside(lines, sym.range, `${v.name} symbol`); assertInside(lines, sym.selectionRange, `${v.name} symbol selection`); walk(sym.children ?? []); });
        walk(symbols.result ?? []);
        const folding = await client.request('textDocument/foldingRange', { textDocument: { uri } });
        assert.equal(folding.error, undefined, `${v.name}: folding failed`);
        for (const f of folding.result ?? []) assert.ok(f.startLine >= 0 && f.startLine <= f.endLine && f.endLine < lines.length, `${v.name} folding ${f.startLine}-${f.endLine}`);
        const lenses = await client.request('textDocument/codeLens', { textDocument: { uri } });
        assert.equal(lenses.error, undefined, `${v.name}: code lens failed`);
        for (const lens of lenses.result ?? []) assertInside(lines, lens.range, `${v.name} code lens`);
        if (first) {
          const actions = await client.request('textDocument/codeAction', { textDocument: { uri }, range: first.range, context: { diagnostics: [first] } });
          assert.equal(actions.error, undefined, `${v.name}: code actions failed`);
          for (const action of actions.result ?? []) for (const edit of action.edit?.changes?.[uri] ?? []) assertInside(lines, edit.range, `${v.name} quick fix '${action.title}'`);
        }
        client.send({ method: 'textDocument/didClose', params: { textDocument: { uri } } });
        assert.equal(child.exitCode, null, `the server exited:\n${stderr.slice(-2000)}`);
      });
    });
  });
});
