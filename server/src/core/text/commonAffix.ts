/** Where two versions of a document start and stop differing: the edit between them. */

/** Compared a block at a time first (native string comparison), then character by character. */
const BLOCK = 1024;

export function commonPrefix(a: string, b: string, limit: number): number {
  let at = 0;
  while (at + BLOCK <= limit && a.slice(at, at + BLOCK) === b.slice(at, at + BLOCK)) at += BLOCK;
  while (at < limit && a.charCodeAt(at) === b.charCodeAt(at)) at++;
  return at;
}

/** The length of the common end of a and b, at most `limit`. */
export function commonSuffix(a: string, b: string, limit: number): number {
  let same = 0;
  while (same + BLOCK <= limit && a.slice(a.length - same - BLOCK, a.length - same) === b.slice(b.length - same - BLOCK, b.length - same)) same += BLOCK;
  while (same < limit && a.charCodeAt(a.length - 1 - same) === b.charCodeAt(b.length - 1 - same)) same++;
  return same;
}
