/**
 * A compact inverted index for cosine similarity of TF-IDF vectors, built to hold a national corpus
 * (a million clauses) in memory: documents are added in segments of at most 65536, each segment's
 * postings are two typed arrays (a 16-bit local document number and an 8-bit term count, 3 bytes a
 * posting), and IDF and document norms are computed once everything is in. A query walks the
 * postings of its terms, most informative first, and skips terms so common (df > N/5 on large
 * corpora) that they cannot change a ranking, which keeps query time flat as the corpus grows.
 *
 * Weights: w(t, d) = (1 + ln tf) · idf(t) · boost(t), idf(t) = ln(1 + N / df); score = cosine.
 */

/** Terms of one text with their counts; `boost` gives a term's class weight (1 for plain terms). */
export type TermCounts<K> = ReadonlyMap<K, number>;

export interface TermIndexOptions<K> {
  readonly boost?: (term: K) => number;
  /** Documents a segment holds (≤ 65536; smaller in tests). */
  readonly segmentSize?: number;
}

export interface ScoredDoc {
  readonly doc: number;
  readonly score: number;
}

/** A query: normalised weights of the terms the corpus knows, and the query's full norm. */
export interface QueryVector {
  readonly terms: Int32Array;
  readonly weights: Float64Array;
}

interface Segment {
  readonly base: number;
  readonly size: number;
  /** offsets[termId] .. offsets[termId + 1] index into docs/counts; terms added later have none. */
  readonly offsets: Int32Array;
  readonly docs: Uint16Array;
  readonly counts: Uint8Array;
}

const MAX_SEGMENT = 65536;
/** Terms in more than this share of documents are skipped by queries on large corpora. */
const COMMON_SHARE = 0.2;
/** Below this many documents every term is walked: small corpora need the exact cosine. */
const PRUNE_FROM = 20000;

export class TermIndexBuilder<K> {
  private readonly vocabulary = new Map<K, number>();
  private readonly termNames: K[] = [];
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

  constructor(private readonly options: TermIndexOptions<K> = {}) {
    this.segmentSize = Math.min(MAX_SEGMENT, Math.max(1, options.segmentSize ?? MAX_SEGMENT));
  }

  /** Adds a document; returns its number (0, 1, 2 …). */
  add(terms: TermCounts<K>): number {
    const local = this.openSize;
    for (const [term, count] of terms) {
      if (count <= 0) continue;
      const id = this.termId(term);
      this.df[id]++;
      if (this.pending === this.pendingTerms.length) this.growPending();
      this.pendingTerms[this.pending] = id;
      this.pendingDocs[this.pending] = local;
      this.pendingCounts[this.pending] = Math.min(255, Math.round(count));
      this.pending++;
    }
    this.openSize++;
    const doc = this.docCount++;
    if (this.openSize === this.segmentSize) this.closeSegment();
    return doc;
  }

  build(): TermIndex<K> {
    this.closeSegment();
    const n = this.docCount;
    const vocabularySize = this.termNames.length;
    const idf = new Float64Array(vocabularySize);
    const boost = new Float64Array(vocabularySize);
    for (let t = 0; t < vocabularySize; t++) {
      idf[t] = Math.log(1 + n / this.df[t]);
      boost[t] = this.options.boost ? this.options.boost(this.termNames[t]) : 1;
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
    return new TermIndex(this.vocabulary, this.df.slice(0, vocabularySize), idf, boost, norms, this.segments, this.options.boost ?? (() => 1));
  }

  private termId(term: K): number {
    let id = this.vocabulary.get(term);
    if (id === undefined) {
      id = this.termNames.length;
      this.vocabulary.set(term, id);
      this.termNames.push(term);
      if (id === this.df.length) {
        const grown = new Int32Array(this.df.length * 2);
        grown.set(this.df);
        this.df = grown;
      }
    }
    return id;
  }

  private growPending(): void {
    const size = this.pendingTerms.length * 2;
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
    const vocabularySize = this.termNames.length;
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
    if (this.pendingTerms.length > 1 << 22) {
      // Do not keep a large buffer around once the corpus is in.
      this.pendingTerms = new Int32Array(1 << 16);
      this.pendingDocs = new Uint16Array(1 << 16);
      this.pendingCounts = new Uint8Array(1 << 16);
    }
  }
}

/** 1 + ln(tf), by count. */
const TF_WEIGHT = Float64Array.from({ length: 256 }, (_, tf) => (tf === 0 ? 0 : 1 + Math.log(tf)));

export class TermIndex<K> {
  readonly size: number;
  private scores: Float64Array;
  private touched: Int32Array;

  constructor(
    private readonly vocabulary: ReadonlyMap<K, number>,
    private readonly df: Int32Array,
    private readonly idf: Float64Array,
    private readonly boosts: Float64Array,
    private readonly norms: Float64Array,
    private readonly segments: readonly Segment[],
    private readonly boostOf: (term: K) => number,
  ) {
    this.size = norms.length;
    this.scores = new Float64Array(this.size);
    this.touched = new Int32Array(Math.min(this.size, 1024));
  }

  /** Number of postings, for memory reports. */
  get postings(): number {
    return this.segments.reduce((n, s) => n + s.docs.length, 0);
  }

  /** The unit-length query vector of some terms; terms the corpus lacks count in the norm only. */
  vector(terms: TermCounts<K>): QueryVector {
    const ids: number[] = [];
    const weights: number[] = [];
    let norm = 0;
    for (const [term, count] of terms) {
      if (count <= 0) continue;
      const id = this.vocabulary.get(term);
      const tf = 1 + Math.log(count);
      // An unseen term is as rare as a term can be: it makes the query less similar to everything.
      const w = tf * (id === undefined ? Math.log(1 + this.size / 0.5) * this.boostOf(term) : this.idf[id] * this.boosts[id]);
      norm += w * w;
      if (id !== undefined) {
        ids.push(id);
        weights.push(w);
      }
    }
    norm = Math.sqrt(norm) || 1;
    // Most informative terms first, so pruning (large corpora) drops the least.
    const order = ids.map((_, i) => i).sort((a, b) => weights[b] - weights[a]);
    return { terms: Int32Array.from(order, (i) => ids[i]), weights: Float64Array.from(order, (i) => weights[i] / norm) };
  }

  /**
   * The best `k` documents by cosine with `query` among those `accept` takes (all when absent),
   * each with a score ≥ `minScore`, best first (ties by document number).
   */
  search(query: QueryVector, k: number, accept?: (doc: number) => boolean, minScore = 0): ScoredDoc[] {
    const best = new TopK(k);
    this.forEachScore(query, minScore, (doc, score) => {
      if (!accept || accept(doc)) best.offer(doc, score);
    });
    return best.sorted();
  }

  /** Calls `visit` with every document whose cosine with `query` is positive and ≥ `minScore`. */
  forEachScore(query: QueryVector, minScore: number, visit: (doc: number, score: number) => void): void {
    const touched = this.accumulate(query);
    for (let i = 0; i < touched; i++) {
      const doc = this.touched[i];
      const score = this.scores[doc] / this.norms[doc];
      this.scores[doc] = 0;
      if (score > 0 && score >= minScore) visit(doc, score);
    }
  }

  /** Adds query-weight × document-weight into `scores`; returns how many documents it touched. */
  private accumulate(query: QueryVector): number {
    const prune = this.size >= PRUNE_FROM ? COMMON_SHARE * this.size : Infinity;
    let touched = 0;
    for (let q = 0; q < query.terms.length; q++) {
      const t = query.terms[q];
      if (this.df[t] > prune) continue;
      const qw = query.weights[q] * this.idf[t] * this.boosts[t];
      if (!(qw > 0)) continue;
      for (const segment of this.segments) {
        if (t + 1 >= segment.offsets.length) continue;
        const end = segment.offsets[t + 1];
        for (let p = segment.offsets[t]; p < end; p++) {
          const doc = segment.base + segment.docs[p];
          if (this.scores[doc] === 0) {
            if (touched === this.touched.length) this.growTouched();
            this.touched[touched++] = doc;
          }
          this.scores[doc] += qw * TF_WEIGHT[segment.counts[p]];
        }
      }
    }
    return touched;
  }

  private growTouched(): void {
    const grown = new Int32Array(Math.min(this.size, this.touched.length * 2));
    grown.set(this.touched);
    this.touched = grown;
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
