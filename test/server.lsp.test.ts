/**
 * The language server over stdio, driven the way an outside client drives it: initialize, open a
 * draft, read the published diagnostics.
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';
import { LspClient } from './helpers/lspClient';
import { REPO_ROOT } from './helpers/paths';

describe('policy-lint-server --stdio', () => {
  let child: ChildProcessWithoutNullStreams;
  let client: LspClient;

  before(async () => {
    child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin', 'policy-lint-server.js'), '--stdio']);
    client = new LspClient(child);
    await client.request('initialize', { processId: process.pid, rootUri: null, capabilities: {}, locale: 'en' });
    client.send({ method: 'initialized', params: {} });
  });

  after(() => {
    child.kill();
  });

  it('publishes diagnostics at exact ranges for an opened draft, and recovers from broken YAML', async () => {
    const uri = 'file:///tmp/draft.policy.yaml';
    const text = [
      'policy: 人工智能产业发展若干措施',
      'city: 苏州',
      'clauses:',
      '  - id: "1"',
      '    text: 支持人工智能企业总部迁入。（责任单位：市商务局）',
      '  - id: "1"',
      '    text: 支持建设人工智能公共技术服务平台。（责任单位：市科技局）',
      '',
    ].join('\n');
    client.send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'policy-yaml', version: 1, text } } });
    const published = await client.wait((m) => m.method === 'textDocument/publishDiagnostics' && m.params.version === 1, 'diagnostics v1');
    const duplicate = published.params.diagnostics.find((d: any) => d.code === 'duplicate-id');
    assert.ok(duplicate, JSON.stringify(published.params.diagnostics));
    assert.deepEqual(duplicate.range, { start: { line: 5, character: 8 }, end: { line: 5, character: 11 } });
    assert.equal(duplicate.severity, 1);
    assert.equal(duplicate.relatedInformation[0].location.range.start.line, 3);

    client.send({ method: 'textDocument/didChange', params: { textDocument: { uri, version: 2 }, contentChanges: [{ text: 'policy: [unclosed\ncity: 苏州\n' }] } });
    const broken = await client.wait((m) => m.method === 'textDocument/publishDiagnostics' && m.params.version === 2, 'diagnostics v2');
    assert.deepEqual(broken.params.diagnostics.map((d: any) => d.code), ['yaml-syntax']);
    assert.notEqual(broken.params.diagnostics[0].range.start.line, 0);
    assert.equal(child.exitCode, null, 'the server keeps serving');
  });
});
