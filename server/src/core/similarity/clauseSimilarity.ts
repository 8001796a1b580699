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
/** A prefix token shared by more clauses than this is skipped as a candidate source (repetitive drafts). */
const MAX_POSTINGS = 256;
const cache = new WeakMap<PolicyDocument, { threshold: number; matches: ReadonlyMap<Clause, ClauseMatch> }>();

/**
 * For every clause, its most similar earlier clause when the score is at least `threshold`. The best
 * match above a low threshold is also the best above a higher one, so one computation at the lowest
 * threshold asked for serves duplicate-clause and similar-clause alike.
 */
export function bestEarlierMatches(document: PolicyDocument, threshold: number): ReadonlyMap<Clause, ClauseMatch> {
  let entry = cache.get(document);
  if (!entry || entry.threshold > threshold) {
    entry = { threshold, matches: computeMatches(document.clauses, threshold) };
    cache.set(document, entry);
  }
  if (entry.threshold === threshold) return entry.matches;
  return new Map([...entry.matches].filter(([, match]) => match.score >= threshold));
}

/** The text as compared: markers, amounts and rates blanked, only letters kept. */
export function comparableText(clause: Clause): string {
  const codes = comparableCodes(clause);
  let out = '';
  for (const code of codes) out += String.fromCharCode(code);
  return out;
}

function isLetter(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
}

/** Character codes of the comparable text (no intermediate strings: this runs on every keystroke). */
function comparableCodes(clause: Clause): number[] {
  const text = clause.text?.value;
  if (!text) return [];
  const blanked: Array<{ start: number; end: number }> = [...clause.facts.departmentMarkers, ...clause.facts.amounts, ...clause.facts.rates];
  blanked.sort((a, b) => a.start - b.start);
  const codes: number[] = [];
  let next = 0;
  for (let i = 0; i < text.length; i++) {
    while (next < blanked.length && blanked[next].end <= i) next++;
    if (next < blanked.length && blanked[next].start <= i) {
      i = blanked[next].end - 1;
      continue;
    }
    const code = text.charCodeAt(i);
    if (isLetter(code)) codes.push(code);
  }
  return codes;
}

function computeMatches(clauses: readonly Clause[], threshold: number): Map<Clause, ClauseMatch> {
  // Bigrams as integers (two UTF-16 codes) mapped to dense ids.
  const vocabulary = new Map<number, number>();
  const sets: Int32Array[] = clauses.map((clause) => {
    const codes = comparableCodes(clause);
    const ids = new Set<number>();
    for (let i = 0; i + 1 < codes.length; i++) {
      const gram = codes[i] * 65536 + codes[i + 1];
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
  const order = new Int32Array(vocabulary.size);
  for (let i = 0; i < order.length; i++) order[i] = i;
  order.sort((a, b) => frequency[a] - frequency[b] || a - b);
  const rank = new Int32Array(vocabulary.size);
  for (let position = 0; position < order.length; position++) rank[order[position]] = position;
  const ranked = sets.map((set) => {
    const out = new Int32Array(set.length);
    for (let i = 0; i < set.length; i++) out[i] = rank[set[i]];
    return out.sort();
  });

  // Dice ≥ t  ⇔  Jaccard ≥ t / (2 − t); prefix filtering works on Jaccard.
  const jaccard = threshold / (2 - threshold);
  const prefixIndex = new Map<number, number[]>();
  const result = new Map<Clause, ClauseMatch>();
  // Identical wordings (the same clause pasted twice) need no candidate search at all.
  const firstWithSameTokens = new Map<number, number[]>();
  // seenBy[i] === j + 1 marks clause i as already verified against clause j (no Set per clause).
  const seenBy = new Int32Array(clauses.length);
  for (let j = 0; j < clauses.length; j++) {
    const tokens = ranked[j];
    const size = tokens.length;
    if (size < MIN_TOKENS) continue;
    const signature = hashTokens(tokens);
    const twins = firstWithSameTokens.get(signature);
    const twin = twins?.find((i) => sameTokens(ranked[i], tokens));
    if (twin !== undefined) {
      result.set(clauses[j], { clause: clauses[j], earlier: clauses[twin], score: 1 });
      continue;
    }
    if (twins) twins.push(j);
    else firstWithSameTokens.set(signature, [j]);
    const prefix = size - Math.ceil(jaccard * size) + 1;
    let best: ClauseMatch | undefined;
    for (let p = 0; p < prefix; p++) {
      const postings = prefixIndex.get(tokens[p]);
      if (!postings || postings.length > MAX_POSTINGS) continue;
      for (const i of postings) {
        if (seenBy[i] === j + 1) continue;
        seenBy[i] = j + 1;
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

/** FNV-1a over the token ids. */
function hashTokens(tokens: Int32Array): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < tokens.length; i++) hash = Math.imul(hash ^ tokens[i], 16777619);
  return hash >>> 0;
}

function sameTokens(a: Int32Array, b: Int32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
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
