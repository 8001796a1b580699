/**
 * Hostile files and settings a second probe found (they used to hang, eat memory, or be taken as
 * good): FIFOs and devices as inputs, config files or corpus folders; a config whose department lists
 * or thresholds have the wrong type; a reopened document under the same version; terminal escapes in
 * draft text. Each ends in one line and exit 2, or in a normal lint.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createPolicyLanguageService } from '../server/src/core';
import { DocumentCache } from '../server/src/documentCache';
import { globToRegExp } from '../server/src/cli/files';
import { importPolicyText } from '../server/src/core/import';
import { checkCorpusDirs, readCorpus } from '../server/src/host/corpusFiles';
import { readBoundedSync } from '../server/src/host/readBounded';
import { REPO_ROOT } from './helpers/paths';

const CLI = path.join(REPO_ROOT, 'bin', 'policy-lint.js');
const SAMPLE = path.join(REPO_ROOT, 'samples', 'suzhou-2026-ai-measures-draft.policy.yaml');

function run(args: string[], cwd = REPO_ROOT): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 30000, env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function oneLine(stderr: string, pattern: RegExp): void {
  assert.equal(stderr.split('\n').filter((l) => l !== '').length, 1, stderr);
  assert.match(stderr, pattern);
}

const tmp = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'policy-hostile-files-'));
const canFifo = process.platform !== 'win32' && spawnSync('mkfifo', ['--version']).status === 0;

describe('hostile files: not regular files, never read to the end', () => {
  it('a device as input, config or import source: exit 2, "not a regular file"', function () {
    if (!fs.existsSync('/dev/zero')) this.skip();
    for (const args of [['/dev/zero'], ['import', '/dev/zero'], ['--config', '/dev/zero', SAMPLE], ['precedents', '/dev/urandom']]) {
      const result = run(args);
      assert.equal(result.code, 2, args.join(' '));
      oneLine(result.stderr, /^policy-lint: cannot read (config file )?'\/dev\/(zero|urandom)': not a regular file$/m);
    }
  });

  it('a FIFO as input or as the discovered config file: exit 2 at once, no wait for a writer', function () {
    if (!canFifo) this.skip();
    const dir = tmp();
    spawnSync('mkfifo', [path.join(dir, 'pipe.policy.yaml')]);
    spawnSync('mkfifo', [path.join(dir, '.policylintrc.yaml')]);
    const input = run([path.join(dir, 'pipe.policy.yaml')]);
    assert.equal(input.code, 2);
    assert.match(input.stderr, /not a regular file/);
    fs.copyFileSync(SAMPLE, path.join(dir, 'draft.policy.yaml'));
    const config = run(['draft.policy.yaml'], dir);
    assert.equal(config.code, 2);
    oneLine(config.stderr, /cannot read config file '\.policylintrc\.yaml': not a regular file/);
  });

  it('reads a regular file whole, and refuses one over the limit from its size', () => {
    const dir = tmp();
    const file = path.join(dir, 'big.policy.yaml');
    fs.writeFileSync(file, 'policy: 苏州市促进人工智能产业发展若干措施\n');
    assert.equal(readBoundedSync(file).toString('utf8'), 'policy: 苏州市促进人工智能产业发展若干措施\n');
    fs.truncateSync(file, 1024 * 1024 * 64); // sparse: 64 MiB claimed, nothing read
    assert.throws(() => readBoundedSync(file), /file is larger than 16 MiB/);
    assert.throws(() => readBoundedSync(file, 10), /larger than/);
  });

  it('a corpus folder that cannot be read: the CLI says so; a corpus read skips it and keeps the others', () => {
    const dir = tmp();
    const notAFolder = path.join(dir, 'corpus-file');
    fs.writeFileSync(notAFolder, 'x');
    assert.throws(() => checkCorpusDirs([notAFolder], dir), /corpus folder .* does not exist/);
    const good = path.join(dir, 'good');
    fs.mkdirSync(good);
    fs.copyFileSync(SAMPLE, path.join(good, 'draft.policy.yaml'));
    const sources = readCorpus([path.join(dir, 'missing'), good]);
    assert.deepEqual(sources.map((s) => s.id), ['draft']);
  });
});

describe('hostile config values', () => {
  const lintWith = (config: string): { code: number | null; stdout: string; stderr: string } => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'config.yaml'), config);
    return run(['--config', path.join(dir, 'config.yaml'), '--format', 'json', SAMPLE]);
  };

  it('departments that are not lists of names, and unknown severities inside a mapping: exit 2, one line', () => {
    for (const [config, message] of [
      ['departments:\n  苏州: 5\n', /departments\.苏州: expected a list of department names/],
      ['departments:\n  苏州: [1, {a: b}]\n', /departments\.苏州: expected a list of department names/],
      ['rules:\n  missing-department: {severity: bogus}\n', /rules\.missing-department\.severity: unknown severity 'bogus'/],
    ] as const) {
      const result = lintWith(config);
      assert.equal(result.code, 2, config);
      oneLine(result.stderr, message);
    }
    assert.equal(lintWith('departments:\n  苏州: 市人工智能产业促进中心\n').code, 1, 'one name is a list of one');
  });

  it('a NaN or negative threshold is the default, not "flag every clause"', () => {
    const codes = (config: string): string[] => (JSON.parse(lintWith(config).stdout) as Array<{ code: string; line: number }>).map((d) => `${d.line} ${d.code}`);
    const defaults = codes('rules: {}\n');
    assert.deepEqual(codes('rules:\n  overlaps-in-force: {threshold: .nan}\n  cap-outlier: {top: -1, minScore: .nan, factor: .inf}\n'), defaults);
    assert.deepEqual(codes('rules:\n  overlaps-in-force: {threshold: -1}\n'), defaults);
  });
});

describe('hostile text on the terminal and reopened documents', () => {
  it('stylish output shows control characters of draft text as escapes', () => {
    const dir = tmp();
    const file = path.join(dir, 'ansi.policy.yaml');
    fs.writeFileSync(file, 'policy: 测试\ncity: 苏州\nclauses:\n  - id: "1"\n    text: "支持企业发展。（责任单位：市\\e[2J工信局）"\n');
    const result = run([file]);
    assert.equal(result.code, 0, 'an unknown department is information');
    assert.doesNotMatch(result.stdout, /\u001b/);
    assert.match(result.stdout, /市\\u001b\[2J工信局/);
  });

  it('a document reopened under the same version number is parsed again (its text decides)', () => {
    const cache = new DocumentCache(createPolicyLanguageService());
    const uri = 'file:///drafts/reopened.policy.yaml';
    const long = fs.readFileSync(SAMPLE, 'utf8');
    const short = 'policy: 测试\ncity: 苏州\nclauses:\n  - id: "1"\n    text: 支持企业发展。\n';
    assert.equal(cache.get(uri, 1, () => long).document.yaml.text, long);
    assert.equal(cache.get(uri, 1, () => short).document.yaml.text, short);
    assert.equal(cache.diagnostics(uri, 1, () => short, {}).every((d) => d.range.end.line <= 4), true);
  });
});

describe('hostile globs', () => {
  it('repeated ** collapse (same matches, no backtracking), and too many wildcards is a usage error', () => {
    const deep = `${'d/'.repeat(40)}x.policy.yaml`;
    assert.equal(globToRegExp('**/**/**/**/**/**/**/**/x.policy.yaml').source, globToRegExp('**/x.policy.yaml').source);
    assert.equal(globToRegExp('**/**/x.policy.yaml').test(deep), true);
    assert.equal(globToRegExp('**/**/x.policy.yaml').test(deep.replace('x.', 'y.')), false);
    assert.throws(() => globToRegExp('*a*a*a*a*a*a*a*a*a*ab'), /has more than 8 wildcards/);
  });
});

describe('hostile import sizes', () => {
  it('a clause of 130,000 lines imports (its lines are appended in a loop, not spread as arguments)', () => {
    const lines = Array.from({ length: 130000 }, (_, i) => `第${i}行。`);
    const { yaml } = importPolicyText(['苏州市促进人工智能产业发展若干措施', '1. 对企业给予奖励。', ...lines].join('\n'));
    assert.ok(yaml.includes('第129999行。'));
  });
});

describe('CLI output written file by file', () => {
  it('the JSON stream is exactly JSON.stringify of all rows (SPEC §3), empty or not', async () => {
    const { formatJson } = await import('../server/src/cli/formatters/json.js');
    const finding = (line: number, severity: 'error' | 'warning' | 'hint', message: string) => ({
      code: 'missing-department', severity, message, messages: { en: message, zh: message }, start: 0, end: 1, related: [],
      range: { start: { line, character: 2 }, end: { line, character: 9 } },
    });
    const results = [
      { file: 'a.policy.yaml', path: '/a.policy.yaml', diagnostics: [finding(3, 'error', 'Clause "4" has no lead department'), finding(8, 'warning', '第9条')] },
      { file: 'b.policy.yaml', path: '/b.policy.yaml', diagnostics: [] },
      { file: 'c.policy.yaml', path: '/c.policy.yaml', diagnostics: [finding(0, 'hint', 'x')] },
    ];
    const rows = results.flatMap(({ file, diagnostics }) => diagnostics.map((d) => ({
      file, line: d.range.start.line + 1, column: d.range.start.character + 1, endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1,
      severity: d.severity, code: d.code, message: d.message,
    })));
    assert.equal(formatJson(results), `${JSON.stringify(rows, null, 2)}\n`);
    assert.equal(formatJson([results[1]]), '[]\n');
  });
});

describe('language server: after shutdown, and UTF-32', () => {
  it('answers requests after shutdown with InvalidRequest, and exit ends it', async () => {
    const { spawn } = await import('node:child_process');
    const { LspClient } = await import('./helpers/lspClient.js');
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin', 'policy-lint-server.js'), '--stdio']);
    const client = new LspClient(child);
    try {
      await client.request('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
      client.send({ method: 'initialized', params: {} });
      const uri = 'file:///drafts/shutdown.policy.yaml';
      client.send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'policy-yaml', version: 1, text: 'policy: 测试\ncity: 苏州\nclauses: []\n' } } });
      assert.ok((await client.request('textDocument/documentSymbol', { textDocument: { uri } })).result);
      assert.equal((await client.request('shutdown', {})).error, undefined);
      const after = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
      assert.equal(after.error?.code, -32600);
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      client.send({ method: 'exit', params: null });
      assert.equal(await exited, 0);
    } finally {
      child.kill();
    }
  });

  it('a UTF-32 file is refused in one line, not read as UTF-16', () => {
    const dir = tmp();
    const file = path.join(dir, 'utf32.policy.yaml');
    const text = 'policy: 测试\n';
    const bytes = Buffer.alloc(4 + text.length * 4);
    bytes.writeUInt32LE(0xfeff, 0);
    [...text].forEach((ch, i) => bytes.writeUInt32LE(ch.codePointAt(0)!, 4 + i * 4));
    fs.writeFileSync(file, bytes);
    const result = run([file]);
    assert.equal(result.code, 2);
    oneLine(result.stderr, /UTF-32 text; save it as UTF-8/);
  });
});
