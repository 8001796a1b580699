/** The compact inverted index: exact cosine against a brute-force computation, across segment sizes. */
import * as assert from 'node:assert/strict';
import { prng } from '../bench/fuzzLib';
import { TermIndexBuilder, TopK } from '../server/src/core/precedents/termIndex';

type Doc = Map<string, number>;

function randomDocs(count: number, seed: number): Doc[] {
  const rand = prng(seed);
  const vocabulary = Array.from({ length: 60 }, (_, i) => `t${i}`);
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

const boost = (term: string): number => (term.endsWith('7') ? 3 : 1);

/** The cosine of two count vectors with the index's weighting, computed the slow way. */
function bruteCosine(docs: readonly Doc[], a: Doc, b: Doc): number {
  const df = new Map<string, number>();
  for (const d of docs) for (const t of d.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const weight = (d: Doc): Map<string, number> => {
    const w = new Map<string, number>();
    for (const [t, c] of d) w.set(t, (1 + Math.log(c)) * (df.has(t) ? Math.log(1 + docs.length / df.get(t)!) : Math.log(1 + docs.length / 0.5)) * boost(t));
    return w;
  };
  const wa = weight(a);
  const wb = weight(b);
  const norm = (w: Map<string, number>): number => Math.sqrt([...w.values()].reduce((s, x) => s + x * x, 0));
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
        const scores = new Map<number, number>();
        index.forEachScore(index.vector(query), 0, (doc, score) => scores.set(doc, score));
        docs.forEach((d, i) => {
          const expected = bruteCosine(docs, query, d);
          assert.ok(Math.abs((scores.get(i) ?? 0) - expected) < 1e-9, `doc ${i}: ${scores.get(i)} vs ${expected}`);
        });
        assert.ok(Math.abs(scores.get(q)! - 1) < 1e-9, 'a document is identical to itself');
      }
    });
  }

  it('search: the best k, accepted and above minScore, best first, ties by document number', () => {
    const builder = new TermIndexBuilder();
    const same: Doc = new Map([['支持', 1], ['企业', 2]]);
    builder.add(same);
    builder.add(new Map([['其他', 1]]));
    builder.add(same);
    builder.add(new Map([['支持', 1], ['其他', 3]]));
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
    builder.add(new Map([['首台', 1], ['装备', 1]]));
    builder.add(new Map([['人才', 1]]));
    const index = builder.build();
    const known = index.search(index.vector(new Map([['首台', 1], ['装备', 1]])), 1)[0].score;
    const diluted = index.search(index.vector(new Map([['首台', 1], ['装备', 1], ['未见', 1]])), 1)[0].score;
    assert.ok(Math.abs(known - 1) < 1e-9);
    assert.ok(diluted < known && diluted > 0);
    assert.deepEqual(index.search(index.vector(new Map()), 5), []);
    assert.deepEqual(index.search(index.vector(new Map([['未见', 2]])), 5), []);
    assert.deepEqual(new TermIndexBuilder().build().search(index.vector(new Map([['人才', 1]])), 5), []);
  });

  it('counts above 255 are clamped, not wrapped', () => {
    const builder = new TermIndexBuilder();
    builder.add(new Map([['企业', 1000], ['总部', 1]]));
    builder.add(new Map([['企业', 1]]));
    const index = builder.build();
    const [best] = index.search(index.vector(new Map([['企业', 1]])), 1);
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
