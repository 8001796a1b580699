/**
 * Near-duplicate search (server/src/core/similarity/clauseSimilarity.ts) against a brute-force
 * reference: every pair scored, so the pruning, the memos and the reuse across versions cannot hide
 * or invent a match.
 */
import * as assert from 'node:assert/strict';
import { createPolicyLanguageService } from '../server/src/core';
import type { Clause, PolicyDocument } from '../server/src/core/model/types';
import { bestEarlierMatches, comparableText } from '../server/src/core/similarity/clauseSimilarity';
import { clearRecentCaches } from '../server/src/core/text/recentCache';
import { generateDraft } from '../bench/generateDraft';

const service = createPolicyLanguageService();

function bigrams(clause: Clause): Set<string> {
  const text = comparableText(clause);
  const set = new Set<string>();
  for (let i = 0; i + 1 < text.length; i++) set.add(text.slice(i, i + 2));
  return set;
}

/** The best score of an earlier clause (with at least 4 bigrams, as the search requires), per clause. */
function bruteForce(document: PolicyDocument): Array<number> {
  const sets = document.clauses.map(bigrams);
  return sets.map((set, j) => {
    if (set.size < 4) return 0;
    let best = 0;
    for (let i = 0; i < j; i++) {
      if (sets[i].size < 4) continue;
      let common = 0;
      for (const gram of set) if (sets[i].has(gram)) common++;
      best = Math.max(best, (2 * common) / (set.size + sets[i].size));
    }
    return best;
  });
}

function check(document: PolicyDocument, threshold: number): void {
  const matches = bestEarlierMatches(document, threshold);
  const reference = bruteForce(document);
  const sets = document.clauses.map(bigrams);
  document.clauses.forEach((clause, j) => {
    const match = matches.get(clause);
    if (reference[j] < threshold - 1e-9) {
      assert.equal(match, undefined, `clause ${j}: no earlier clause reaches ${threshold}`);
      return;
    }
    assert.ok(match, `clause ${j}: an earlier clause scores ${reference[j]}`);
    assert.ok(match.earlier.index < j);
    assert.ok(Math.abs(match.score - reference[j]) < 1e-9, `clause ${j}: ${match.score} is the best score ${reference[j]}`);
    // …and it is the score of the clause it names.
    let common = 0;
    for (const gram of sets[j]) if (sets[match.earlier.index].has(gram)) common++;
    assert.ok(Math.abs(match.score - (2 * common) / (sets[j].size + sets[match.earlier.index].size)) < 1e-9);
  });
}

describe('clause similarity', () => {
  for (const [clauses, seed] of [[40, 1], [120, 2], [250, 2026]] as const) {
    it(`finds exactly the best earlier match of every clause (${clauses} clauses, thresholds 0.6 / 0.85)`, () => {
      const document = service.parse(generateDraft({ clauses, seed }).text, `test:similarity-${clauses}`).document;
      for (const threshold of [0.85, 0.6]) check(document, threshold);
    });
  }

  it('gives the same matches with memos cold or warm and across versions of a document', () => {
    const uri = 'test:similarity-versions';
    const text = generateDraft({ clauses: 120, seed: 5 }).text;
    const describe = (document: PolicyDocument): string =>
      JSON.stringify([...bestEarlierMatches(document, 0.6).values()].map((m) => [m.clause.index, m.earlier.index, m.score]));
    clearRecentCaches();
    const fresh = describe(service.parse(text, uri).document);
    assert.equal(describe(service.parse(text, uri).document), fresh, 'the same text again');
    // An amount changes (amounts are blanked, so the previous matches are reused), then a sentence.
    const amount = text.replace(/(\d+)万元/, (_, n: string) => `${Number(n) + 1}万元`);
    assert.notEqual(amount, text);
    clearRecentCaches();
    const amountFresh = describe(service.parse(amount, 'test:other-uri').document);
    assert.equal(describe(service.parse(amount, uri).document), amountFresh);
    const sentence = text.replace('text: |\n          ', 'text: |\n          支持人工智能企业做大做强。');
    const warm = describe(service.parse(sentence, uri).document);
    clearRecentCaches();
    assert.equal(warm, describe(service.parse(sentence, 'test:third-uri').document));
    check(service.parse(sentence, uri).document, 0.6);
  });
});
