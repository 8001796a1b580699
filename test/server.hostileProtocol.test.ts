/**
 * Hostile protocol input: a client that sends a file and relative paths as corpus folders, workspace
 * folders that are not file: URIs, positions and edits far outside the document, wrong-typed params
 * for every custom request, a change to a document it never opened. The server answers every request
 * without an error response, keeps publishing diagnostics, and never exits.
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';
import { LspClient } from './helpers/lspClient';
import { REPO_ROOT } from './helpers/paths';

const SERVER = path.join(REPO_ROOT, 'bin', 'policy-lint-server.js');
const URI = 'file:///tmp/hostile-protocol.policy.yaml';
const DRAFT = 'policy: 苏州市促进人工智能产业发展的若干措施\ncity: 苏州\nclauses:\n  - id: "1"\n    title: 支持企业做大做强\n    text: 对首次入选的“头雁”企业给予最高100万元奖励。\n';

/* eslint-disable @typescript-eslint/no-explicit-any */
describe('language server: hostile protocol input', function () {
  this.timeout(60000);
  let child: ChildProcessWithoutNullStreams;
  let client: LspClient;
  let stderr = '';

  before(async () => {
    child = spawn(process.execPath, [SERVER, '--stdio']);
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
    client = new LspClient(child);
    const init = await client.request('initialize', {
      processId: process.pid,
      rootUri: 'file:///nonexistent/workspace',
      workspaceFolders: [{ uri: 'http://example.invalid/repo', name: 'remote' }, { uri: 'file:///%ZZ', name: 'malformed' }],
      capabilities: {},
      // A file and a relative path are no corpus folders: they must not stop every lint.
      initializationOptions: { corpus: [7, null, '/etc/hostname', '/etc/passwd', '../../..'], bundledCorpus: 'no', workspaceConfig: 'maybe' },
    });
    assert.equal(init.error, undefined);
    client.send({ method: 'initialized', params: {} });
    client.send({ method: 'textDocument/didOpen', params: { textDocument: { uri: URI, languageId: 'policy-yaml', version: 1, text: DRAFT } } });
  });
  after(() => child.kill());

  it('still lints with the bundled corpus', async () => {
    const published = await client.wait((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === URI, 'diagnostics', 30000);
    assert.deepEqual(published.params.diagnostics.map((d: any) => d.code), ['missing-department']);
    const cities = await client.request('policyLint/cities', {});
    assert.ok(cities.result.length >= 17, JSON.stringify(cities.result).slice(0, 200));
  });

  const requests: Array<[string, unknown]> = [
    ['textDocument/hover', { textDocument: { uri: URI }, position: { line: 1e9, character: -5 } }],
    ['textDocument/hover', { textDocument: { uri: URI }, position: null }],
    ['textDocument/hover', {}],
    ['textDocument/completion', { textDocument: { uri: URI }, position: { line: -1, character: 1e9 } }],
    ['textDocument/codeAction', { textDocument: { uri: URI }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: 'all' } }],
    ['textDocument/codeAction', { textDocument: { uri: URI }, range: null, context: null }],
    ['textDocument/definition', { textDocument: { uri: 42 }, position: { line: 0, character: 0 } }],
    ['textDocument/references', { textDocument: { uri: URI }, position: { line: 5, character: 12 }, context: { includeDeclaration: false } }],
    ['textDocument/documentSymbol', { textDocument: { uri: 'file:///never-opened.policy.yaml' } }],
    ['textDocument/foldingRange', { textDocument: null }],
    ['textDocument/codeLens', { textDocument: { uri: URI } }],
    ['policyLint/compare', { uri: URI, city: { toString: 1 } }],
    ['policyLint/compare', null],
    ['policyLint/compare', { uri: URI, city: '不存在的城市' }],
    ['policyLint/precedents', [1, 2]],
    ['policyLint/precedents', { uri: URI, clause: 1 }],
    ['policyLint/import', { text: 12 }],
    ['policyLint/import', { text: '\u0000'.repeat(100000), sourceName: { evil: true } }],
    ['policyLint/cities', 'junk'],
  ];
  for (const [method, params] of requests) {
    it(`${method} ${JSON.stringify(params)?.slice(0, 80)}: answered without an error`, async () => {
      const response = await client.request(method, params as object);
      assert.equal(response.error, undefined, JSON.stringify(response.error));
      assert.equal(child.exitCode, null, stderr.slice(-2000));
    });
  }

  it('edits outside the document and to unopened documents leave it serving', async () => {
    client.send({ method: 'textDocument/didChange', params: { textDocument: { uri: URI, version: 2 }, contentChanges: [{ range: { start: { line: 99, character: 0 }, end: { line: 120, character: 5 } }, text: '\n  - id: "1"\n    text: 支持企业兼并重组。\n' }] } });
    client.send({ method: 'textDocument/didChange', params: { textDocument: { uri: 'file:///never-opened.policy.yaml', version: 2 }, contentChanges: [{ text: 'x' }] } });
    client.send({ method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///null-text.policy.yaml', languageId: 'policy-yaml', version: 1, text: null } } });
    const published = await client.wait((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === URI && m.params.version === 2, 'diagnostics of version 2', 30000);
    // The edit was appended at the end: the document now has two clauses "1".
    assert.ok(published.params.diagnostics.some((d: any) => d.code === 'duplicate-id'), JSON.stringify(published.params.diagnostics.map((d: any) => d.code)));
    const hover = await client.request('textDocument/hover', { textDocument: { uri: URI }, position: { line: 0, character: 1 } });
    assert.equal(hover.error, undefined);
    assert.equal(child.exitCode, null, stderr.slice(-2000));
  });
});
