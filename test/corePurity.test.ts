/**
 * The analysis core stays pure: no vscode, no LSP, no Node built-ins (fs, path, …), and only the
 * positioned-YAML module imports the YAML library. `npm run check:core` enforces the Node part with
 * the compiler (no @types/node); this test covers packages that ship their own typings.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from './helpers/paths';

const CORE = path.join(REPO_ROOT, 'server', 'src', 'core');
const IMPORT = /(?:^|\n)\s*(?:import|export)[^'"`;]*?from\s*['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? tsFiles(full) : e.name.endsWith('.ts') ? [full] : [];
  });
}

describe('core purity', () => {
  const files = tsFiles(CORE);

  it('finds the core sources', () => {
    assert.ok(files.length > 10);
  });

  it('imports only relative modules, JSON data, and js-yaml in yaml/parseYaml.ts', () => {
    const offenders: string[] = [];
    for (const file of files) {
      const source = fs.readFileSync(file, 'utf8');
      for (const match of source.matchAll(IMPORT)) {
        const specifier = match[1] ?? match[2] ?? match[3];
        const relative = path.relative(CORE, file).split(path.sep).join('/');
        if (specifier.startsWith('.')) {
          const resolved = path.resolve(path.dirname(file), specifier);
          const insideRepoData = resolved.startsWith(path.join(REPO_ROOT, 'schema'));
          if (!resolved.startsWith(CORE) && !insideRepoData) offenders.push(`${relative}: ${specifier}`);
          continue;
        }
        if (specifier === 'js-yaml' && relative === 'yaml/parseYaml.ts') continue;
        offenders.push(`${relative}: ${specifier}`);
      }
    }
    assert.deepEqual(offenders, []);
  });
});
