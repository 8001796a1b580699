/** The esbuild bundles the .vsix carries work on their own: the server answers LSP, the CLI lints. */
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { LspClient } from './helpers/lspClient';
import { REPO_ROOT } from './helpers/paths';

describe('bundled server and CLI (dist/)', function () {
  this.timeout(60000);

  before(() => {
    const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'packaging', 'bundle.js')], { cwd: REPO_ROOT, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
  });

  it('the bundled CLI lints the sample with the same findings', () => {
    const run = (cli: string[]) => spawnSync(process.execPath, [...cli, '--format', 'json', '--config', 'test/fixtures/cli/.policylintrc.yaml', 'test/fixtures/cli/draft.policy.yaml'], { cwd: REPO_ROOT, encoding: 'utf8' });
    const bundled = run(['-e', "require('./dist/cli.js').main(process.argv.slice(1)).then((c) => { process.exitCode = c; })", '--']);
    const compiled = run([path.join('bin', 'policy-lint.js')]);
    assert.equal(bundled.status, 1, bundled.stderr);
    assert.equal(bundled.stdout, compiled.stdout);
  });

  it('the bundled server publishes diagnostics over stdio', async () => {
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'dist', 'server.js'), '--stdio']);
    try {
      const client = new LspClient(child);
      await client.request('initialize', { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: { bundledCorpus: false } });
      client.send({ method: 'initialized', params: {} });
      const text = 'policy: 人工智能产业发展若干措施\ncity: 苏州\nclauses:\n  - id: "1"\n    text: 支持企业做大做强。（责任单位：市工信局）\n  - id: "1"\n    text: 支持建设公共服务平台。（责任单位：市科技局）\n';
      client.send({ method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///tmp/b.policy.yaml', languageId: 'policy-yaml', version: 1, text } } });
      const published = await client.wait((m) => m.method === 'textDocument/publishDiagnostics', 'diagnostics');
      assert.deepEqual(published.params.diagnostics.map((d: { code: string }) => d.code), ['duplicate-id']);
    } finally {
      child.kill();
    }
  });
});
