/**
 * The server reads the workspace's `.policylintrc.yaml` (rules, and corpus folders relative to it)
 * like the CLI does, unless the client says `workspaceConfig: false` — which the VS Code extension
 * does in an untrusted workspace. The bundled-corpus switch is separate and stays as the client set it.
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from './helpers/lspClient';
import { REPO_ROOT } from './helpers/paths';

const SERVER = path.join(REPO_ROOT, 'bin', 'policy-lint-server.js');

const DRAFT = `policy: 苏州市促进智能制造发展的若干措施（征求意见稿）
city: 苏州
clauses:
  - id: "1"
    title: 支持企业上云
    text: |
      对上云工业企业给予最高80万元补助。
`;

const WUXI = `policy: 无锡市促进智能制造发展的若干政策措施
city: 无锡
status: in-force
clauses:
  - id: "1"
    title: 支持企业上云
    text: |
      对上云工业企业给予最高50万元补助。（责任单位：市工业和信息化局）
`;

/* eslint-disable @typescript-eslint/no-explicit-any */
describe('server: the workspace config file', function () {
  this.timeout(30000);
  let workspace: string;
  const children: ChildProcessWithoutNullStreams[] = [];

  before(() => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lint-workspace-'));
    fs.mkdirSync(path.join(workspace, 'precedents'));
    fs.writeFileSync(path.join(workspace, 'precedents', 'wuxi-2022-measures.policy.yaml'), WUXI);
    fs.writeFileSync(path.join(workspace, '.policylintrc.yaml'), 'rules:\n  missing-department: off\ncorpus: [precedents]\n');
  });
  after(() => {
    for (const child of children) child.kill();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  async function open(workspaceConfig: boolean | undefined): Promise<{ codes: string[]; cities: string[] }> {
    const child = spawn(process.execPath, [SERVER, '--stdio']);
    children.push(child);
    const client = new LspClient(child);
    const initializationOptions = { bundledCorpus: false, ...(workspaceConfig === undefined ? {} : { workspaceConfig }) };
    await client.request('initialize', { processId: process.pid, rootUri: pathToFileURL(workspace).href, capabilities: {}, locale: 'en', initializationOptions });
    client.send({ method: 'initialized', params: {} });
    const uri = pathToFileURL(path.join(workspace, 'draft.policy.yaml')).href;
    client.send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'policy-yaml', version: 1, text: DRAFT } } });
    const published = await client.wait((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri, 'diagnostics');
    const cities = await client.request('policyLint/cities', {});
    return { codes: published.params.diagnostics.map((d: any) => d.code), cities: cities.result.map((c: any) => c.city) };
  }

  it('reads it when the client does not object: its rules apply and its corpus folder loads', async () => {
    assert.deepEqual(await open(undefined), { codes: [], cities: ['无锡'] });
    assert.deepEqual(await open(true), { codes: [], cities: ['无锡'] });
  });

  it('ignores it with workspaceConfig: false (an untrusted VS Code workspace)', async () => {
    assert.deepEqual(await open(false), { codes: ['missing-department'], cities: [] });
  });
});
