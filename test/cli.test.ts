/** The policy-lint CLI as a user runs it: exit codes, formats (golden files), encodings, errors. */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULES } from '../server/src/core';
import { main } from '../server/src/cli/main';
import { REPO_ROOT } from './helpers/paths';

const CLI = path.join(REPO_ROOT, 'bin', 'policy-lint.js');
const FIXTURES = 'test/fixtures/cli';
const CONFIG_FILE = path.join(REPO_ROOT, FIXTURES, '.policylintrc.yaml');
const CONFIG = ['--config', `${FIXTURES}/.policylintrc.yaml`];

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the installed launcher; every stderr, whatever the outcome, must be free of stack traces. */
function run(args: string[], cwd = REPO_ROOT, env: NodeJS.ProcessEnv = {}): Run {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', LANG: 'C', LC_ALL: '', LC_MESSAGES: '', ...env },
  });
  assert.doesNotMatch(result.stderr, /\n\s+at |^\s+at |Error: /m, `stack trace or raw error for ${args.join(' ')}:\n${result.stderr}`);
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function golden(name: string): string {
  return fs.readFileSync(path.join(REPO_ROOT, FIXTURES, name), 'utf8');
}

function tmpDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lint-cli-'));
}

/** A user error is exactly one line on stderr, prefixed, and nothing on stdout. */
function assertUserError(r: Run, includes: string): void {
  assert.equal(r.code, 2, r.stderr);
  assert.equal(r.stdout, '');
  const lines = r.stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, r.stderr);
  assert.match(lines[0], /^policy-lint: /);
  assert.ok(lines[0].includes(includes), `expected '${includes}' in: ${lines[0]}`);
}

function filesOf(stdout: string): string[] {
  return [...new Set((JSON.parse(stdout) as Array<{ file: string }>).map((d) => d.file))];
}

// ---- SARIF 2.1.0 structure -------------------------------------------------------------------------
// The objects this CLI emits, with their required and allowed properties as the SARIF 2.1.0 schema
// gives them (every object there has additionalProperties: false). No copy of the schema ships in
// node_modules, so the relevant part is written out here.
type Check = string;
interface Shape {
  readonly required?: readonly string[];
  readonly anyOf?: readonly string[];
  readonly props: Readonly<Record<string, Check>>;
}
const LEVELS = 'enum:none|note|warning|error';
const SARIF: Record<string, Shape> = {
  log: { required: ['version', 'runs'], props: { $schema: 'uri', version: 'enum:2.1.0', runs: 'array:run', inlineExternalProperties: 'any', properties: 'object' } },
  run: {
    required: ['tool'],
    props: {
      tool: 'tool', invocations: 'any', conversion: 'any', language: 'string', versionControlProvenance: 'any', originalUriBaseIds: 'map:artifactLocation',
      artifacts: 'set:artifact', logicalLocations: 'any', graphs: 'any', results: 'array:result', automationDetails: 'any', runAggregates: 'any',
      baselineGuid: 'string', redactionTokens: 'any', defaultEncoding: 'string', defaultSourceLanguage: 'string', newlineSequences: 'any',
      columnKind: 'enum:utf16CodeUnits|unicodeCodePoints', externalPropertyFileReferences: 'any', threadFlowLocations: 'any', taxonomies: 'any',
      addresses: 'any', translations: 'any', policies: 'any', webRequests: 'any', webResponses: 'any', specialLocations: 'any', properties: 'object',
    },
  },
  tool: { required: ['driver'], props: { driver: 'toolComponent', extensions: 'array:toolComponent', properties: 'object' } },
  toolComponent: {
    required: ['name'],
    props: {
      guid: 'string', name: 'string', organization: 'string', product: 'string', productSuite: 'string', shortDescription: 'mms', fullDescription: 'mms',
      fullName: 'string', version: 'string', semanticVersion: 'string', dottedQuadFileVersion: 'string', releaseDateUtc: 'string', downloadUri: 'uri',
      informationUri: 'uri', globalMessageStrings: 'any', notifications: 'any', rules: 'set:reportingDescriptor', taxa: 'any', locations: 'any',
      language: 'string', contents: 'any', isComprehensive: 'boolean', localizedDataSemanticVersion: 'string',
      minimumRequiredLocalizedDataSemanticVersion: 'string', associatedComponent: 'any', translationMetadata: 'any', supportedTaxonomies: 'any', properties: 'object',
    },
  },
  reportingDescriptor: {
    required: ['id'],
    props: {
      id: 'string', deprecatedIds: 'any', guid: 'string', deprecatedGuids: 'any', name: 'string', deprecatedNames: 'any', shortDescription: 'mms',
      fullDescription: 'mms', messageStrings: 'any', defaultConfiguration: 'reportingConfiguration', helpUri: 'uri', help: 'mms', relationships: 'any', properties: 'object',
    },
  },
  reportingConfiguration: { props: { enabled: 'boolean', level: LEVELS, rank: 'number', parameters: 'object', properties: 'object' } },
  mms: { required: ['text'], props: { text: 'string', markdown: 'string', properties: 'object' } },
  message: { anyOf: ['text', 'id'], props: { text: 'string', markdown: 'string', id: 'string', arguments: 'any', properties: 'object' } },
  artifact: {
    props: {
      description: 'message', location: 'artifactLocation', parentIndex: 'index', offset: 'index', length: 'index', roles: 'any', mimeType: 'string',
      contents: 'any', encoding: 'string', sourceLanguage: 'string', hashes: 'object', lastModifiedTimeUtc: 'string', properties: 'object',
    },
  },
  artifactLocation: { props: { uri: 'uri-reference', uriBaseId: 'string', index: 'index', description: 'message', properties: 'object' } },
  result: {
    required: ['message'],
    props: {
      ruleId: 'string', ruleIndex: 'index', rule: 'any', kind: 'enum:notApplicable|pass|fail|review|open|informational', level: LEVELS, message: 'message',
      analysisTarget: 'artifactLocation', locations: 'array:location', guid: 'string', correlationGuid: 'string', occurrenceCount: 'number',
      partialFingerprints: 'object', fingerprints: 'object', stacks: 'any', codeFlows: 'any', graphs: 'any', graphTraversals: 'any',
      relatedLocations: 'set:location', suppressions: 'any', baselineState: 'string', rank: 'number', attachments: 'any', hostedViewerUri: 'uri',
      workItemUris: 'any', provenance: 'any', fixes: 'any', taxa: 'any', webRequest: 'any', webResponse: 'any', properties: 'object',
    },
  },
  location: { props: { id: 'index', physicalLocation: 'physicalLocation', logicalLocations: 'any', message: 'message', annotations: 'any', relationships: 'any', properties: 'object' } },
  physicalLocation: { anyOf: ['address', 'artifactLocation'], props: { address: 'any', artifactLocation: 'artifactLocation', region: 'region', contextRegion: 'region', properties: 'object' } },
  region: {
    props: {
      startLine: 'line', startColumn: 'line', endLine: 'line', endColumn: 'line', charOffset: 'index', charLength: 'index', byteOffset: 'index',
      byteLength: 'index', snippet: 'any', message: 'message', sourceLanguage: 'string', properties: 'object',
    },
  },
};

function checkSarif(value: unknown, check: Check, at: string): void {
  const fail = (why: string): never => assert.fail(`SARIF ${at}: ${why} (${JSON.stringify(value)?.slice(0, 200)})`);
  const [kind, arg] = check.includes(':') ? [check.slice(0, check.indexOf(':')), check.slice(check.indexOf(':') + 1)] : [check, ''];
  switch (kind) {
    case 'any': return;
    case 'string': if (typeof value !== 'string') fail('expected a string'); return;
    case 'boolean': if (typeof value !== 'boolean') fail('expected a boolean'); return;
    case 'number': if (typeof value !== 'number') fail('expected a number'); return;
    case 'object': if (!value || typeof value !== 'object' || Array.isArray(value)) fail('expected an object'); return;
    case 'index': if (!Number.isInteger(value) || (value as number) < -1) fail('expected an integer ≥ -1'); return;
    case 'line': if (!Number.isInteger(value) || (value as number) < 1) fail('expected an integer ≥ 1'); return;
    case 'enum': if (!arg.split('|').includes(value as string)) fail(`expected one of ${arg}`); return;
    case 'uri': if (typeof value !== 'string' || !/^[a-z][a-z0-9+.-]*:[\x21-\x7e]+$/i.test(value)) fail('expected an absolute URI'); return;
    // A URI reference: ASCII only, no spaces (RFC 3986); non-ASCII must be percent-encoded.
    case 'uri-reference': if (typeof value !== 'string' || !/^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]*$/.test(value)) fail('expected a URI reference'); return;
    case 'array':
    case 'set': {
      if (!Array.isArray(value)) fail('expected an array');
      const items = value as unknown[];
      if (kind === 'set') assert.equal(new Set(items.map((v) => JSON.stringify(v))).size, items.length, `SARIF ${at}: items must be unique`);
      items.forEach((item, i) => checkSarif(item, arg, `${at}[${i}]`));
      return;
    }
    case 'map':
      checkSarif(value, 'object', at);
      for (const [key, item] of Object.entries(value as object)) checkSarif(item, arg, `${at}.${key}`);
      return;
  }
  const shape = SARIF[kind] ?? assert.fail(`no SARIF shape '${kind}'`);
  checkSarif(value, 'object', at);
  const object = value as Record<string, unknown>;
  for (const key of shape.required ?? []) if (!(key in object)) fail(`missing required '${key}'`);
  if (shape.anyOf && !shape.anyOf.some((key) => key in object)) fail(`needs one of ${shape.anyOf.join(', ')}`);
  for (const [key, item] of Object.entries(object)) {
    const inner = shape.props[key] ?? fail(`'${key}' is not a property of ${kind}`);
    checkSarif(item, inner, `${at}.${key}`);
  }
  if (kind === 'region' && object.startLine !== undefined && object.endLine !== undefined) {
    assert.ok((object.endLine as number) >= (object.startLine as number), `SARIF ${at}: endLine before startLine`);
    if (object.endLine === object.startLine) assert.ok((object.endColumn as number) >= (object.startColumn as number), `SARIF ${at}: endColumn before startColumn`);
  }
}

interface SarifLog {
  runs: Array<{
    tool: { driver: { name: string; informationUri: string; rules: Array<{ id: string; shortDescription: { text: string }; fullDescription: { text: string }; defaultConfiguration: { level: string } }> } };
    originalUriBaseIds: Record<string, { uri: string }>;
    artifacts: Array<{ location: { uri: string; uriBaseId?: string } }>;
    results: Array<{ ruleId: string; ruleIndex: number; locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string; index: number } } }> }>;
  }>;
}

/** Structure plus the cross-references a viewer relies on (ruleIndex, artifact index). */
function validSarif(stdout: string): SarifLog {
  const log = JSON.parse(stdout) as SarifLog;
  checkSarif(log, 'log', '$');
  const [run] = log.runs;
  for (const result of run.results) {
    assert.equal(run.tool.driver.rules[result.ruleIndex].id, result.ruleId);
    const location = result.locations[0].physicalLocation.artifactLocation;
    assert.deepEqual(run.artifacts[location.index].location, { uri: location.uri, ...(location.uriBaseId ? { uriBaseId: location.uriBaseId } : {}) });
  }
  return log;
}

// ---- tests -----------------------------------------------------------------------------------------

describe('policy-lint CLI', function () {
  this.timeout(60000);

  describe('formats', () => {
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

    it('sarif output is valid SARIF 2.1.0 with every rule and the golden results', () => {
      const r = run([...CONFIG, '--format', 'sarif', `${FIXTURES}/draft.policy.yaml`]);
      assert.equal(r.code, 1);
      const log = validSarif(r.stdout);
      const raw = JSON.parse(r.stdout);
      assert.equal(raw.version, '2.1.0');
      assert.match(raw.$schema, /sarif-2\.1\.0/);
      assert.equal(log.runs.length, 1);
      const { driver } = log.runs[0].tool;
      assert.equal(driver.name, 'policy-lint');
      assert.ok(driver.informationUri);
      assert.deepEqual(driver.rules.map((rule) => rule.id), RULES.map((rule) => rule.id));
      for (const rule of driver.rules) {
        assert.equal(rule.shortDescription.text, RULES.find((x) => x.id === rule.id)?.description.en);
        assert.ok(rule.fullDescription.text.length >= rule.shortDescription.text.length);
      }
      assert.deepEqual(driver.rules.map((rule) => rule.defaultConfiguration.level), RULES.map((rule) => ({ error: 'error', warning: 'warning', information: 'note', hint: 'note' })[rule.defaultSeverity]));
      assert.deepEqual(raw.runs[0].results, JSON.parse(golden('draft.golden.sarif-results.json')));
      assert.deepEqual(log.runs[0].artifacts, [{ location: { uri: `${FIXTURES}/draft.policy.yaml`, uriBaseId: '%SRCROOT%' } }]);
      // Relative artifact URIs resolve against the folder the CLI ran in.
      assert.equal(log.runs[0].originalUriBaseIds['%SRCROOT%'].uri, `${pathToFileURL(REPO_ROOT).href}/`);
    });

    it('sarif levels: information and hint become note; related information becomes relatedLocations', () => {
      const dir = tmpDir();
      fs.writeFileSync(path.join(dir, 'levels.policy.yaml'), fs.readFileSync(path.join(REPO_ROOT, FIXTURES, 'crlf-bom.policy.yaml')));
      const base = fs.readFileSync(CONFIG_FILE, 'utf8');
      fs.writeFileSync(path.join(dir, 'info.yaml'), `${base}  duplicate-id: information\n`);
      fs.writeFileSync(path.join(dir, 'hint.yaml'), `${base}  duplicate-id: hint\n`);
      for (const config of ['info.yaml', 'hint.yaml']) {
        const r = run(['--config', config, '--format', 'sarif', 'levels.policy.yaml'], dir);
        assert.equal(r.code, 0, r.stderr);
        validSarif(r.stdout);
        assert.deepEqual(JSON.parse(r.stdout).runs[0].results.map((x: { ruleId: string; level: string }) => [x.ruleId, x.level]), [['duplicate-id', 'note']], config);
      }
      // duplicate-id points back at the first clause with that id.
      const r = run([...CONFIG, '--format', 'sarif', `${FIXTURES}/crlf-bom.policy.yaml`]);
      const [result] = JSON.parse(r.stdout).runs[0].results;
      assert.deepEqual(result.relatedLocations, [{
        id: 0,
        message: { text: "First clause with id '1'" },
        physicalLocation: { artifactLocation: { uri: `${FIXTURES}/crlf-bom.policy.yaml`, uriBaseId: '%SRCROOT%', index: 0 }, region: { startLine: 4, startColumn: 9, endLine: 4, endColumn: 12 } },
      }]);
    });

    it('sarif URIs: percent-encoded under the cwd, file: URIs outside it', () => {
      const dir = tmpDir();
      fs.mkdirSync(path.join(dir, '草案 2026'));
      fs.copyFileSync(path.join(REPO_ROOT, FIXTURES, 'crlf-bom.policy.yaml'), path.join(dir, '草案 2026', '苏州 措施.policy.yaml'));
      const inside = validSarif(run(['--config', CONFIG_FILE, '--format', 'sarif', '.'], dir).stdout);
      assert.deepEqual(inside.runs[0].artifacts, [{ location: { uri: '%E8%8D%89%E6%A1%88%202026/%E8%8B%8F%E5%B7%9E%20%E6%8E%AA%E6%96%BD.policy.yaml', uriBaseId: '%SRCROOT%' } }]);
      const outsideFile = path.join(dir, '草案 2026', '苏州 措施.policy.yaml');
      const outside = validSarif(run([...CONFIG, '--format', 'sarif', outsideFile]).stdout);
      assert.deepEqual(outside.runs[0].artifacts, [{ location: { uri: pathToFileURL(outsideFile).href } }]);
    });

    it('several files: sorted by path whatever the argument order; one summary (golden)', () => {
      const names = ['utf16be', 'gb18030', 'crlf-bom', 'utf16'];
      const r = run([...CONFIG, ...names.map((n) => `${FIXTURES}/${n}.policy.yaml`)]);
      assert.equal(r.code, 1);
      assert.equal(r.stdout, golden('encodings.golden.txt'));
    });

    it('exits 0 on a clean file and prints nothing', () => {
      for (const format of ['stylish', 'json', 'sarif']) {
        const r = run([...CONFIG, '--format', format, `${FIXTURES}/clean.policy.yaml`]);
        assert.deepEqual([r.code, r.stderr], [0, ''], format);
        if (format === 'stylish') assert.equal(r.stdout, '');
        if (format === 'json') assert.equal(r.stdout, '[]\n');
        if (format === 'sarif') assert.deepEqual(validSarif(r.stdout).runs[0].results, []);
      }
    });

    it('stylish colours only on a TTY without NO_COLOR', async () => {
      const capture = async (isTty: boolean, env: NodeJS.ProcessEnv): Promise<string> => {
        let out = '';
        const code = await main([...CONFIG, `${FIXTURES}/draft.policy.yaml`], { cwd: REPO_ROOT, stdout: (t) => { out += t; }, stderr: () => undefined, isTty, env });
        assert.equal(code, 1);
        return out;
      };
      const coloured = await capture(true, {});
      assert.match(coloured, /\u001b\[31m/);
      assert.equal(coloured.replace(/\u001b\[[0-9;]*m/g, ''), golden('draft.golden.txt'));
      assert.doesNotMatch(await capture(true, { NO_COLOR: '1' }), /\u001b\[/);
      assert.doesNotMatch(await capture(false, {}), /\u001b\[/);
    });
  });

  describe('exit status and options', () => {
    it('--max-warnings: warnings over the limit exit 1', () => {
      const dir = tmpDir();
      const file = path.join(dir, 'warn.policy.yaml');
      fs.writeFileSync(file, [
        'policy: 苏州市促进新一代人工智能产业发展的若干措施', 'city: 苏州', 'clauses:', '  - id: "3"', '    title: 支持承接重大项目',
        '    text: 鼓励企业、科研院所主动参与承接国家、省新一代人工智能产业创新重大项目。', '',
      ].join('\n'));
      const json = run([...CONFIG, '--format', 'json', file]);
      assert.deepEqual((JSON.parse(json.stdout) as Array<{ severity: string; code: string }>).map((d) => [d.severity, d.code]), [['warning', 'missing-department']]);
      assert.equal(json.code, 0);
      assert.equal(run([...CONFIG, '--max-warnings', '0', file]).code, 1);
      assert.equal(run([...CONFIG, '--max-warnings=0', file]).code, 1);
      assert.equal(run([...CONFIG, '--max-warnings', '1', file]).code, 0);
    });

    it('--quiet reports errors only', () => {
      const r = run([...CONFIG, '--quiet', '--format', 'json', `${FIXTURES}/draft.policy.yaml`]);
      assert.equal(r.code, 1);
      assert.deepEqual((JSON.parse(r.stdout) as Array<{ severity: string; code: string }>).map((d) => [d.severity, d.code]), [['error', 'missing-department'], ['error', 'duplicate-id']]);
    });

    it('broken YAML is a yaml-syntax error at the parser position, not line 1', () => {
      const r = run([...CONFIG, '--format', 'json', `${FIXTURES}/broken.policy.yaml`]);
      assert.equal(r.code, 1);
      assert.deepEqual(JSON.parse(r.stdout).map((d: { code: string; line: number }) => [d.code, d.line]), [['yaml-syntax', 7]]);
    });

    it('--locale, else LC_ALL / LANG, picks the message language', () => {
      const file = `${FIXTURES}/crlf-bom.policy.yaml`;
      const message = (args: string[], env: NodeJS.ProcessEnv = {}): string => (JSON.parse(run([...CONFIG, '--format', 'json', ...args, file], REPO_ROOT, env).stdout) as Array<{ message: string }>)[0].message;
      const en = message([]);
      const zh = message(['--locale', 'zh-CN']);
      assert.match(en, /Duplicate clause id/);
      assert.match(zh, /[\u4e00-\u9fff]/);
      assert.notEqual(zh, en);
      assert.equal(message([], { LANG: 'zh_CN.UTF-8' }), zh);
      assert.equal(message([], { LC_ALL: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' }), zh);
      assert.equal(message([], { LC_ALL: 'en_US.UTF-8', LANG: 'zh_CN.UTF-8' }), en);
      assert.equal(message(['--locale', 'en'], { LANG: 'zh_CN.UTF-8' }), en);
      assertUserError(run(['--locale', 'fr', file]), "--locale must be en or zh-CN, got 'fr'");
    });

    it('--help and --version exit 0', () => {
      const help = run(['--help']);
      assert.equal(help.code, 0);
      assert.match(help.stdout, /^Usage:/);
      for (const option of ['--format', '--config', '--max-warnings', '--corpus', '--locale', '--quiet']) assert.ok(help.stdout.includes(option), option);
      const version = run(['--version']);
      assert.equal(version.code, 0);
      assert.equal(version.stdout, `${(JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version}\n`);
    });

    it('-- ends the options', () => {
      const dir = tmpDir();
      fs.copyFileSync(path.join(REPO_ROOT, FIXTURES, 'clean.policy.yaml'), path.join(dir, '-draft.policy.yaml'));
      assertUserError(run(['--config', CONFIG_FILE, '-draft.policy.yaml'], dir), "unknown option '-draft.policy.yaml'");
      assert.equal(run(['--config', CONFIG_FILE, '--', '-draft.policy.yaml'], dir).code, 0);
    });
  });

  describe('inputs', () => {
    it('reads BOM + CRLF, UTF-16 LE/BE and GB18030 files alike', () => {
      for (const name of ['crlf-bom', 'utf16', 'utf16be', 'gb18030']) {
        const r = run([...CONFIG, '--format', 'json', `${FIXTURES}/${name}.policy.yaml`]);
        assert.equal(r.code, 1, name);
        // The BOM does not shift line 1 columns; CRLF does not shift line numbers.
        assert.deepEqual(JSON.parse(r.stdout).map((d: { code: string; line: number; column: number; endLine: number; endColumn: number }) => [d.code, d.line, d.column, d.endLine, d.endColumn]), [['duplicate-id', 6, 9, 6, 12]], name);
        if (name === 'gb18030') assert.equal(r.stderr, `policy-lint: warning: ${FIXTURES}/gb18030.policy.yaml: not UTF-8, read as GB18030\n`);
        else assert.equal(r.stderr, '');
      }
    });

    it('folders recurse for *.policy.yaml / *.policy.yml and skip node_modules', () => {
      const dir = tmpDir();
      const source = fs.readFileSync(path.join(REPO_ROOT, FIXTURES, 'crlf-bom.policy.yaml'));
      for (const file of ['b.policy.yaml', 'a/c.policy.yml', 'a/deep/d.policy.yaml', 'a/notes.yaml', 'node_modules/pkg/e.policy.yaml', 'a/node_modules/f.policy.yaml']) {
        fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        fs.writeFileSync(path.join(dir, file), source);
      }
      const r = run(['--config', CONFIG_FILE, '--format', 'json', '.'], dir);
      assert.equal(r.code, 1);
      assert.deepEqual(filesOf(r.stdout), ['a/c.policy.yml', 'a/deep/d.policy.yaml', 'b.policy.yaml']);
      assert.deepEqual(filesOf(run(['--config', CONFIG_FILE, '--format', 'json', 'a'], dir).stdout), ['a/c.policy.yml', 'a/deep/d.policy.yaml']);
      // A file named explicitly is linted whatever its name.
      assert.deepEqual(filesOf(run(['--config', CONFIG_FILE, '--format', 'json', 'a/notes.yaml'], dir).stdout), ['a/notes.yaml']);
    });

    it('globs: *, **, ?, {a,b}; the same file twice is linted once', () => {
      const dir = tmpDir();
      const source = fs.readFileSync(path.join(REPO_ROOT, FIXTURES, 'crlf-bom.policy.yaml'));
      for (const file of ['x1.policy.yaml', 'x2.policy.yml', 'x10.policy.yaml', 'sub/y.policy.yaml', 'sub/deeper/z.policy.yaml', 'node_modules/n.policy.yaml']) {
        fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        fs.writeFileSync(path.join(dir, file), source);
      }
      const files = (...patterns: string[]): string[] => filesOf(run(['--config', CONFIG_FILE, '--format', 'json', ...patterns], dir).stdout);
      assert.deepEqual(files('*.policy.yaml'), ['x1.policy.yaml', 'x10.policy.yaml']);
      assert.deepEqual(files('x?.policy.*'), ['x1.policy.yaml', 'x2.policy.yml']);
      assert.deepEqual(files('**/*.policy.{yaml,yml}'), ['sub/deeper/z.policy.yaml', 'sub/y.policy.yaml', 'x1.policy.yaml', 'x10.policy.yaml', 'x2.policy.yml']);
      assert.deepEqual(files('sub/**/*.yaml'), ['sub/deeper/z.policy.yaml', 'sub/y.policy.yaml']);
      assert.deepEqual(files('{sub/y,x{1,2}}.policy.y*'), ['sub/y.policy.yaml', 'x1.policy.yaml', 'x2.policy.yml']);
      assert.deepEqual(files('x1.policy.yaml', '*1.policy.yaml'), ['x1.policy.yaml']);
      // An absolute pattern; output paths stay relative to the cwd.
      assert.deepEqual(files(`${dir.split(path.sep).join('/')}/sub/*.policy.yaml`), ['sub/y.policy.yaml']);
      assertUserError(run(['--config', CONFIG_FILE, 'nothing/**/*.policy.yaml'], dir), "no policy files match 'nothing/**/*.policy.yaml'");
    });

    it('a glob from the repository root (relative paths, forward slashes)', () => {
      const r = run([...CONFIG, '--format', 'json', `${FIXTURES}/{crlf-bom,utf16*}.policy.yaml`]);
      assert.deepEqual(filesOf(r.stdout), ['crlf-bom', 'utf16', 'utf16be'].map((n) => `${FIXTURES}/${n}.policy.yaml`));
    });
  });

  describe('user errors: exit 2, one line on stderr, no stack trace', () => {
    it('bad usage and unreadable inputs', () => {
      const cases: Array<[string[], string]> = [
        [['missing.policy.yaml'], "cannot read 'missing.policy.yaml'"],
        [[...CONFIG, `${FIXTURES}/clean.policy.yaml`, 'missing.policy.yaml'], "cannot read 'missing.policy.yaml'"],
        [['--bogus', 'x.policy.yaml'], "unknown option '--bogus'"],
        [['--format'], 'option --format needs a value'],
        [['--format', 'xml', `${FIXTURES}/clean.policy.yaml`], "unknown format 'xml'"],
        [['--max-warnings', 'many', `${FIXTURES}/clean.policy.yaml`], '--max-warnings expects a whole number'],
        [[...CONFIG, `${FIXTURES}/binary.policy.yaml`], 'binary file'],
        [[...CONFIG, `${FIXTURES}/clean.policy.yaml`, `${FIXTURES}/binary.policy.yaml`], `${FIXTURES}/binary.policy.yaml: binary file`],
        [['--config', 'nowhere.yaml', `${FIXTURES}/clean.policy.yaml`], "cannot read config file 'nowhere.yaml'"],
        [['--corpus', 'no/such/folder', `${FIXTURES}/clean.policy.yaml`], "corpus folder 'no/such/folder' does not exist"],
        [['--corpus', `${FIXTURES}/clean.policy.yaml`, `${FIXTURES}/clean.policy.yaml`], 'does not exist'],
        [['test/fixtures/nothing-here/*.policy.yaml'], 'no policy files match'],
        [[], 'no files given'],
        [['compare', `${FIXTURES}/clean.policy.yaml`], 'needs --city'],
      ];
      for (const [args, message] of cases) assertUserError(run(args), message);
    });

    it('an unreadable file among readable ones prints no partial output', () => {
      const dir = tmpDir();
      fs.copyFileSync(path.join(REPO_ROOT, FIXTURES, 'draft.policy.yaml'), path.join(dir, 'a.policy.yaml'));
      fs.copyFileSync(path.join(REPO_ROOT, FIXTURES, 'gb18030.policy.yaml'), path.join(dir, 'c.policy.yaml'));
      assertUserError(run(['--config', CONFIG_FILE, 'a.policy.yaml', 'c.policy.yaml', 'missing.policy.yaml'], dir), "cannot read 'missing.policy.yaml'");
    });

    it('an invalid config file exits 2 naming the file', () => {
      const dir = tmpDir();
      fs.writeFileSync(path.join(dir, '.policylintrc.yaml'), 'rules:\n  duplicate-id: loud\n');
      fs.copyFileSync(path.join(REPO_ROOT, FIXTURES, 'clean.policy.yaml'), path.join(dir, 'clean.policy.yaml'));
      assertUserError(run(['clean.policy.yaml'], dir), ".policylintrc.yaml: rules.duplicate-id: unknown severity 'loud'");
      fs.writeFileSync(path.join(dir, 'broken.yml'), 'rules: [duplicate-id\n');
      assertUserError(run(['--config', 'broken.yml', 'clean.policy.yaml'], dir), 'broken.yml: invalid YAML');
      fs.writeFileSync(path.join(dir, 'keys.yml'), 'rulez: {}\n');
      assertUserError(run(['--config', 'keys.yml', 'clean.policy.yaml'], dir), "keys.yml: unknown key 'rulez'");
    });
  });

  describe('configuration', () => {
    it('a .policylintrc.yaml found from the current folder upwards turns a rule off', () => {
      const dir = tmpDir();
      fs.writeFileSync(path.join(dir, '.policylintrc.yml'), 'rules:\n  duplicate-id: off\n');
      fs.mkdirSync(path.join(dir, 'drafts'));
      fs.copyFileSync(path.join(REPO_ROOT, FIXTURES, 'crlf-bom.policy.yaml'), path.join(dir, 'drafts', 'a.policy.yaml'));
      const r = run(['--format', 'json', '.'], path.join(dir, 'drafts'));
      assert.deepEqual([r.code, JSON.parse(r.stdout).filter((d: { code: string }) => d.code === 'duplicate-id').length], [0, 0]);
      // --config wins over discovery.
      const explicit = run(['--config', CONFIG_FILE, '--format', 'json', '.'], path.join(dir, 'drafts'));
      assert.equal(explicit.code, 1);
    });

    it('corpus folders in a config file are relative to that file', () => {
      const dir = tmpDir();
      fs.mkdirSync(path.join(dir, 'settings', 'precedents'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'settings', 'lint.yaml'), 'corpus: [precedents]\nrules:\n  similar-clause: off\n');
      fs.copyFileSync(path.join(REPO_ROOT, FIXTURES, 'clean.policy.yaml'), path.join(dir, 'clean.policy.yaml'));
      assert.equal(run(['--config', 'settings/lint.yaml', 'clean.policy.yaml'], dir).code, 0);
      fs.writeFileSync(path.join(dir, 'settings', 'lint.yaml'), 'corpus: [elsewhere]\n');
      assertUserError(run(['--config', 'settings/lint.yaml', 'clean.policy.yaml'], dir), "settings/lint.yaml: corpus folder 'elsewhere' does not exist");
    });

    it('--corpus accepts existing folders, repeatedly', () => {
      const r = run([...CONFIG, '--corpus', 'test/fixtures/corpus', '--corpus', FIXTURES, `${FIXTURES}/clean.policy.yaml`]);
      assert.deepEqual([r.code, r.stderr], [0, '']);
    });
  });

  describe('subcommands', () => {
    it('precedents --format json has the SPEC §3 shape', () => {
      const r = run(['precedents', `${FIXTURES}/clean.policy.yaml`, '--top', '2', '--format', 'json']);
      assert.equal(r.code, 0, r.stderr);
      const rows = JSON.parse(r.stdout) as Array<{ clause: string; precedents: Array<Record<string, unknown>> }>;
      assert.deepEqual(rows.map((row) => row.clause), ['1']);
      assert.ok(rows[0].precedents.length <= 2);
      for (const p of rows[0].precedents) assert.deepEqual(Object.keys(p), ['id', 'city', 'document', 'clause', 'score', 'caps', 'text', 'excerpt']);
      assertUserError(run(['precedents', `${FIXTURES}/clean.policy.yaml`, '--clause', '99']), "no clause with id '99'");
    });

    it('compare --format json has the SPEC §3 shape; an unknown city lists the known ones', () => {
      const r = run(['compare', `${FIXTURES}/clean.policy.yaml`, '--city', '深圳', '--format', 'json']);
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(Object.keys(JSON.parse(r.stdout)), ['city', 'pairs', 'onlyOurs', 'onlyTheirs']);
      // The GB18030 note is held back: the failure is still exactly one line.
      assertUserError(run(['compare', `${FIXTURES}/gb18030.policy.yaml`, '--city', '火星']), "unknown city '火星'; the corpus knows: ");
      assertUserError(run(['compare', `${FIXTURES}/clean.policy.yaml`, `${FIXTURES}/draft.policy.yaml`, '--city', '深圳']), "'compare' takes exactly one file");
    });

    it('import turns a published text into the dialect and never overwrites without --force', () => {
      const dir = tmpDir();
      const source = path.join(dir, 'measures.txt');
      fs.writeFileSync(source, [
        '苏州市促进新一代人工智能产业发展的若干措施', '', '苏委办发〔2021〕16号', '',
        '一、促进产业集聚发展', '',
        '1.支持企业做大做强。开展具有行业引领性的人工智能“头雁”企业遴选,对首次入选的“头雁”企业给予最高100万元奖励。(责任部门:市工信局,各县级市〈区〉人民政府〈管委会〉)', '',
      ].join('\n'));
      const out = path.join(dir, 'measures.policy.yaml');
      const first = run(['import', source, '-o', out]);
      assert.equal(first.code, 0, first.stderr);
      assert.equal(first.stdout, '');
      const yaml = fs.readFileSync(out, 'utf8');
      assert.match(yaml, /^policy: 苏州市促进新一代人工智能产业发展的若干措施$/m);
      assert.match(yaml, /^docNumber: 苏委办发〔2021〕16号$/m);
      assert.match(yaml, /对首次入选的“头雁”企业给予最高100万元奖励。/);
      assert.match(yaml, /lead: \[市工信局\]/);
      assert.match(yaml, /max: 100万元/);
      const lint = run(['--format', 'json', ...CONFIG, out]);
      assert.deepEqual(JSON.parse(lint.stdout), []);
      // Without -o the YAML goes to stdout, byte for byte the same.
      assert.equal(run(['import', source]).stdout, yaml);
      fs.writeFileSync(out, 'the drafter\'s own edits\n');
      assertUserError(run(['import', source, '-o', out]), 'exists; use --force to overwrite it');
      assert.equal(fs.readFileSync(out, 'utf8'), 'the drafter\'s own edits\n');
      assert.equal(run(['import', source, '-o', out, '--force']).code, 0);
      assert.equal(fs.readFileSync(out, 'utf8'), yaml);
      assertUserError(run(['import', path.join(dir, 'nope.txt')]), 'cannot read');
      assertUserError(run(['import', dir]), 'cannot read');
      assertUserError(run(['import']), "'import' takes exactly one text file");
    });
  });
});
