/**
 * Match loops over module-level global regexes without `matchAll` (which clones the regex and
 * allocates an iterator per call: measurable when run on every clause at every keystroke).
 */

/** Every match of the global regex `re` in `text`, in order. */
export function eachMatch(re: RegExp, text: string, visit: (m: RegExpExecArray) => void): void {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m[0] === '') re.lastIndex++;
    visit(m);
  }
  re.lastIndex = 0;
}

/**
 * Index of the first span starting at or after `offset` in spans sorted by start (matches of one
 * global regex are), or spans.length. A binary search: a clause with thousands of amounts and
 * rates must not compare every amount with every rate.
 */
export function firstStartingAt(spans: ReadonlyArray<{ readonly start: number }>, offset: number): number {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (spans[mid].start < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The last match of the global regex `re` in `text`. */
export function lastMatch(re: RegExp, text: string): RegExpExecArray | undefined {
  re.lastIndex = 0;
  let last: RegExpExecArray | undefined;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m[0] === '') re.lastIndex++;
    last = m;
  }
  re.lastIndex = 0;
  return last;
}

/** End of the last match of `re` in `text`, or -1. */
export function lastEnd(re: RegExp, text: string): number {
  const m = lastMatch(re, text);
  return m ? m.index + m[0].length : -1;
}

/** Start of the last match of `re` in `text`, or -1. */
export function lastIndex(re: RegExp, text: string): number {
  const m = lastMatch(re, text);
  return m ? m.index : -1;
}
