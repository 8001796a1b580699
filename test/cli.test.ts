/** The policy-lint CLI as a user runs it: exit codes, formats (golden files), encodings, errors. */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { RULES } from '../server/src/core';
import { REPO_ROOT } from './helpers/paths';

const CLI = path.join(REPO_ROOT, 'bin', 'policy-lint.js');
const FIXTURES = 'test/fixtures/cli';
const CONFIG = ['--config', `${FIXTURES}/.policylintrc.yaml`];

function run(args: string[], cwd = REPO_ROOT): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', LANG: 'C', LC_ALL: '' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function golden(name: string): string {
  return fs.readFileSync(path.join(REPO_ROOT, FIXTURES, name), 'utf8');
}

/** A user error is exactly one line on stderr and never a stack trace. */
function assertOneLine(stderr: string, includes: string): void {
  const lines = stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, stderr);
  assert.match(lines[0], /^policy-lint: /);
  assert.ok(lines[0].includes(includes), lines[0]);
  assert.doesNotMatch(stderr, /\n\s+at /);
}

describe('policy-lint CLI', () => {
  it('stylish output matches the golden file and exits 1 on errors', () => {
    const r = run([...CONFIG, `${FIXTURES}/draft.policy.yaml`]);
    assert.equal(r.code, 1);
    assert.equal(r.stdout, golden('draft.golden.txt'));
    assert.equal(r.stderr, '');
  });

  it('json output is SPEC §3 exactly (golden)', () => {
    const r = run([...CONFIG, '--format', 'json', `${FIXTURES}/draft.policy.yaml`]);
    assert.equal(r.code, 1);
    assert.equal(r.stdout, golden('draft.golden.json'));
    const rows = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
    for (const row of rows) assert.deepEqual(Object.keys(row), ['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'code', 'message']);
  });

  it('sarif output is SARIF 2.1.0 with every rule and the golden results', () => {
    const r = run([...CONFIG, '--format', 'sarif', `${FIXTURES}/draft.policy.yaml`]);
    assert.equal(r.code, 1);
    const log = JSON.parse(r.stdout);
    assert.equal(log.version, '2.1.0');
    assert.match(log.$schema, /sarif-2\.1\.0/);
    assert.equal(log.runs.length, 1);
    const driver = log.runs[0].tool.driver;
    assert.equal(driver.name, 'policy-lint');
    assert.deepEqual(driver.rules.map((rule: { id: string }) => rule.id), RULES.map((rule) => rule.id));
    for (const rule of driver.rules) {
      assert.ok(rule.shortDescription.text.length > 0);
      assert.ok(['error', 'warning', 'note'].includes(rule.defaultConfiguration.level));
    }
    const results = log.runs[0].results;
    for (const result of results) assert.equal(driver.rules[result.ruleIndex].id, result.ruleId);
    assert.deepEqual(results, JSON.parse(golden('draft.golden.sarif-results.json')));
    assert.deepEqual(log.runs[0].artifacts, [{ location: { uri: `${FIXTURES}/draft.policy.yaml` } }]);
  });

  it('exits 0 on a clean file and prints nothing', () => {
    const r = run([...CONFIG, `${FIXTURES}/clean.policy.yaml`]);
    assert.deepEqual([r.code, r.stdout, r.stderr], [0, '', '']);
  });

  it('--max-warnings: warnings over the limit exit 1', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lint-'));
    const file = path.join(dir, 'warn.policy.yaml');
    fs.writeFileSync(file, [
      'policy: 苏州市人工智能产业发展若干措施', 'city: 苏州', 'clauses:', '  - id: "1"',
      '    text: 鼓励企业、科研院所主动参与承接国家、省新一代人工智能产业创新重大项目。', '',
    ].join('\n'));
    assert.equal(run([...CONFIG, file]).code, 0);
    assert.equal(run([...CONFIG, '--max-warnings', '0', file]).code, 1);
    assert.equal(run([...CONFIG, '--max-warnings', '1', file]).code, 0);
  });

  it('--quiet reports errors only', () => {
    const r = run([...CONFIG, '--quiet', '--format', 'json', `${FIXTURES}/draft.policy.yaml`]);
    assert.deepEqual((JSON.parse(r.stdout) as Array<{ severity: string }>).map((d) => d.severity), ['error', 'error']);
  });

  it('broken YAML is a yaml-syntax error at the parser position, not line 1', () => {
    const r = run([...CONFIG, '--format', 'json', `${FIXTURES}/broken.policy.yaml`]);
    assert.equal(r.code, 1);
    assert.deepEqual(JSON.parse(r.stdout).map((d: { code: string; line: number }) => [d.code, d.line]), [['yaml-syntax', 7]]);
  });

  it('reads BOM + CRLF, UTF-16 and GB18030 files alike', () => {
    for (const name of ['crlf-bom', 'utf16', 'gb18030']) {
      const r = run([...CONFIG, '--format', 'json', `${FIXTURES}/${name}.policy.yaml`]);
      assert.equal(r.code, 1, name);
      assert.deepEqual(JSON.parse(r.stdout).map((d: { code: string; line: number; column: number; endColumn: number }) => [d.code, d.line, d.column, d.endColumn]), [['duplicate-id', 6, 9, 12]], name);
      if (name === 'gb18030') assert.match(r.stderr, /read as GB18030/);
      else assert.equal(r.stderr, '');
    }
  });

  it('folders and globs expand to policy files', () => {
    const folder = run([...CONFIG, '--format', 'json', FIXTURES.replace('/cli', '/rules/cap-rate-invalid')]);
    assert.deepEqual([...new Set(JSON.parse(folder.stdout).map((d: { file: string }) => d.file))], ['test/fixtures/rules/cap-rate-invalid/rates.policy.yaml']);
    const glob = run([...CONFIG, '--format', 'json', 'test/fixtures/rules/**/{rates,tiers}.policy.yaml']);
    assert.deepEqual([...new Set(JSON.parse(glob.stdout).map((d: { file: string }) => d.file))], [
      'test/fixtures/rules/cap-rate-invalid/rates.policy.yaml', 'test/fixtures/rules/cap-tier-inversion/tiers.policy.yaml']);
  });

  it('user errors exit 2 with one line and no stack trace', () => {
    const cases: Array<[string[], string]> = [
      [['missing.policy.yaml'], "cannot read 'missing.policy.yaml'"],
      [['--bogus', 'x.policy.yaml'], "unknown option '--bogus'"],
      [['--format', 'xml', `${FIXTURES}/clean.policy.yaml`], "unknown format 'xml'"],
      [['--max-warnings', 'many', `${FIXTURES}/clean.policy.yaml`], '--max-warnings expects a whole number'],
      [[`${FIXTURES}/binary.policy.yaml`], 'binary file'],
      [['--config', 'nowhere.yaml', `${FIXTURES}/clean.policy.yaml`], 'cannot read config file'],
      [['--corpus', 'no/such/folder', `${FIXTURES}/clean.policy.yaml`], "corpus folder 'no/such/folder' does not exist"],
      [['test/fixtures/nothing-here/*.policy.yaml'], 'no policy files match'],
      [[], 'no files given'],
      [['compare', `${FIXTURES}/clean.policy.yaml`], 'needs --city'],
    ];
    for (const [args, message] of cases) {
      const r = run(args);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.equal(r.stdout, '');
      assertOneLine(r.stderr, message);
    }
  });

  it('an invalid config file exits 2 naming the file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lint-'));
    fs.writeFileSync(path.join(dir, '.policylintrc.yaml'), 'rules:\n  duplicate-id: loud\n');
    fs.copyFileSync(path.join(REPO_ROOT, FIXTURES, 'clean.policy.yaml'), path.join(dir, 'clean.policy.yaml'));
    const r = run(['clean.policy.yaml'], dir);
    assert.equal(r.code, 2);
    assertOneLine(r.stderr, ".policylintrc.yaml: rules.duplicate-id: unknown severity 'loud'");
  });

  it('a discovered .policylintrc.yaml turns a rule off', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lint-'));
    fs.writeFileSync(path.join(dir, '.policylintrc.yaml'), 'rules:\n  duplicate-id: off\n');
    fs.copyFileSync(path.join(REPO_ROOT, FIXTURES, 'crlf-bom.policy.yaml'), path.join(dir, 'a.policy.yaml'));
    const r = run(['--format', 'json', '.'], dir);
    assert.deepEqual([r.code, JSON.parse(r.stdout).filter((d: { code: string }) => d.code === 'duplicate-id').length], [0, 0]);
  });

  it('import turns a published text into the dialect and never overwrites without --force', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lint-'));
    const source = path.join(dir, 'measures.txt');
    fs.writeFileSync(source, [
      '苏州市促进新一代人工智能产业发展的若干措施', '', '苏委办发〔2021〕16号', '',
      '一、促进产业集聚发展', '',
      '1.支持企业做大做强。开展具有行业引领性的人工智能“头雁”企业遴选,对首次入选的“头雁”企业给予最高100万元奖励。(责任部门:市工信局,各县级市〈区〉人民政府〈管委会〉)', '',
    ].join('\n'));
    const out = path.join(dir, 'measures.policy.yaml');
    const first = run(['import', source, '-o', out]);
    assert.equal(first.code, 0, first.stderr);
    const yaml = fs.readFileSync(out, 'utf8');
    assert.match(yaml, /^policy: 苏州市促进新一代人工智能产业发展的若干措施$/m);
    assert.match(yaml, /^docNumber: 苏委办发〔2021〕16号$/m);
    assert.match(yaml, /对首次入选的“头雁”企业给予最高100万元奖励。/);
    assert.match(yaml, /lead: \[市工信局\]/);
    assert.match(yaml, /max: 100万元/);
    const lint = run(['--format', 'json', '--config', `${FIXTURES}/.policylintrc.yaml`, out]);
    assert.deepEqual(JSON.parse(lint.stdout), []);
    const again = run(['import', source, '-o', out]);
    assert.equal(again.code, 2);
    assertOneLine(again.stderr, 'exists; use --force to overwrite it');
    assert.equal(run(['import', source, '-o', out, '--force']).code, 0);
    const missing = run(['import', path.join(dir, 'nope.txt')]);
    assert.equal(missing.code, 2);
    assertOneLine(missing.stderr, 'cannot read');
  });

  it('--help and --version exit 0', () => {
    assert.match(run(['--help']).stdout, /^Usage:/);
    assert.match(run(['--version']).stdout, /^\d+\.\d+\.\d+\n$/);
  });
});
