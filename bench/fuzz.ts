/**
 * The long fuzz run: seeded mutants of the samples, fixtures and corpus drafts through every
 * feature of the analysis core, checking the invariants of bench/fuzzLib.ts.
 *
 *   npm run fuzz                           (= npm run build && node out/bench/fuzz.js; 20000 mutants)
 *   node out/bench/fuzz.js 100000 7 5000   (count, seed, per-document budget in ms; default 5000)
 *
 * A document over the budget fails like a broken invariant. Failing mutants are written to
 * test-output/fuzz/ for reproduction; exit status 1 if any failed.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createPolicyLanguageService } from '../server/src/core';
import { corpusSources, runFuzz, seedTexts } from './fuzzLib';

const ROOT = path.resolve(__dirname, '..', '..');
const count = Number(process.argv[2] ?? 20000);
const seed = Number(process.argv[3] ?? Date.now() % 1_000_000);
const budgetMs = Number(process.argv[4] ?? 5000);
if (!Number.isInteger(count) || count < 1 || !Number.isInteger(seed) || !(budgetMs > 0)) {
  process.stderr.write('usage: node out/bench/fuzz.js [count] [seed] [budget-ms]\n');
  process.exit(2);
}

const corpus = corpusSources(ROOT);
const service = createPolicyLanguageService({ corpus: () => corpus });
const seeds = seedTexts(ROOT);
const started = Date.now();
process.stdout.write(`fuzz: ${count} mutants of ${seeds.length} drafts, seed ${seed}, budget ${budgetMs} ms per document\n`);
const result = runFuzz(service, seeds, count, seed, (done) => process.stdout.write(`  ${done}/${count}\n`), budgetMs);
process.stdout.write(`fuzz: ${result.mutants} mutants in ${((Date.now() - started) / 1000).toFixed(1)} s; max ${result.maxMs.toFixed(1)} ms per document (${result.maxName}); ${result.failures.length} failures\n`);
if (result.failures.length > 0) {
  const dir = path.join(ROOT, 'test-output', 'fuzz');
  fs.mkdirSync(dir, { recursive: true });
  for (const f of result.failures.slice(0, 50)) {
    const file = path.join(dir, `seed${seed}-mutant${f.mutant}.policy.yaml`);
    fs.writeFileSync(file, f.text);
    process.stdout.write(`\n${f.seedName} #${f.mutant} (${f.steps.join('+')}) -> ${path.relative(ROOT, file)}\n${f.error}\n`);
  }
  process.exitCode = 1;
}
