/**
 * An independent editor as client: headless Neovim drives `policy-lint-server --stdio` on a draft
 * and must get the diagnostics and a precedent hover. Skipped (with the reason printed) only outside
 * CI when Neovim is not installed; in CI, .ci/run installs it and a missing nvim fails the test.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FIXTURES, REPO_ROOT } from './helpers/paths';

const hasNvim = spawnSync('nvim', ['--version']).status === 0;

describe('Neovim as an LSP client', function () {
  this.timeout(60000);

  before(function () {
    if (!hasNvim) {
      if (process.env.CI) throw new Error('nvim is not installed; .ci/run must install the Debian package neovim');
      console.log('    (skipped: nvim is not installed; `apt-get install neovim` to run it)');
      this.skip();
    }
  });

  it('shows diagnostics and a precedent hover', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-nvim-'));
    const file = path.join(dir, 'draft.policy.yaml');
    const lines = [
      'policy: 无锡市促进智能制造发展的若干措施（征求意见稿）',
      'city: 无锡',
      'clauses:',
      '  - id: "1"',
      '    title: 支持工业企业上云',
      '    text: 支持工业企业上云，对上云工业企业给予最高50万元补助。',
      '  - id: "1"',
      '    text: 支持制造业企业建设智能工厂。（责任单位：市工信局）',
      '',
    ];
    fs.writeFileSync(file, lines.join('\n'));
    const result = spawnSync('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${path.join(REPO_ROOT, 'test', 'nvim', 'wrap.lua')}`], {
      encoding: 'utf8',
      timeout: 50000,
      env: {
        ...process.env,
        XDG_CONFIG_HOME: path.join(dir, 'c'), XDG_DATA_HOME: path.join(dir, 'd'), XDG_CACHE_HOME: path.join(dir, 'k'), XDG_STATE_HOME: path.join(dir, 's'),
        LSP_CHECK: path.join(REPO_ROOT, 'test', 'nvim', 'lsp-check.lua'),
        LSP_SERVER: path.join(REPO_ROOT, 'bin', 'policy-lint-server.js'),
        LSP_FILE: file,
        LSP_CORPUS: path.join(FIXTURES, 'corpus'),
        HOVER_LINE: '5',
        HOVER_COL: '12',
      },
    });
    const lastLine = result.stdout.trim().split('\n').pop() ?? '';
    assert.equal(result.status, 0, `${result.stderr}\n${result.stdout}`);
    const out = JSON.parse(lastLine) as { diagnostics: Array<{ lnum: number; col: number; message: string }>; hover: string; errors: string[] };
    assert.deepEqual(out.errors, []);
    const messages = out.diagnostics.map((d) => `${d.lnum}:${d.col} ${d.message}`).sort();
    assert.deepEqual(messages, [
      "3:8 Clause 1 (支持工业企业上云) has no lead department: add `departments` or a marker such as （责任单位：市工信局）. It grants money, so someone must be accountable for the budget.",
      "6:8 Duplicate clause id '1'.",
    ]);
    assert.match(out.hover, /\*\*天津\*\* 《天津市关于进一步支持发展智能制造的政策措施》 clause 6/);
    assert.match(out.hover, /上云/);
  });
});
