/**
 * Near-duplicate detection between the clauses of one document.
 *
 * Texts are compared as sets of character bigrams after removing what should not make two clauses
 * similar or different: department markers, amounts, rates, digits, punctuation and spaces (a clause
 * copied with 30% → 50% is still a copy). Similarity is the Dice coefficient. Candidate pairs come from
 * prefix filtering (rarest bigrams first), so a 5000-clause draft is not compared pair by pair.
 *
 * The result is exact and canonical: each clause's best earlier match, the earliest clause among
 * equal scores. That makes it a function of the clause texts alone, so after a keystroke only the
 * pairs involving the edited clause are scored again (updateMatches) and the result is the one a
 * fresh search would give.
 */
import type { Clause, PolicyDocument } from '../model/types';
import { RecentCache } from '../text/recentCache';

export interface ClauseMatch {
  readonly clause: Clause;
  /** The most similar earlier clause. */
  readonly earlier: Clause;
  readonly score: number;
}

const MIN_TOKENS = 4;
/**
 * A prefix token shared by more clauses than this is skipped as a candidate source (repetitive
 * drafts). The search is then no longer exact, and the next edit searches afresh instead of
 * updating.
 */
const MAX_POSTINGS = 256;
/** Past this many clauses changed at once, a fresh search is cheaper than updating the pairs. */
const MAX_UPDATED = 8;
const cache = new WeakMap<PolicyDocument, { threshold: number; matches: ReadonlyMap<Clause, ClauseMatch> }>();

/**
 * For every clause, its most similar earlier clause when the score is at least `threshold`. The best
 * match above a low threshold is also the best above a higher one, so one computation at the lowest
 * threshold asked for serves duplicate-clause and similar-clause alike.
 */
export function bestEarlierMatches(document: PolicyDocument, threshold: number): ReadonlyMap<Clause, ClauseMatch> {
  let entry = cache.get(document);
  if (!entry || entry.threshold > threshold) {
    entry = { threshold, matches: computeMatches(document.clauses, threshold, document.uri) };
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

/** A letter code in 15 bits (CJK, CJK extension A, ASCII letters), so a bigram is a small integer. */
function compact(code: number): number {
  if (code >= 0x4e00) return code - 0x4e00; // ≤ 0x9fff: 0 … 20991
  if (code >= 0x3400) return 20992 + code - 0x3400; // ≤ 0x4dbf: 20992 … 27583
  return 27584 + code; // ASCII letters: < 27584 + 0x7b
}

const EMPTY = new Int32Array(0);
/**
 * Every bigram seen gets a slot number for the life of the process, so per-document work runs on
 * typed arrays indexed by slot instead of maps keyed by bigram.
 */
const slots = new Map<number, number>();
/** Past this many slots (years of typing, or fuzzing), numbering starts over. */
const MAX_SLOTS = 1 << 20;
/**
 * Distinct bigram slots of a clause's comparable text, ascending, by clause text.
 * The comparable text is a function of the text alone (its facts are), so unchanged clauses are not
 * tokenised again on the next keystroke.
 */
const slotsByText = new RecentCache<Int32Array>(20000);

function bigramsOf(clause: Clause): Int32Array {
  const text = clause.text?.value;
  if (!text) return EMPTY;
  const known = slotsByText.get(text);
  if (known) return known;
  const codes = comparableCodes(clause);
  const seen = new Set<number>();
  const list: number[] = [];
  for (let i = 0; i + 1 < codes.length; i++) {
    const gram = compact(codes[i]) * 32768 + compact(codes[i + 1]);
    if (seen.has(gram)) continue;
    seen.add(gram);
    let slot = slots.get(gram);
    if (slot === undefined) {
      slot = slots.size;
      slots.set(gram, slot);
    }
    list.push(slot);
  }
  const result = Int32Array.from(list).sort();
  slotsByText.set(text, result);
  return result;
}

/** Per slot: the document-local id, valid when `stampOf[slot]` is the current pass. */
let localIdOf = new Int32Array(1024);
let stampOf = new Int32Array(1024);
let pass = 0;

/**
 * The last result per document: when no clause's comparable text changed (an amount, a cap, a
 * department edited), the matches are those of the previous version, clause for clause.
 */
interface Previous {
  readonly threshold: number;
  readonly grams: readonly Int32Array[];
  /** Per clause index: the index of its best earlier match and the score, or undefined. */
  readonly matches: Matches;
  /** No posting list was skipped: the matches are exact, and can be updated pair by pair. */
  readonly exact: boolean;
}
type Match = { readonly earlier: number; readonly score: number };
type Matches = ReadonlyArray<Match | undefined>;
const previousByUri = new Map<string, Previous>();
const PREVIOUS_DOCUMENTS = 32;

function computeMatches(clauses: readonly Clause[], threshold: number, uri?: string): Map<Clause, ClauseMatch> {
  if (slots.size > MAX_SLOTS) {
    // Before any lookup of this pass, so all its slots come from one numbering.
    slots.clear();
    slotsByText.clear();
    previousByUri.clear();
  }
  const grams = clauses.map(bigramsOf);
  const previous = uri === undefined ? undefined : previousByUri.get(uri);
  let next: { matches: Matches; exact: boolean } | undefined;
  if (previous && previous.threshold === threshold && previous.grams.length === grams.length) {
    const changed: number[] = [];
    for (let i = 0; i < grams.length && changed.length <= MAX_UPDATED; i++) if (previous.grams[i] !== grams[i]) changed.push(i);
    if (changed.length === 0) next = previous;
    else if (previous.exact && changed.length <= MAX_UPDATED) next = { matches: updateMatches(previous.matches, grams, changed, threshold), exact: true };
  }
  next ??= matchIndices(grams, threshold);
  const matches = next.matches;
  if (uri !== undefined && next !== previous) {
    previousByUri.delete(uri);
    if (previousByUri.size >= PREVIOUS_DOCUMENTS) previousByUri.delete(previousByUri.keys().next().value as string);
    previousByUri.set(uri, { threshold, grams, matches, exact: next.exact });
  }
  const result = new Map<Clause, ClauseMatch>();
  matches.forEach((match, j) => {
    if (match) result.set(clauses[j], { clause: clauses[j], earlier: clauses[match.earlier], score: match.score });
  });
  return result;
}

/** A typed array of at least `size` elements, reused across passes (no garbage per keystroke). */
function buffer(current: Int32Array<ArrayBuffer>, size: number): Int32Array<ArrayBuffer> {
  return current.length >= size ? current : new Int32Array(Math.max(size, current.length * 2));
}
let flat = new Int32Array(4096);
let frequency = new Int32Array(1024);
let rankOf = new Int32Array(1024);
let byFrequency = new Int32Array(256);
let postingStart = new Int32Array(1024);
let postingEnd = new Int32Array(1024);
let postings = new Int32Array(4096);

/**
 * The matches after the clauses at `changed` (ascending) got new texts, from the exact matches
 * before: a changed clause is searched again among all earlier ones; any other clause keeps its
 * best unless a changed clause now beats it, and is searched again when its best was a changed one.
 */
function updateMatches(before: Matches, grams: readonly Int32Array[], changed: readonly number[], threshold: number): Matches {
  const isChanged = new Uint8Array(grams.length);
  for (const c of changed) isChanged[c] = 1;
  const after = before.slice();
  for (let k = changed[0]; k < grams.length; k++) {
    const previous = before[k];
    if (isChanged[k] || (previous && isChanged[previous.earlier])) {
      after[k] = bestEarlier(grams, k, threshold);
      continue;
    }
    let best = previous;
    for (let c = 0; c < changed.length && changed[c] < k; c++) {
      const i = changed[c];
      const score = dice(grams[i], grams[k]);
      if (score >= threshold && (!best || score > best.score || (score === best.score && i < best.earlier))) best = { earlier: i, score };
    }
    after[k] = best;
  }
  return after;
}

/** Clause k's best earlier match by scoring every earlier clause (the earliest among equal scores). */
function bestEarlier(grams: readonly Int32Array[], k: number, threshold: number): Match | undefined {
  const tokens = grams[k];
  if (tokens.length < MIN_TOKENS) return undefined;
  let best: Match | undefined;
  for (let i = 0; i < k; i++) {
    const other = grams[i];
    if (other.length < MIN_TOKENS) continue;
    const total = tokens.length + other.length;
    const bound = (2 * Math.min(tokens.length, other.length)) / total;
    if (bound < threshold || (best && bound <= best.score)) continue;
    const common = intersectionAtLeast(tokens, other, neededCommon(total, threshold, best?.score, false));
    if (common < 0) continue;
    const score = (2 * common) / total;
    if (score >= threshold && (!best || score > best.score)) best = { earlier: i, score };
  }
  return best;
}

/** Dice of two sorted bigram sets; 0 when either is too short to be compared. */
function dice(a: Int32Array, b: Int32Array): number {
  if (a.length < MIN_TOKENS || b.length < MIN_TOKENS) return 0;
  return (2 * Math.max(0, intersectionAtLeast(a, b, 0))) / (a.length + b.length);
}

function matchIndices(grams: readonly Int32Array[], threshold: number): { matches: Matches; exact: boolean } {
  const count = grams.length;
  // Bigrams mapped to dense ids in order of first occurrence in the document, all clauses in one array.
  if (localIdOf.length < slots.size) {
    localIdOf = buffer(localIdOf, slots.size);
    stampOf = new Int32Array(localIdOf.length);
    pass = 0;
  }
  if (++pass === 0x7fffffff) {
    stampOf.fill(0);
    pass = 1;
  }
  const offsets = new Int32Array(count + 1);
  for (let j = 0; j < count; j++) offsets[j + 1] = offsets[j] + grams[j].length;
  flat = buffer(flat, offsets[count]);
  let vocabularySize = 0;
  for (let j = 0; j < count; j++) {
    const list = grams[j];
    const at = offsets[j];
    for (let i = 0; i < list.length; i++) {
      const slot = list[i];
      if (stampOf[slot] !== pass) {
        stampOf[slot] = pass;
        localIdOf[slot] = vocabularySize++;
      }
      flat[at + i] = localIdOf[slot];
    }
  }
  // Global order: rarest bigram first (ties by id), so prefixes are short and selective. A counting
  // sort: frequencies are at most the number of clauses.
  frequency = buffer(frequency, vocabularySize);
  frequency.fill(0, 0, vocabularySize);
  for (let k = 0; k < offsets[count]; k++) frequency[flat[k]]++;
  byFrequency = buffer(byFrequency, count + 2);
  byFrequency.fill(0, 0, count + 2);
  for (let id = 0; id < vocabularySize; id++) byFrequency[frequency[id] + 1]++;
  for (let f = 1; f < count + 2; f++) byFrequency[f] += byFrequency[f - 1];
  rankOf = buffer(rankOf, vocabularySize);
  for (let id = 0; id < vocabularySize; id++) rankOf[id] = byFrequency[frequency[id]]++;
  // Each clause's tokens as ranks, ascending (a subarray view of the one array).
  const ranked: Int32Array[] = new Array(count);
  for (let j = 0; j < count; j++) {
    for (let k = offsets[j]; k < offsets[j + 1]; k++) flat[k] = rankOf[flat[k]];
    ranked[j] = flat.subarray(offsets[j], offsets[j + 1]).sort();
  }

  // Dice ≥ t  ⇔  Jaccard ≥ t / (2 − t); prefix filtering works on Jaccard. A hair lower, so rounding
  // never filters out a pair exactly at the threshold (Dice 0.6 = 6/10 is similar at 0.6).
  const jaccard = threshold / (2 - threshold) - 1e-9;
  const prefixOf = (size: number): number => (size < MIN_TOKENS ? 0 : size - Math.ceil(jaccard * size) + 1);
  // The prefix index, one run of `postings` per rank, filled in clause order: at clause j a run holds
  // exactly the earlier clauses with that rank in their prefix.
  postingStart = buffer(postingStart, vocabularySize + 1);
  postingStart.fill(0, 0, vocabularySize + 1);
  for (let j = 0; j < count; j++) {
    const prefix = prefixOf(ranked[j].length);
    for (let p = 0; p < prefix; p++) postingStart[ranked[j][p] + 1]++;
  }
  for (let r = 1; r <= vocabularySize; r++) postingStart[r] += postingStart[r - 1];
  postingEnd = buffer(postingEnd, vocabularySize);
  postingEnd.set(postingStart.subarray(0, vocabularySize));
  postings = buffer(postings, postingStart[vocabularySize]);

  const result: Array<Match | undefined> = new Array(count).fill(undefined);
  let exact = true;
  // Identical wordings (the same clause pasted twice) need no candidate search at all.
  const firstWithSameTokens = new Map<number, number[]>();
  // seenBy[i] === j + 1 marks clause i as already verified against clause j (no Set per clause).
  const seenBy = new Int32Array(count);
  for (let j = 0; j < count; j++) {
    const tokens = ranked[j];
    const size = tokens.length;
    if (size < MIN_TOKENS) continue;
    const signature = hashTokens(tokens);
    const twins = firstWithSameTokens.get(signature);
    const twin = twins?.find((i) => sameTokens(ranked[i], tokens));
    if (twin !== undefined) {
      result[j] = { earlier: twin, score: 1 };
      continue;
    }
    if (twins) twins.push(j);
    else firstWithSameTokens.set(signature, [j]);
    const prefix = prefixOf(size);
    let best: Match | undefined;
    for (let p = 0; p < prefix; p++) {
      const rank = tokens[p];
      const from = postingStart[rank];
      const to = postingEnd[rank];
      if (to === from) continue;
      if (to - from > MAX_POSTINGS) {
        exact = false;
        continue;
      }
      for (let k = from; k < to; k++) {
        const i = postings[k];
        if (seenBy[i] === j + 1) continue;
        seenBy[i] = j + 1;
        const other = ranked[i];
        if (other.length < jaccard * size || other.length * jaccard > size) continue;
        // A candidate replaces the best only with score ≥ threshold and > best (= best when it is an
        // earlier clause): skip (exactly) those that cannot, by size alone or as soon as the
        // intersection cannot grow enough.
        const total = size + other.length;
        const bound = (2 * Math.min(size, other.length)) / total;
        const orEqual = best !== undefined && i < best.earlier;
        if (bound < threshold || (best && (bound < best.score || (bound === best.score && !orEqual)))) continue;
        const common = intersectionAtLeast(tokens, other, neededCommon(total, threshold, best?.score, orEqual));
        if (common < 0) continue;
        const score = (2 * common) / total;
        if (score >= threshold && (!best || score > best.score || (orEqual && score === best.score))) best = { earlier: i, score };
      }
    }
    if (best) result[j] = best;
    for (let p = 0; p < prefix; p++) postings[postingEnd[tokens[p]]++] = j;
  }
  return { matches: result, exact };
}

/**
 * The least intersection c with (2c)/total ≥ threshold and, when there is a best, (2c)/total > best
 * (≥ best with `orEqual`).
 */
function neededCommon(total: number, threshold: number, best: number | undefined, orEqual: boolean): number {
  let c = Math.max(0, Math.floor((Math.max(threshold, best ?? 0) * total) / 2) - 1);
  const enough = (n: number): boolean => (2 * n) / total >= threshold && (best === undefined || (2 * n) / total > best || (orEqual && (2 * n) / total === best));
  while (!enough(c)) c++;
  while (c > 0 && enough(c - 1)) c--;
  return c;
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

/** |a ∩ b| of two sorted sets, or -1 as soon as it cannot reach `needed`. */
function intersectionAtLeast(a: Int32Array, b: Int32Array, needed: number): number {
  let i = 0;
  let j = 0;
  let count = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) { count++; i++; j++; continue; }
    if (a[i] < b[j]) i++;
    else j++;
    if (count + Math.min(a.length - i, b.length - j) < needed) return -1;
  }
  return count < needed ? -1 : count;
}
