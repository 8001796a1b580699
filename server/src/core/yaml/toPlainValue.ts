/** Converts a positioned YAML node to a plain value (for config files). Aliases resolve to scalars only. */
import type { YNode } from './nodes';

export function toPlainValue(node: YNode, depth = 0): unknown {
  if (depth > 64) return undefined;
  switch (node.kind) {
    case 'scalar':
      return node.parsed;
    case 'seq':
      return node.items.map((item) => toPlainValue(item, depth + 1));
    case 'map': {
      const result: Record<string, unknown> = {};
      for (const pair of node.pairs) {
        if (pair.key.kind !== 'scalar') continue;
        result[pair.key.value] = toPlainValue(pair.value, depth + 1);
      }
      return result;
    }
    case 'alias':
      // Never expand collections through aliases: that is how alias bombs explode.
      return node.target && node.target.kind === 'scalar' ? node.target.parsed : undefined;
  }
}
