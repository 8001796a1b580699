/**
 * extensionTestsPath entry: VS Code (here code-server, through test/e2e/code-shim.js) calls run()
 * inside the extension host, where `vscode` can be required. Runs every *.ext.js beside it; the
 * normal `npm test` glob (out/test/**\/*.test.js) does not match these files.
 * With POLICY_LINT_EXT_RESULTS set, the titles that passed and failed are written there as JSON.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 60000 });
  for (const file of fs.readdirSync(__dirname).filter((f) => f.endsWith('.ext.js')).sort()) mocha.addFile(path.join(__dirname, file));
  const passes: string[] = [];
  const failures: { title: string; error: string }[] = [];
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failed) => {
      const results = process.env.POLICY_LINT_EXT_RESULTS;
      if (results) fs.writeFileSync(results, JSON.stringify({ passes, failures }, null, 2));
      if (failed > 0) reject(new Error(`${failed} extension-host test(s) failed`));
      else resolve();
    });
    runner.on('pass', (test) => passes.push(test.fullTitle()));
    runner.on('fail', (test, err: Error) => failures.push({ title: test.fullTitle(), error: String(err?.message ?? err) }));
  });
}
