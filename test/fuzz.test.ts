/**
 * A bounded, seeded fuzz run per CI (the long run is `npm run fuzz`): mutants of the samples, the
 * fixtures and a few corpus drafts through parse, lint, hover, completions and quick fixes. Nothing
 * may throw, every diagnostic range stays inside the document, and every quick fix's edits apply
 * cleanly to a text that parses again. The slowest document is printed, not asserted.
 */
import * as assert from 'node:assert/strict';
import { createPolicyLanguageService } from '../server/src/core';
import { checkDocument, corpusSources, MUTATORS, prng, runFuzz, seedTexts } from '../bench/fuzzLib';
import { REPO_ROOT } from './helpers/paths';

const SEED = 20240611;
const MUTANTS = 2500;

function report(failures: ReturnType<typeof runFuzz>['failures']): string {
  return failures.slice(0, 3).map((f) => `${f.seedName} #${f.mutant} (${f.steps.join('+')}):\n${f.error}\n--- text (first 400 chars) ---\n${JSON.stringify(f.text.slice(0, 400))}`).join('\n\n');
}

describe('fuzz (bounded, seeded)', function () {
  this.timeout(60000);
  const seeds = seedTexts(REPO_ROOT);
  const corpus = corpusSources(REPO_ROOT);

  it('the seeds themselves pass every check', () => {
    const service = createPolicyLanguageService({ corpus: () => corpus });
    assert.ok(seeds.length >= 10, `only ${seeds.length} seed drafts found`);
    for (const s of seeds) checkDocument(service, s.text, prng(1));
  });

  it('each mutator on its own keeps the invariants', () => {
    const service = createPolicyLanguageService({ corpus: () => corpus });
    const failures: string[] = [];
    for (const [name, mutator] of Object.entries(MUTATORS)) {
      const rand = prng(SEED ^ name.length);
      for (let i = 0; i < 20; i++) {
        const source = seeds[i % seeds.length];
        const text = mutator(source.text, rand);
        try { checkDocument(service, text, rand); } catch (err) { failures.push(`${name} on ${source.name}: ${(err as Error).stack}\n${JSON.stringify(text.slice(0, 300))}`); }
      }
    }
    assert.deepEqual(failures.slice(0, 3), []);
  });

  it(`${MUTANTS} stacked mutants keep the invariants (with the corpus loaded)`, () => {
    const service = createPolicyLanguageService({ corpus: () => corpus });
    const started = Date.now();
    const result = runFuzz(service, seeds, MUTANTS, SEED);
    console.log(`      fuzz: ${result.mutants} mutants in ${Date.now() - started} ms, max ${result.maxMs.toFixed(1)} ms per document (${result.maxName})`);
    assert.equal(result.failures.length, 0, report(result.failures));
  });

  it('mutants keep the invariants without a corpus too', () => {
    const service = createPolicyLanguageService();
    const started = Date.now();
    const result = runFuzz(service, seeds, 300, SEED + 1);
    console.log(`      fuzz (no corpus): ${result.mutants} mutants in ${Date.now() - started} ms, max ${result.maxMs.toFixed(1)} ms per document`);
    assert.equal(result.failures.length, 0, report(result.failures));
  });
});
