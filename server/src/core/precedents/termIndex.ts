/**
 * A compact inverted index for cosine similarity of TF-IDF vectors, built to hold a national corpus
 * (a million clauses) in memory: documents are added in segments of at most 65536, each segment's
 * postings are two typed arrays (a 16-bit local document number and an 8-bit term count, 3 bytes a
 * posting), a forward index keeps each document's terms (./forwardIndex), and IDF and document norms
 * are computed once everything is in.
 *
 * On a corpus under `Pruning.from` documents a query walks every posting of its terms: the exact
 * ranking. On a larger one it walks only its rarest terms' postings, within a budget (where the
 * similarity is decided), keeps the best candidates by that partial score and scores them exactly
 * from the forward index. A bound on what the unwalked terms could add to any other document
 * (Cauchy–Schwarz, and each term's largest weight) proves the top k when it can; otherwise more
 * candidates are taken, and at the end either every list is walked (`exhaustive`) or — the default,
 * since thousands of near-copies of one clause can tie on a national corpus — the best candidates
 * are kept, each with its exact cosine (`lastSearch.exact` says which). MaxScore, Turtle & Flood 1995.
 *
 * Weights: w(t, d) = (1 + ln tf) · idf(t) · boost(t), idf(t) = ln(1 + N / df); score = cosine.
 */

import { ForwardIndex, ForwardIndexBuilder } from './forwardIndex';
import { TermIds } from './termIds';
import type { TermIdsData } from './termIds';

/** Terms of one text with their counts; `boost` gives a term's class weight (1 for plain terms). */
export type TermCounts = ReadonlyMap<number, number>;

export interface TermIndexOptions {
  /** Terms are integers (see ./terms for how text becomes them). */
  readonly boost?: (term: number) => number;
  /** Documents a segment holds (≤ 65536; smaller in tests). */
  readonly segmentSize?: number;
  readonly pruning?: Pruning;
}

/** When a query walks only the short posting lists (see the header). */
export interface Pruning {
  /** Corpora smaller than this walk every list. */
  readonly from: number;
  /** Postings a query walks before it leaves the remaining (commonest) terms to look-ups … */
  readonly budget: number;
  /** … though a term in this many documents or fewer is always walked. */
  readonly alwaysWalk: number;
  /** Candidates taken per group in successive rounds while the bound cannot prove the top k. */
  readonly rounds: readonly number[];
  /**
   * When no round proves it: walk every list (exact, slow when thousands of near-copies tie), or
   * keep the last round's candidates, ranked by their exact cosine.
   */
  readonly exhaustive: boolean;
}

export const DEFAULT_PRUNING: Pruning = { from: 20000, budget: 50_000, alwaysWalk: 100, rounds: [64], exhaustive: false };

export interface ScoredDoc {
  readonly doc: number;
  readonly score: number;
}

/** A query: normalised weights of the terms the corpus knows, and the query's full norm. */
export interface QueryVector {
  readonly terms: Int32Array;
  readonly weights: Float64Array;
}

export interface Segment {
  readonly base: number;
  readonly size: number;
  /** offsets[termId] .. offsets[termId + 1] index into docs/counts; terms added later have none. */
  readonly offsets: Int32Array;
  readonly docs: Uint16Array;
  readonly counts: Uint8Array;
}

const MAX_SEGMENT = 65536;
const EMPTY_SEGMENT: Segment = { base: 0, size: 0, offsets: new Int32Array(1), docs: new Uint16Array(0), counts: new Uint8Array(0) };

export class TermIndexBuilder {
  private readonly vocabulary = new TermIds();
  private termKeys = new Int32Array(1024);
  private df = new Int32Array(1024);
  private readonly segments: Segment[] = [];
  private readonly segmentSize: number;
  // The open segment: flat (term, local doc, count) triples.
  private pendingTerms = new Int32Array(1 << 16);
  private pendingDocs = new Uint16Array(1 << 16);
  private pendingCounts = new Uint8Array(1 << 16);
  private pending = 0;
  private openSize = 0;
  private docCount = 0;
  private readonly forward = new ForwardIndexBuilder();
  private docTerms = new Int32Array(256);
  private docCounts = new Uint8Array(256);

  constructor(private readonly options: TermIndexOptions = {}) {
    this.segmentSize = Math.min(MAX_SEGMENT, Math.max(1, options.segmentSize ?? MAX_SEGMENT));
  }

  /** Adds a document; returns its number (0, 1, 2 …). */
  add(terms: TermCounts): number {
    const keys = new Int32Array(terms.size);
    const counts = new Float64Array(terms.size);
    let i = 0;
    for (const [term, count] of terms) {
      keys[i] = term;
      counts[i++] = count;
    }
    return this.addTerms(keys, counts, 0, i);
  }

  /** Adds a document whose terms are keys[from … to) with counts[from … to) (packed, as workers send them). */
  addTerms(keys: ArrayLike<number>, counts: ArrayLike<number>, from: number, to: number): number {
    const local = this.openSize;
    if (to - from > this.docTerms.length) {
      this.docTerms = new Int32Array((to - from) * 2);
      this.docCounts = new Uint8Array((to - from) * 2);
    }
    let size = 0;
    for (let i = from; i < to; i++) {
      const count = counts[i];
      if (count <= 0) continue;
      const id = this.termId(keys[i]);
      const clamped = Math.max(1, Math.min(255, Math.round(count)));
      this.df[id]++;
      if (this.pending === this.pendingTerms.length) this.growPending();
      this.pendingTerms[this.pending] = id;
      this.pendingDocs[this.pending] = local;
      this.pendingCounts[this.pending] = clamped;
      this.pending++;
      this.docTerms[size] = id;
      this.docCounts[size++] = clamped;
    }
    this.forward.add(this.docTerms, this.docCounts, size);
    this.openSize++;
    const doc = this.docCount++;
    if (this.openSize === this.segmentSize) this.closeSegment();
    return doc;
  }

  build(): TermIndex {
    this.closeSegment();
    const n = this.docCount;
    const vocabularySize = this.vocabulary.size;
    const idf = new Float64Array(vocabularySize);
    const boost = new Float64Array(vocabularySize);
    for (let t = 0; t < vocabularySize; t++) {
      idf[t] = Math.log(1 + n / this.df[t]);
      boost[t] = this.options.boost ? this.options.boost(this.termKeys[t]) : 1;
    }
    // Document norms, from the postings: one pass over every segment.
    const squares = new Float64Array(n);
    for (const segment of this.segments) {
      for (let t = 0; t + 1 < segment.offsets.length; t++) {
        const w = idf[t] * boost[t];
        for (let p = segment.offsets[t]; p < segment.offsets[t + 1]; p++) {
          const v = TF_WEIGHT[segment.counts[p]] * w;
          squares[segment.base + segment.docs[p]] += v * v;
        }
      }
    }
    const norms = new Float64Array(n);
    for (let d = 0; d < n; d++) norms[d] = Math.sqrt(squares[d]) || 1;
    // The most a term can add to any cosine, per unit of query weight: the bound that prunes queries.
    const maxImpact = new Float64Array(vocabularySize);
    for (const segment of this.segments) {
      for (let t = 0; t + 1 < segment.offsets.length; t++) {
        let max = maxImpact[t];
        for (let p = segment.offsets[t]; p < segment.offsets[t + 1]; p++) {
          const v = TF_WEIGHT[segment.counts[p]] / norms[segment.base + segment.docs[p]];
          if (v > max) max = v;
        }
        maxImpact[t] = max;
      }
    }
    const pruning = this.options.pruning ?? DEFAULT_PRUNING;
    // On a large corpus a list longer than the walking budget is never walked (candidates are scored
    // from the forward index), unless every list may be: keep only the others.
    const compact = n >= pruning.from && !pruning.exhaustive;
    const segments: Segment[] = [];
    for (let i = 0; i < this.segments.length; i++) {
      segments.push(compact ? withoutLongLists(this.segments[i], this.df, pruning.budget) : this.segments[i]);
      if (compact) this.segments[i] = EMPTY_SEGMENT; // let the full lists go one by one: peak memory
    }
    this.segments.length = 0; // the builder is spent
    this.pendingTerms = new Int32Array(0);
    this.pendingDocs = new Uint16Array(0);
    this.pendingCounts = new Uint8Array(0);
    return new TermIndex({
      vocabulary: this.vocabulary, df: this.df.slice(0, vocabularySize), idf, boost, norms, maxImpact,
      segments, segmentSize: this.segmentSize, forward: this.forward.build(), boostOf: this.options.boost ?? (() => 1), pruning,
    });
  }

  private termId(term: number): number {
    const id = this.vocabulary.getOrAdd(term);
    if (id === this.df.length) {
      this.df = grown(this.df);
      this.termKeys = grown(this.termKeys);
    }
    this.termKeys[id] = term;
    return id;
  }

  private growPending(): void {
    const size = Math.max(1 << 16, this.pendingTerms.length * 2);
    const terms = new Int32Array(size);
    terms.set(this.pendingTerms);
    const docs = new Uint16Array(size);
    docs.set(this.pendingDocs);
    const counts = new Uint8Array(size);
    counts.set(this.pendingCounts);
    this.pendingTerms = terms;
    this.pendingDocs = docs;
    this.pendingCounts = counts;
  }

  /** Sorts the open segment's triples by term (counting sort) into its posting arrays. */
  private closeSegment(): void {
    if (this.openSize === 0) return;
    const vocabularySize = this.vocabulary.size;
    const offsets = new Int32Array(vocabularySize + 1);
    for (let i = 0; i < this.pending; i++) offsets[this.pendingTerms[i] + 1]++;
    for (let t = 0; t < vocabularySize; t++) offsets[t + 1] += offsets[t];
    const fill = offsets.slice(0, vocabularySize);
    const docs = new Uint16Array(this.pending);
    const counts = new Uint8Array(this.pending);
    for (let i = 0; i < this.pending; i++) {
      const at = fill[this.pendingTerms[i]]++;
      docs[at] = this.pendingDocs[i];
      counts[at] = this.pendingCounts[i];
    }
    this.segments.push({ base: this.docCount - this.openSize, size: this.openSize, offsets, docs, counts });
    this.pending = 0;
    this.openSize = 0;
  }
}

/** A segment without the postings of terms in more than `maxDf` documents. */
function withoutLongLists(segment: Segment, df: Int32Array, maxDf: number): Segment {
  const terms = segment.offsets.length - 1;
  const offsets = new Int32Array(terms + 1);
  let kept = 0;
  for (let t = 0; t < terms; t++) {
    offsets[t] = kept;
    if (df[t] <= maxDf) kept += segment.offsets[t + 1] - segment.offsets[t];
  }
  offsets[terms] = kept;
  const docs = new Uint16Array(kept);
  const counts = new Uint8Array(kept);
  for (let t = 0; t < terms; t++) {
    if (df[t] > maxDf) continue;
    docs.set(segment.docs.subarray(segment.offsets[t], segment.offsets[t + 1]), offsets[t]);
    counts.set(segment.counts.subarray(segment.offsets[t], segment.offsets[t + 1]), offsets[t]);
  }
  return { base: segment.base, size: segment.size, offsets, docs, counts };
}

function grown(from: Int32Array): Int32Array<ArrayBuffer> {
  const to = new Int32Array(from.length * 2);
  to.set(from);
  return to;
}

/** 1 + ln(tf), by count. */
const TF_WEIGHT = Float64Array.from({ length: 256 }, (_, tf) => (tf === 0 ? 0 : 1 + Math.log(tf)));

/** A built index as plain typed arrays: what a build-time snapshot stores (`TermIndex.toData`). */
export interface TermIndexData {
  readonly vocabulary: TermIdsData;
  readonly df: Int32Array;
  readonly idf: Float64Array;
  readonly boost: Float64Array;
  readonly norms: Float64Array;
  readonly maxImpact: Float64Array;
  readonly segments: readonly Segment[];
  readonly segmentSize: number;
  readonly forward: { readonly bytes: Uint8Array; readonly starts: Float64Array };
  readonly pruning: Pruning;
}

/** The same in memory: the vocabulary and forward index as objects, and the boost as a function. */
interface IndexParts extends Omit<TermIndexData, 'vocabulary' | 'forward'> {
  readonly vocabulary: TermIds;
  readonly forward: ForwardIndex;
  readonly boostOf: (term: number) => number;
}

/** Which group (0 … groups − 1) a document's hits go to, or −1 to leave it out. */
export type GroupOf = (doc: number) => number;

/** How the last search went, for benchmarks: rounds of candidates, whether it walked every list, and whether the top k is proven exact. */
export interface SearchStats {
  rounds: number;
  walkedAll: boolean;
  exact: boolean;
  /** Postings walked, documents touched, candidates scored from the forward index. */
  postings: number;
  touched: number;
  scored: number;
}

export class TermIndex {
  readonly size: number;
  readonly lastSearch: SearchStats = { rounds: 0, walkedAll: false, exact: true, postings: 0, touched: 0, scored: 0 };
  private readonly scores: Float64Array;
  private touched: Int32Array;

  constructor(private readonly parts: IndexParts) {
    this.size = parts.norms.length;
    this.scores = new Float64Array(this.size);
    this.touched = new Int32Array(Math.min(this.size, 1024));
  }

  toData(): TermIndexData {
    const p = this.parts;
    return {
      vocabulary: p.vocabulary.toData(), df: p.df, idf: p.idf, boost: p.boost, norms: p.norms, maxImpact: p.maxImpact,
      segments: p.segments, segmentSize: p.segmentSize, forward: { bytes: p.forward.bytes, starts: p.forward.starts }, pruning: p.pruning,
    };
  }

  /** An index from its data; `boostOf` weighs query terms the corpus lacks, as at build time. */
  static from(data: TermIndexData, boostOf: (term: number) => number): TermIndex {
    return new TermIndex({
      ...data, vocabulary: TermIds.from(data.vocabulary), forward: new ForwardIndex(data.forward.bytes, data.forward.starts), boostOf,
    });
  }

  /** Number of postings, for memory reports. */
  get postings(): number {
    return this.parts.segments.reduce((n, s) => n + s.docs.length, 0);
  }

  /** The unit-length query vector of some terms; terms the corpus lacks count in the norm only. */
  vector(terms: TermCounts): QueryVector {
    const { vocabulary, idf, boost, boostOf } = this.parts;
    const ids: number[] = [];
    const weights: number[] = [];
    let norm = 0;
    for (const [term, count] of terms) {
      if (count <= 0) continue;
      const id = vocabulary.get(term);
      const tf = 1 + Math.log(count);
      // An unseen term is as rare as a term can be: it makes the query less similar to everything.
      const w = tf * (id < 0 ? Math.log(1 + this.size / 0.5) * boostOf(term) : idf[id] * boost[id]);
      norm += w * w;
      if (id >= 0) {
        ids.push(id);
        weights.push(w);
      }
    }
    norm = Math.sqrt(norm) || 1;
    return { terms: Int32Array.from(ids), weights: Float64Array.from(weights, (w) => w / norm) };
  }

  /**
   * The best `k` documents by cosine with `query` among those `accept` takes (all when absent),
   * each with a score ≥ `minScore` and > 0, best first (ties by document number).
   */
  search(query: QueryVector, k: number, accept?: (doc: number) => boolean, minScore = 0): ScoredDoc[] {
    return this.searchGroups(query, k, 1, accept ? (doc) => (accept(doc) ? 0 : -1) : () => 0, minScore)[0];
  }

  /** The best `k` of each group at once (one walk of the postings for all). */
  searchGroups(query: QueryVector, k: number, groups: number, groupOf: GroupOf, minScore = 0): ScoredDoc[][] {
    Object.assign(this.lastSearch, { rounds: 0, walkedAll: false, exact: true, postings: 0, touched: 0, scored: 0 });
    const every = Array.from({ length: query.terms.length }, (_, q) => q);
    if (this.size < this.parts.pruning.from) return this.walkAll(query, every, k, groups, groupOf, minScore);
    // Rarest terms first, as many as the budget of postings allows; the rest are the long lists.
    const { df, maxImpact } = this.parts;
    every.sort((a, b) => df[query.terms[a]] - df[query.terms[b]]);
    const short: number[] = [];
    const long: number[] = [];
    let walked = 0;
    for (const q of every) {
      const postings = df[query.terms[q]];
      if (long.length === 0 && (postings <= Math.min(this.parts.pruning.alwaysWalk, this.parts.pruning.budget) || walked + postings <= this.parts.pruning.budget)) {
        short.push(q);
        walked += postings;
      } else long.push(q);
    }
    // The most the long lists can add to any document's cosine: term by term, and as a whole
    // (Cauchy–Schwarz: at most the query's weight in those terms, the document being of unit length).
    let byTerm = 0;
    let mass = 0;
    for (const q of long) {
      byTerm += this.contribution(query, q) * maxImpact[query.terms[q]];
      mass += query.weights[q] * query.weights[q];
    }
    const bound = Math.min(byTerm, Math.sqrt(mass));
    const touched = this.accumulate(query, short, 0);
    this.lastSearch.touched = touched;
    // Candidates are scored on all their terms, from the forward index: the query's terms in term order.
    const byTermId = Array.from({ length: query.terms.length }, (_, q) => q).sort((a, b) => query.terms[a] - query.terms[b]);
    const exact = { terms: Int32Array.from(byTermId, (q) => query.terms[q]), weights: Float64Array.from(byTermId, (q) => this.contribution(query, q)) };
    const floor = Math.max(minScore, Number.MIN_VALUE);
    let results: ScoredDoc[][] = [];
    for (const round of this.parts.pruning.rounds) {
      const candidates = Math.max(round, 4 * k);
      this.lastSearch.rounds++;
      results = [];
      let proven = true;
      for (const chosen of this.bestPartials(touched, candidates, groups, groupOf)) {
        const best = new TopK(k);
        for (const doc of chosen.docs) {
          const score = this.parts.forward.dot(doc, exact.terms, exact.weights, TF_WEIGHT) / this.parts.norms[doc];
          this.lastSearch.scored++;
          if (score >= floor) best.offer(doc, score);
        }
        const top = best.sorted();
        // Any other document: its partial (0 if untouched) plus the most the long lists could add.
        const threshold = top.length === k ? top[k - 1].score : floor;
        if (chosen.nextPartial + bound >= threshold) proven = false;
        results.push(top);
      }
      if (proven) {
        this.reset(touched);
        return results;
      }
    }
    if (!this.parts.pruning.exhaustive && results.length > 0) {
      this.lastSearch.exact = false;
      this.reset(touched);
      return results;
    }
    // The bound could not prove the top k: walk the long lists too (documents keep their partials).
    this.lastSearch.walkedAll = true;
    return this.collect(this.accumulate(query, long, touched), k, groups, groupOf, minScore);
  }

  /**
   * Per group, the `count` touched documents with the best partial cosine, and the best partial
   * left out (0 when none is: untouched documents have 0).
   */
  private bestPartials(touched: number, count: number, groups: number, groupOf: GroupOf): Array<{ docs: number[]; nextPartial: number }> {
    const heaps = Array.from({ length: groups }, () => new TopK(count + 1));
    // A partial at or below a full heap's worst cannot get in: most documents stop at this test.
    const worst = new Float64Array(groups).fill(-Infinity);
    const { norms } = this.parts;
    const scores = this.scores;
    const list = this.touched;
    for (let i = 0; i < touched; i++) {
      const doc = list[i];
      const partial = scores[doc] / norms[doc];
      if (partial < worst[0] && groups === 1) continue;
      const g = groupOf(doc);
      if (g < 0 || partial < worst[g]) continue;
      heaps[g].offer(doc, partial);
      worst[g] = heaps[g].worst();
    }
    return heaps.map((heap) => {
      const sorted = heap.sorted();
      const next = sorted.length > count ? sorted.pop()!.score : 0;
      return { docs: sorted.map((h) => h.doc), nextPartial: next };
    });
  }

  /** query weight × idf × boost of the query's q-th term. */
  private contribution(query: QueryVector, q: number): number {
    const t = query.terms[q];
    return query.weights[q] * this.parts.idf[t] * this.parts.boost[t];
  }

  private walkAll(query: QueryVector, terms: readonly number[], k: number, groups: number, groupOf: GroupOf, minScore: number): ScoredDoc[][] {
    this.lastSearch.walkedAll = true;
    return this.collect(this.accumulate(query, terms, 0), k, groups, groupOf, minScore);
  }

  /** The best k per group of the first `touched` documents' accumulated scores; clears them. */
  private collect(touched: number, k: number, groups: number, groupOf: GroupOf, minScore: number): ScoredDoc[][] {
    const heaps = Array.from({ length: groups }, () => new TopK(k));
    for (let i = 0; i < touched; i++) {
      const doc = this.touched[i];
      const score = this.scores[doc] / this.parts.norms[doc];
      this.scores[doc] = 0;
      if (!(score > 0) || score < minScore) continue;
      const g = groupOf(doc);
      if (g >= 0) heaps[g].offer(doc, score);
    }
    return heaps.map((h) => h.sorted());
  }

  private reset(touched: number): void {
    for (let i = 0; i < touched; i++) this.scores[this.touched[i]] = 0;
  }

  /**
   * Adds query weight × document weight of the terms numbered in `terms` into `scores`, recording
   * newly touched documents after the first `touched`; returns the new count.
   */
  private accumulate(query: QueryVector, terms: readonly number[], touched: number): number {
    const { df, segments } = this.parts;
    const weights = terms.map((q) => this.contribution(query, q));
    for (const q of terms) this.lastSearch.postings += df[query.terms[q]];
    const scores = this.scores;
    let list = this.touched;
    // Segment by segment, so the scores being added to stay in cache (a segment's are 512 KB).
    for (const segment of segments) {
      const { offsets, docs, counts, base } = segment;
      for (let i = 0; i < terms.length; i++) {
        const t = query.terms[terms[i]];
        const qw = weights[i];
        if (!(qw > 0) || t + 1 >= offsets.length) continue;
        for (let p = offsets[t], end = offsets[t + 1]; p < end; p++) {
          const doc = base + docs[p];
          const before = scores[doc];
          if (before === 0) {
            if (touched === list.length) list = this.growTouched();
            list[touched++] = doc;
          }
          scores[doc] = before + qw * TF_WEIGHT[counts[p]];
        }
      }
    }
    return touched;
  }

  private growTouched(): Int32Array {
    const grown = new Int32Array(Math.min(this.size, this.touched.length * 2));
    grown.set(this.touched);
    this.touched = grown;
    return grown;
  }
}

/** A bounded min-heap keeping the k best (score, then lower document number). */
export class TopK {
  private readonly docs: number[] = [];
  private readonly scores: number[] = [];

  constructor(private readonly k: number) {}

  offer(doc: number, score: number): void {
    if (this.k <= 0) return;
    if (this.docs.length < this.k) {
      this.docs.push(doc);
      this.scores.push(score);
      this.up(this.docs.length - 1);
    } else if (this.better(doc, score, this.docs[0], this.scores[0])) {
      this.docs[0] = doc;
      this.scores[0] = score;
      this.down(0);
    }
  }

  /** The lowest score kept once full (−∞ before): an offer below it is refused. */
  worst(): number {
    return this.docs.length < this.k ? -Infinity : this.scores[0];
  }

  sorted(): ScoredDoc[] {
    return this.docs.map((doc, i) => ({ doc, score: this.scores[i] }))
      .sort((a, b) => b.score - a.score || a.doc - b.doc);
  }

  private better(docA: number, scoreA: number, docB: number, scoreB: number): boolean {
    return scoreA > scoreB || (scoreA === scoreB && docA < docB);
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.better(this.docs[parent], this.scores[parent], this.docs[i], this.scores[i])) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(i: number): void {
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let worst = i;
      if (left < this.docs.length && this.better(this.docs[worst], this.scores[worst], this.docs[left], this.scores[left])) worst = left;
      if (right < this.docs.length && this.better(this.docs[worst], this.scores[worst], this.docs[right], this.scores[right])) worst = right;
      if (worst === i) return;
      this.swap(i, worst);
      i = worst;
    }
  }

  private swap(a: number, b: number): void {
    [this.docs[a], this.docs[b]] = [this.docs[b], this.docs[a]];
    [this.scores[a], this.scores[b]] = [this.scores[b], this.scores[a]];
  }
}
