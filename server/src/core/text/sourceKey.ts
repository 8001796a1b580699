/**
 * A key for a node's source, for memos that reuse what was found in a node whose source did not
 * change: its column and two 32-bit hashes and the length of its text, trailing blanks included
 * (a `|+` block scalar keeps them). Hashes rather than the text itself, so that a memo never holds a
 * slice of the document it came from (a slice keeps the whole text of that version alive).
 */
export function sourceKey(text: string, start: number, end: number): string {
  let stop = end;
  while (stop < text.length && isBlank(text.charCodeAt(stop))) stop++;
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = start; i < stop; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  const column = start - (text.lastIndexOf('\n', start - 1) + 1);
  return `${column}:${stop - start}:${(a >>> 0).toString(36)}:${(b >>> 0).toString(36)}`;
}

function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

/**
 * `sourceKey` of a node, remembered per node object: the incremental parse hands the nodes before an
 * edit over unchanged (same text around them), so only the nodes it rebuilt are hashed again.
 */
const keysByNode = new WeakMap<object, string>();

export function nodeSourceKey(text: string, node: { readonly start: number; readonly end: number }): string {
  let key = keysByNode.get(node);
  if (key === undefined) {
    key = sourceKey(text, node.start, node.end);
    keysByNode.set(node, key);
  }
  return key;
}

/**
 * `to` is `from` moved (the incremental parse shifts the nodes after an edit): the same source, at the
 * same column, so it has the same key when one was computed.
 */
export function carrySourceKey(from: object, to: object): void {
  const key = keysByNode.get(from);
  if (key !== undefined) keysByNode.set(to, key);
}
