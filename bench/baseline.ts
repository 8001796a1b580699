/**
 * Baseline for the precedent evaluation (bench/eval.ts): plain character-bigram TF-IDF with cosine
 * similarity over the raw clause text. No boilerplate stripping, no amount/department blanking, no
 * title, no sublinear tf — just what a first attempt would do, so the engine's own choices
 * (server/src/core/precedents/terms.ts) can be measured against it.
 */

export interface BaselineEntry {
  readonly id: string;
  readonly city: string;
  readonly text: string;
}

export interface BaselineHit {
  readonly id: string;
  readonly score: number;
}

export interface BaselineIndex {
  query(text: string, options: { city?: string; top: number }): BaselineHit[];
}

function bigrams(text: string): Map<string, number> {
  const chars = [...text.replace(/\s+/g, '')];
  const counts = new Map<string, number>();
  for (let i = 0; i + 1 < chars.length; i++) {
    const term = chars[i] + chars[i + 1];
    counts.set(term, (counts.get(term) ?? 0) + 1);
  }
  return counts;
}

export function buildBaselineIndex(entries: readonly BaselineEntry[]): BaselineIndex {
  const counts = entries.map((e) => bigrams(e.text));
  const df = new Map<string, number>();
  for (const terms of counts) for (const term of terms.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const n = Math.max(1, entries.length);
  const idf = (term: string): number => Math.log(n / (df.get(term) ?? n)) || 0;
  const vector = (terms: Map<string, number>): Map<string, number> => {
    const v = new Map<string, number>();
    let norm = 0;
    for (const [term, count] of terms) {
      const w = count * idf(term);
      if (w === 0) continue;
      v.set(term, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [term, w] of v) v.set(term, w / norm);
    return v;
  };
  const vectors = counts.map(vector);
  return {
    query(text, { city, top }) {
      const q = vector(bigrams(text));
      const hits: BaselineHit[] = [];
      vectors.forEach((v, i) => {
        if (city !== undefined && entries[i].city === city) return;
        let score = 0;
        for (const [term, w] of q) {
          const other = v.get(term);
          if (other !== undefined) score += w * other;
        }
        if (score > 0) hits.push({ id: entries[i].id, score });
      });
      return hits.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1)).slice(0, top);
    },
  };
}
