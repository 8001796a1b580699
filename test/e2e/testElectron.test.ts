/**
 * The extension-host suite (test/e2e/suite/, *.ext.ts) through @vscode/test-electron's runTests, the
 * standard entry point for VS Code extension tests. No desktop VS Code can be downloaded here, so
 * vscodeExecutablePath is test/e2e/code-shim.js: code-server (VS Code 1.100) + Debian's Chromium,
 * running the suite in a real Node extension host. The extension loads unpackaged from the checkout,
 * whose `main` is the bundle, so dist/ is rebuilt first. Skipped with a printed reason outside CI when
 * code-server or Chromium is missing; in CI (.ci/run installs both) a missing one fails.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { REPO_ROOT } from '../helpers/paths';
import { editorOrReason } from './helpers';

const SAMPLE = 'suzhou-2026-ai-measures-draft.policy.yaml';
/** The suite's TypeScript sources (the compiled suite runs; its tests are counted in the sources). */
const SUITE_SOURCE = path.join(REPO_ROOT, 'test', 'e2e', 'suite', 'index.ts');
const SHIM = path.join(REPO_ROOT, 'test', 'e2e', 'code-shim.js');
const SUITE = path.join(REPO_ROOT, 'out', 'test', 'e2e', 'suite', 'index.js');

describe('extension-host tests via @vscode/test-electron (code-server shim)', function () {
  this.timeout(300000);
  let codeServer: string;
  let home: string | undefined;

  before(function () {
    const editor = editorOrReason();
    if ('reason' in editor) {
      if (process.env.CI) throw new Error(editor.reason);
      console.log(`    (skipped: ${editor.reason})`);
      this.skip();
    }
    codeServer = editor.binary;
    assert.ok(fs.existsSync(SUITE), `${SUITE} is missing: run npx tsc -p .`);
    // package.json's main is ./dist/extension.js (and it starts dist/server.js): bundle the current sources.
    const bundle = spawnSync(process.execPath, [path.join(REPO_ROOT, 'packaging', 'bundle.js')], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 120000 });
    assert.equal(bundle.status, 0, bundle.stderr);
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-test-electron-'));
  });

  after(() => {
    if (home) fs.rmSync(home, { recursive: true, force: true });
  });

  it('runTests runs the suite in the extension host and it exits 0', async () => {
    const workspace = path.join(home!, 'ws');
    fs.mkdirSync(workspace);
    fs.copyFileSync(path.join(REPO_ROOT, 'samples', SAMPLE), path.join(workspace, SAMPLE));
    const results = path.join(home!, 'results.json');
    const started = Date.now();
    const code = await runTests({
      vscodeExecutablePath: SHIM,
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: SUITE,
      // A fresh profile: without these, runTests would use .vscode-test/ in the checkout.
      launchArgs: [workspace, `--user-data-dir=${path.join(home!, 'user-data')}`, `--extensions-dir=${path.join(home!, 'extensions')}`],
      extensionTestsEnv: { CODE_SERVER: codeServer, SHIM_TMP: home!, POLICY_LINT_EXT_RESULTS: results },
    });
    console.log(`    (extension-host run: ${((Date.now() - started) / 1000).toFixed(1)} s)`);
    assert.equal(code, 0);
    // The exit status alone would also be 0 for a suite that never ran: the suite reports what passed.
    const { passes, failures } = JSON.parse(fs.readFileSync(results, 'utf8')) as { passes: string[]; failures: unknown[] };
    assert.deepEqual(failures, []);
    // Every test the suite declares passed (counted from its source, so a new test needs no edit here).
    const declared = fs.readdirSync(path.dirname(SUITE_SOURCE)).filter((f) => f.endsWith('.ext.ts'))
      .reduce((n, f) => n + (fs.readFileSync(path.join(path.dirname(SUITE_SOURCE), f), 'utf8').match(/^\s+it\(/gm) ?? []).length, 0);
    assert.ok(declared >= 7, `${declared} tests declared`);
    assert.equal(passes.length, declared, passes.join('\n'));
  });
});
