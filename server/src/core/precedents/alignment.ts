/**
 * Smith-Waterman local alignment of two texts, character by character: finds the passage of `target`
 * that best matches `query`, for highlighting the excerpt a precedent shares with a draft clause.
 * Linear memory (two rows) plus a start-pointer row, so it never allocates a full matrix.
 */
export interface Alignment {
  /** Matched passage in `target`, end-exclusive. */
  readonly start: number;
  readonly end: number;
  readonly score: number;
}

const MATCH = 2;
const MISMATCH = -1;
const GAP = -1;

export function alignLocal(query: string, target: string, maxLength = 2000): Alignment {
  const q = query.length > maxLength ? query.slice(0, maxLength) : query;
  const t = target.length > maxLength ? target.slice(0, maxLength) : target;
  const cols = t.length + 1;
  let previous = new Int32Array(cols);
  let current = new Int32Array(cols);
  let previousStart = new Int32Array(cols);
  let currentStart = new Int32Array(cols);
  let best: Alignment = { start: 0, end: 0, score: 0 };
  for (let i = 1; i <= q.length; i++) {
    const qc = q.charCodeAt(i - 1);
    current[0] = 0;
    currentStart[0] = 0;
    for (let j = 1; j < cols; j++) {
      const diagonal = previous[j - 1] + (qc === t.charCodeAt(j - 1) ? MATCH : MISMATCH);
      const up = previous[j] + GAP;
      const left = current[j - 1] + GAP;
      let value = 0;
      let start = j; // a fresh alignment starts after this cell's character
      if (diagonal > value) { value = diagonal; start = previous[j - 1] > 0 ? previousStart[j - 1] : j - 1; }
      if (up > value) { value = up; start = previousStart[j]; }
      if (left > value) { value = left; start = currentStart[j - 1]; }
      current[j] = value;
      currentStart[j] = start;
      if (value > best.score) best = { start, end: j, score: value };
    }
    [previous, current] = [current, previous];
    [previousStart, currentStart] = [currentStart, previousStart];
  }
  return best;
}

/**
 * `alignLocal` on the part of a long target that shares the most bigrams with the query (a window
 * of `window` characters, found in one pass, with a quarter window either side), so a
 * 1500-character precedent costs little more than a short one. Offsets are into the whole target.
 */
export function alignInWindow(query: string, target: string, window = 400): Alignment {
  const q = query.length > window ? query.slice(0, window) : query;
  if (target.length <= window) return alignLocal(q, target);
  const grams = new Set<string>();
  for (let i = 0; i + 1 < q.length; i++) grams.add(q.slice(i, i + 2));
  const hit = new Uint8Array(target.length);
  for (let i = 0; i + 1 < target.length; i++) hit[i] = grams.has(target.slice(i, i + 2)) ? 1 : 0;
  let count = 0;
  for (let i = 0; i < window; i++) count += hit[i];
  let best = count;
  let bestStart = 0;
  for (let start = 1; start + window <= target.length; start++) {
    count += hit[start + window - 1] - hit[start - 1];
    if (count > best) {
      best = count;
      bestStart = start;
    }
  }
  // A margin either side, so a passage at the window's edge is not cut.
  const from = Math.max(0, bestStart - (window >> 2));
  const aligned = alignLocal(q, target.slice(from, bestStart + window + (window >> 2)));
  return { start: aligned.start + from, end: aligned.end + from, score: aligned.score };
}
