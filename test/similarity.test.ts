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

/**
 * The best score of an earlier clause (with at least 4 bigrams, as the search requires), per clause,
 * and the earliest clause with that score.
 */
function bruteForce(document: PolicyDocument): number[] & { earliest: number[] } {
  const sets = document.clauses.map(bigrams);
  const earliest: number[] = [];
  const best = sets.map((set, j) => {
    earliest[j] = -1;
    if (set.size < 4) return 0;
    let top = 0;
    for (let i = 0; i < j; i++) {
      if (sets[i].size < 4) continue;
      let common = 0;
      for (const gram of set) if (sets[i].has(gram)) common++;
      const score = (2 * common) / (set.size + sets[i].size);
      if (score > top) {
        top = score;
        earliest[j] = i;
      }
    }
    return top;
  });
  return Object.assign(best, { earliest });
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
    // Among equal scores the earliest clause: the result depends on the texts alone, not on the search order.
    const earliest = reference.earliest[j];
    assert.equal(match.earlier.index, earliest, `clause ${j}: clause ${earliest} is the earliest with the best score`);
    // …and it is the score of the clause it names.
    let common = 0;
    for (const gram of sets[j]) if (sets[match.earlier.index].has(gram)) common++;
    assert.ok(Math.abs(match.score - (2 * common) / (sets[j].size + sets[match.earlier.index].size)) < 1e-9);
  });
}

/** Clause texts of a draft as [start, end) offsets of their one text line. */
function textLines(text: string): Array<[number, number]> {
  const lines: Array<[number, number]> = [];
  const marker = 'text: |\n          ';
  for (let at = text.indexOf(marker); at >= 0; at = text.indexOf(marker, at + 1)) {
    const start = at + marker.length;
    lines.push([start, text.indexOf('\n', start)]);
  }
  return lines;
}

/**
 * A drafting session on one document: characters typed and deleted, sentences pasted from other
 * clauses, whole texts replaced by another clause's (exact duplicates: ties at score 1).
 */
function* editedVersions(text: string, edits: number, seed: number): Generator<string> {
  let state = seed;
  const random = (n: number): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state % n;
  };
  for (let e = 0; e < edits; e++) {
    const lines = textLines(text);
    const [start, end] = lines[random(lines.length)];
    const [otherStart, otherEnd] = lines[random(lines.length)];
    const other = text.slice(otherStart, otherEnd);
    const at = start + random(end - start + 1);
    switch (random(4)) {
      case 0: text = text.slice(0, at) + '推动人工智能' + text.slice(at); break;
      case 1: text = text.slice(0, at) + text.slice(Math.min(end, at + 1 + random(30))); break;
      case 2: text = text.slice(0, at) + other.slice(0, random(other.length)) + text.slice(at); break;
      default: text = text.slice(0, start) + other + text.slice(end);
    }
    yield text;
  }
}

describe('clause similarity', () => {
  it('stays exact and equal to a fresh search edit after edit (the matches are updated, not searched afresh)', () => {
    const uri = 'test:similarity-session';
    const describe = (document: PolicyDocument): string =>
      JSON.stringify([...bestEarlierMatches(document, 0.6).values()].map((m) => [m.clause.index, m.earlier.index, m.score]));
    let version = 0;
    for (const text of editedVersions(generateDraft({ clauses: 80, seed: 11 }).text, 150, 7)) {
      const document = service.parse(text, uri).document;
      const warm = describe(document);
      check(document, 0.6);
      check(document, 0.85);
      if (version++ % 10 === 0) {
        clearRecentCaches();
        assert.equal(describe(service.parse(text, `test:fresh-${version}`).document), warm, `version ${version}`);
      }
    }
  });

  it('names the earliest of equally similar clauses, whichever the search meets first', () => {
    // Clause 4 scores 22/24 against clause 2 and against clause 3. It meets clause 3 first: they share
    // 做优, the rarer bigram; 做强 (clause 4 and 2) is made commoner by clause 1.
    const texts = ['引导平台做强品牌。', '支持人工智能企业做大做强。', '支持人工智能企业做大做优。', '支持人工智能企业做大做强做优。'];
    const text = ['policy: 并列相似测试', 'city: 苏州', 'clauses:', ...texts.map((t, i) => `  - id: "${i + 1}"\n    text: ${t}`)].join('\n');
    const document = service.parse(text, 'test:similarity-tie').document;
    const match = bestEarlierMatches(document, 0.6).get(document.clauses[3]);
    assert.equal(match?.earlier.index, 1);
    assert.equal(match?.score, 22 / 24);
    check(document, 0.6);
  });

  it('searches afresh after edits to a draft too repetitive for an exact search', () => {
    // 300 clauses of one wording: the shared bigrams' posting lists exceed the cap, the search skips them.
    const clause = '对经认定的国家级人工智能开放创新平台，给予最高500万元奖励。（责任单位：市工信局）';
    const text = ['policy: 重复条款测试', 'city: 苏州', 'clauses:', ...Array.from({ length: 300 }, (_, i) => `  - id: "${i + 1}"\n    text: ${clause.replace('国家级', `国家级${'甲乙丙丁戊己庚辛壬癸'[i % 10]}${'子丑寅卯辰巳午未申酉'[Math.floor(i / 10) % 10]}${'东南西北中'[Math.floor(i / 100)]}`)}`)].join('\n');
    const uri = 'test:similarity-repetitive';
    const describe = (document: PolicyDocument): string =>
      JSON.stringify([...bestEarlierMatches(document, 0.6).values()].map((m) => [m.clause.index, m.earlier.index, m.score]));
    describe(service.parse(text, uri).document);
    // Clause 290 gets a wording whose rare bigrams no other clause has: only the skipped shared ones
    // lead to its near-copies, so the inexact search finds none; an update would find one.
    const edited = text.replace('国家级乙子东', '国家级乙子东智能').replace(/国家级丙子东[^\n]*/, '支持人工智能企业做大做强').replace('国家级癸申西', '国家级龙凤');
    const warm = describe(service.parse(edited, uri).document);
    clearRecentCaches();
    assert.equal(warm, describe(service.parse(edited, 'test:similarity-repetitive-fresh').document));
  });

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
