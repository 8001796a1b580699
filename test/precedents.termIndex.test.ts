/** The compact inverted index: exact cosine against a brute-force computation, across segment sizes. */
import * as assert from 'node:assert/strict';
import { prng } from '../bench/fuzzLib';
import { TermIndexBuilder, TopK } from '../server/src/core/precedents/termIndex';
import type { Pruning } from '../server/src/core/precedents/termIndex';
import { TermIds } from '../server/src/core/precedents/termIds';
import { ForwardIndexBuilder } from '../server/src/core/precedents/forwardIndex';

type Doc = Map<number, number>;

function randomDocs(count: number, seed: number, terms = 60): Doc[] {
  const rand = prng(seed);
  const vocabulary = Array.from({ length: terms }, (_, i) => i);
  return Array.from({ length: count }, () => {
    const doc: Doc = new Map();
    const size = 1 + Math.floor(rand() * 12);
    // Zipf-like: low term numbers are common.
    for (let i = 0; i < size; i++) {
      const term = vocabulary[Math.floor(vocabulary.length * rand() * rand())];
      doc.set(term, (doc.get(term) ?? 0) + 1);
    }
    return doc;
  });
}

const boost = (term: number): number => (term % 10 === 7 ? 3 : 1);

/** The cosine of two count vectors with the index's weighting, computed the slow way. */
function bruteCosine(docs: readonly Doc[], a: Doc, b: Doc): number {
  const df = new Map<number, number>();
  for (const d of docs) for (const t of d.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const weight = (d: Doc): Map<number, number> => {
    const w = new Map<number, number>();
    for (const [t, c] of d) w.set(t, (1 + Math.log(c)) * (df.has(t) ? Math.log(1 + docs.length / df.get(t)!) : Math.log(1 + docs.length / 0.5)) * boost(t));
    return w;
  };
  const wa = weight(a);
  const wb = weight(b);
  const norm = (w: Map<number, number>): number => Math.sqrt([...w.values()].reduce((s, x) => s + x * x, 0));
  let dot = 0;
  for (const [t, x] of wa) if (df.has(t)) dot += x * (wb.get(t) ?? 0);
  return dot / (norm(wa) * norm(wb));
}

describe('precedents: term index', () => {
  const docs = randomDocs(300, 7);

  for (const segmentSize of [1, 7, 65536]) {
    it(`scores every document exactly like a brute-force cosine (segments of ${segmentSize})`, () => {
      const builder = new TermIndexBuilder({ boost, segmentSize });
      docs.forEach((d, i) => assert.equal(builder.add(d), i));
      const index = builder.build();
      assert.equal(index.size, docs.length);
      assert.equal(index.postings, docs.reduce((n, d) => n + d.size, 0));
      for (const q of [0, 13, 299]) {
        const query = docs[q];
        const scores = new Map(index.search(index.vector(query), docs.length).map((h) => [h.doc, h.score]));
        docs.forEach((d, i) => {
          const expected = bruteCosine(docs, query, d);
          assert.ok(Math.abs((scores.get(i) ?? 0) - expected) < 1e-9, `doc ${i}: ${scores.get(i)} vs ${expected}`);
        });
        assert.ok(Math.abs(scores.get(q)! - 1) < 1e-9, 'a document is identical to itself');
      }
    });
  }

  // Budgets small enough that queries take the candidate path, with every outcome: proven at once,
  // after more candidates, and walking every list.
  const many = randomDocs(3000, 11, 3000);
  const cases: Array<[Pruning, 'walks every list' | 'both ways' | 'proves every top k']> = [
    [{ from: 0, budget: 0, alwaysWalk: 0, rounds: [64, 512], exhaustive: true }, 'walks every list'],
    [{ from: 0, budget: 100, alwaysWalk: 0, rounds: [64, 512], exhaustive: true }, 'both ways'],
    [{ from: 0, budget: Infinity, alwaysWalk: 0, rounds: [64, 512], exhaustive: true }, 'proves every top k'],
  ];
  for (const [pruning, outcome] of cases) {
    it(`the candidate path on large corpora gives exactly the full ranking (a budget of ${pruning.budget} postings: ${outcome})`, () => {
      const docs = many;
      const exact = new TermIndexBuilder({ boost, segmentSize: 64 });
      const pruned = new TermIndexBuilder({ boost, segmentSize: 64, pruning });
      for (const d of docs) {
        exact.add(d);
        pruned.add(d);
      }
      const a = exact.build();
      const b = pruned.build();
      let searches = 0;
      let walked = 0;
      for (let q = 0; q < docs.length; q += 37) {
        const groupOf = (doc: number): number => (doc % 3 === 0 ? -1 : doc % 3 === 1 ? 0 : 1);
        for (const k of [1, 5, 20]) {
          const want = a.searchGroups(a.vector(docs[q]), k, 2, groupOf, 0.05);
          const got = b.searchGroups(b.vector(docs[q]), k, 2, groupOf, 0.05);
          assert.deepEqual(got.map((g) => g.map((h) => h.doc)), want.map((g) => g.map((h) => h.doc)), `query ${q}, k ${k}`);
          got.flat().forEach((h, i) => assert.ok(Math.abs(h.score - want.flat()[i].score) < 1e-9));
          searches++;
          if (b.lastSearch.walkedAll) walked++;
        }
      }
      if (outcome === 'walks every list') assert.equal(walked, searches);
      else if (outcome === 'proves every top k') assert.equal(walked, 0);
      else assert.ok(walked > 0 && walked < searches, `${walked} of ${searches}`);
    });
  }

  it('without the exhaustive walk, every hit still has its exact cosine, and a top k marked exact is the true one', () => {
    const exact = new TermIndexBuilder({ boost, segmentSize: 64 });
    const pruned = new TermIndexBuilder({ boost, segmentSize: 64, pruning: { from: 0, budget: 100, alwaysWalk: 0, rounds: [64], exhaustive: false } });
    for (const d of many) {
      exact.add(d);
      pruned.add(d);
    }
    const a = exact.build();
    const b = pruned.build();
    let approximate = 0;
    for (let q = 0; q < many.length; q += 37) {
      const all = new Map(a.search(a.vector(many[q]), many.length).map((h) => [h.doc, h.score]));
      const got = b.search(b.vector(many[q]), 5);
      for (const h of got) assert.ok(Math.abs(h.score - all.get(h.doc)!) < 1e-9, `query ${q}, doc ${h.doc}`);
      if (b.lastSearch.exact) assert.deepEqual(got.map((h) => h.doc), a.search(a.vector(many[q]), 5).map((h) => h.doc));
      else approximate++;
    }
    assert.ok(approximate > 0, 'some queries took the approximate way');
  });

  it('search: the best k, accepted and above minScore, best first, ties by document number', () => {
    const builder = new TermIndexBuilder();
    const same: Doc = new Map([[1, 1], [2, 2]]);
    builder.add(same);
    builder.add(new Map([[3, 1]]));
    builder.add(same);
    builder.add(new Map([[1, 1], [3, 3]]));
    builder.add(same);
    const index = builder.build();
    const query = index.vector(same);
    assert.deepEqual(index.search(query, 2).map((h) => h.doc), [0, 2]);
    assert.deepEqual(index.search(query, 10, (doc) => doc !== 0).map((h) => h.doc), [2, 4, 3]);
    const all = index.search(query, 10);
    assert.equal(all.length, 4, 'document 1 shares no term and is never returned');
    assert.ok(all[3].score > 0 && all[3].score < 0.5);
    assert.deepEqual(index.search(query, 10, undefined, 0.9).map((h) => h.doc), [0, 2, 4]);
  });

  it('terms the corpus lacks lower the score but never fail; an empty query finds nothing', () => {
    const builder = new TermIndexBuilder();
    builder.add(new Map([[4, 1], [5, 1]]));
    builder.add(new Map([[6, 1]]));
    const index = builder.build();
    const known = index.search(index.vector(new Map([[4, 1], [5, 1]])), 1)[0].score;
    const diluted = index.search(index.vector(new Map([[4, 1], [5, 1], [99, 1]])), 1)[0].score;
    assert.ok(Math.abs(known - 1) < 1e-9);
    assert.ok(diluted < known && diluted > 0);
    assert.deepEqual(index.search(index.vector(new Map()), 5), []);
    assert.deepEqual(index.search(index.vector(new Map([[99, 2]])), 5), []);
    assert.deepEqual(new TermIndexBuilder().build().search(index.vector(new Map([[6, 1]])), 5), []);
  });

  it('counts above 255 are clamped, not wrapped', () => {
    const builder = new TermIndexBuilder();
    builder.add(new Map([[2, 1000], [7, 1]]));
    builder.add(new Map([[2, 1]]));
    const index = builder.build();
    const [best] = index.search(index.vector(new Map([[2, 1]])), 1);
    assert.equal(best.doc, 1, 'the document that is all 企业 comes first');
  });

  it('TopK keeps the k best with ties broken by the lower document number', () => {
    const top = new TopK(3);
    [[5, 0.2], [1, 0.9], [9, 0.5], [2, 0.5], [7, 0.1], [3, 0.5]].forEach(([doc, score]) => top.offer(doc, score));
    assert.deepEqual(top.sorted(), [{ doc: 1, score: 0.9 }, { doc: 2, score: 0.5 }, { doc: 3, score: 0.5 }]);
    const none = new TopK(0);
    none.offer(1, 1);
    assert.deepEqual(none.sorted(), []);
  });
});

describe('precedents: term ids', () => {
  it('numbers keys densely in first-seen order, through growth, for every kind of key', () => {
    const ids = new TermIds(4);
    const keys = [-1, -50, 0, 0x4e00, 65536, 1_023_999_999, ...Array.from({ length: 5000 }, (_, i) => 70000 + i * 7919)];
    keys.forEach((key, i) => assert.equal(ids.getOrAdd(key), i));
    keys.forEach((key, i) => assert.equal(ids.get(key), i));
    assert.equal(ids.size, keys.length);
    assert.equal(ids.get(12345), -1);
    assert.equal(ids.getOrAdd(-1), 0, 'a known key keeps its number');
  });
});

describe('precedents: forward index', () => {
  it('reads back every document\'s terms: dot products equal a direct sum, for large term numbers and counts', () => {
    const rand = prng(5);
    const builder = new ForwardIndexBuilder();
    const docs: Array<Map<number, number>> = [];
    for (let d = 0; d < 500; d++) {
      const doc = new Map<number, number>();
      const size = Math.floor(rand() * 40);
      for (let i = 0; i < size; i++) doc.set(Math.floor(rand() * (d % 2 ? 300 : 5_000_000)), 1 + Math.floor(rand() * 255));
      docs.push(doc);
      builder.add([...doc.keys()], [...doc.values()], doc.size);
    }
    const index = builder.build();
    const tf = Float64Array.from({ length: 256 }, (_, i) => i);
    for (let q = 0; q < 50; q++) {
      const query = new Map<number, number>();
      for (const [term] of docs[q * 10]) if (rand() < 0.7) query.set(term, rand());
      for (let i = 0; i < 20; i++) query.set(Math.floor(rand() * 300), rand());
      const terms = Int32Array.from([...query.keys()].sort((a, b) => a - b));
      const weights = Float64Array.from(terms, (t) => query.get(t)!);
      docs.forEach((doc, d) => {
        let expected = 0;
        for (const [term, count] of doc) expected += (query.get(term) ?? 0) * count;
        assert.ok(Math.abs(index.dot(d, terms, weights, tf) - expected) < 1e-9, `query ${q}, doc ${d}`);
      });
    }
  });
});
