/** The chain of nodes containing an offset, root first, with the key that leads to each. */
import type { YNode, YScalar } from './nodes';

export interface PathStep {
  readonly node: YNode;
  /** The key under which this node sits in its parent mapping, if any. */
  readonly key?: YScalar;
  /** True when the offset is on the key itself rather than on the value. */
  readonly onKey?: boolean;
}

export function pathAt(root: YNode | undefined, offset: number): PathStep[] {
  const path: PathStep[] = [];
  let node = root;
  if (!node || offset < node.start || offset > node.end) return path;
  path.push({ node });
  for (;;) {
    let next: PathStep | undefined;
    if (node.kind === 'map') {
      for (const pair of node.pairs) {
        if (pair.key.kind === 'scalar' && offset >= pair.key.start && offset <= pair.key.end) {
          next = { node: pair.key, key: pair.key, onKey: true };
          break;
        }
        if (offset >= pair.value.start && offset <= pair.value.end && pair.value.end > pair.value.start) {
          next = { node: pair.value, key: pair.key.kind === 'scalar' ? pair.key : undefined };
          break;
        }
      }
    } else if (node.kind === 'seq') {
      const item = node.items.find((i) => offset >= i.start && offset <= i.end);
      if (item) next = { node: item };
    }
    if (!next || next.node === node) return path;
    path.push(next);
    if (next.onKey) return path;
    node = next.node;
  }
}
