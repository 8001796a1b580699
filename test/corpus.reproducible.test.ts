/**
 * The bundled corpus is what the importer makes of the seed texts, byte for byte: a fix goes into
 * the importer and `node out/scripts/buildCorpus.js` rewrites corpus/, never the YAML by hand.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildCorpus } from '../scripts/buildCorpus';
import { REPO_ROOT } from './helpers/paths';

const SEEDS = process.env.POLICY_SEEDS ?? '/work/shared/seeds';
const CORPUS = path.join(REPO_ROOT, 'corpus');

describe('corpus: reproducible from the seeds', function () {
  this.timeout(60000);
  const present = fs.existsSync(SEEDS) && fs.readdirSync(SEEDS).some((f) => f.endsWith('.txt'));

  it('every corpus file is the importer output, and no file is missing or extra', function () {
    if (!present) {
      console.log(`      skipped: no seed texts in ${SEEDS} (set POLICY_SEEDS)`);
      this.skip();
    }
    const built = buildCorpus(SEEDS);
    const committed = fs.readdirSync(CORPUS).filter((f) => f.endsWith('.policy.yaml') || f === 'index.json').sort();
    assert.deepEqual(committed, [...built.files.keys()].sort());
    for (const [name, content] of built.files) {
      assert.equal(fs.readFileSync(path.join(CORPUS, name), 'utf8'), content, `${name} differs from the importer output: run node out/scripts/buildCorpus.js`);
    }
    assert.equal(built.index.length, 39);
    assert.ok(built.duplicates.length >= 3, 'the documents 004 repeats are kept once');
  });
});
