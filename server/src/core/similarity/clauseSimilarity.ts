/**
 * Near-duplicate detection between the clauses of one document.
 *
 * Texts are compared as sets of character bigrams after removing what should not make two clauses
 * similar or different: department markers, amounts, rates, digits, punctuation and spaces (a clause
 * copied with 30% → 50% is still a copy). Similarity is the Dice coefficient. Candidate pairs come from
 * prefix filtering (rarest bigrams first), so a 5000-clause draft is not compared pair by pair.
 */
import type { Clause, PolicyDocument } from '../model/types';

export interface ClauseMatch {
  readonly clause: Clause;
  /** The most similar earlier clause. */
  readonly earlier: Clause;
  readonly score: number;
}

const MIN_TOKENS = 4;
const cache = new WeakMap<PolicyDocument, Map<number, ReadonlyMap<Clause, ClauseMatch>>>();

/** For every clause, its most similar earlier clause when the score is at least `threshold`. */
export function bestEarlierMatches(document: PolicyDocument, threshold: number): ReadonlyMap<Clause, ClauseMatch> {
  let byThreshold = cache.get(document);
  if (!byThreshold) {
    byThreshold = new Map();
    cache.set(document, byThreshold);
  }
  let result = byThreshold.get(threshold);
  if (!result) {
    result = computeMatches(document.clauses, threshold);
    byThreshold.set(threshold, result);
  }
  return result;
}

/** The text as compared: markers, amounts and rates blanked, only letters kept. */
export function comparableText(clause: Clause): string {
  const text = clause.text?.value;
  if (!text) return '';
  const blank: Array<[number, number]> = [];
  for (const m of clause.facts.departmentMarkers) blank.push([m.start, m.end]);
  for (const a of clause.facts.amounts) blank.push([a.start, a.end]);
  for (const r of clause.facts.rates) blank.push([r.start, r.end]);
  let kept = text;
  if (blank.length > 0) {
    const chars = text.split('');
    for (const [start, end] of blank) for (let i = start; i < end && i < chars.length; i++) chars[i] = ' ';
    kept = chars.join('');
  }
  // Letters only (CJK and Latin); digits, punctuation and whitespace carry no meaning here.
  return kept.replace(/[^\p{L}]/gu, '');
}

function computeMatches(clauses: readonly Clause[], threshold: number): Map<Clause, ClauseMatch> {
  const vocabulary = new Map<string, number>();
  const sets: Int32Array[] = clauses.map((clause) => {
    const text = comparableText(clause);
    const ids = new Set<number>();
    for (let i = 0; i + 1 < text.length; i++) {
      const gram = text.slice(i, i + 2);
      let id = vocabulary.get(gram);
      if (id === undefined) {
        id = vocabulary.size;
        vocabulary.set(gram, id);
      }
      ids.add(id);
    }
    return Int32Array.from(ids);
  });
  // Global order: rarest bigram first, so prefixes are short and selective.
  const frequency = new Int32Array(vocabulary.size);
  for (const set of sets) for (const id of set) frequency[id]++;
  const rank = new Int32Array(vocabulary.size);
  const order = Array.from({ length: vocabulary.size }, (_, i) => i).sort((a, b) => frequency[a] - frequency[b] || a - b);
  order.forEach((id, position) => { rank[id] = position; });
  const ranked = sets.map((set) => Int32Array.from(set, (id) => rank[id]).sort());

  // Dice ≥ t  ⇔  Jaccard ≥ t / (2 − t); prefix filtering works on Jaccard.
  const jaccard = threshold / (2 - threshold);
  const prefixIndex = new Map<number, number[]>();
  const result = new Map<Clause, ClauseMatch>();
  for (let j = 0; j < clauses.length; j++) {
    const tokens = ranked[j];
    const size = tokens.length;
    if (size < MIN_TOKENS) continue;
    const prefix = size - Math.ceil(jaccard * size) + 1;
    const seen = new Set<number>();
    let best: ClauseMatch | undefined;
    for (let p = 0; p < prefix; p++) {
      for (const i of prefixIndex.get(tokens[p]) ?? []) {
        if (seen.has(i)) continue;
        seen.add(i);
        const other = ranked[i];
        if (other.length < jaccard * size || other.length * jaccard > size) continue;
        const score = (2 * intersectionSize(tokens, other)) / (size + other.length);
        if (score >= threshold && (!best || score > best.score)) best = { clause: clauses[j], earlier: clauses[i], score };
      }
    }
    if (best) result.set(clauses[j], best);
    for (let p = 0; p < prefix; p++) {
      const list = prefixIndex.get(tokens[p]);
      if (list) list.push(j);
      else prefixIndex.set(tokens[p], [j]);
    }
  }
  return result;
}

function intersectionSize(a: Int32Array, b: Int32Array): number {
  let i = 0;
  let j = 0;
  let count = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) { count++; i++; j++; }
    else if (a[i] < b[j]) i++;
    else j++;
  }
  return count;
}
