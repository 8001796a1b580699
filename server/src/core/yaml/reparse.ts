/**
 * Re-parses a document after an edit by parsing only the block-list item the edit lies in (a clause,
 * usually) and splicing it into the previous tree, offsets after it shifted. Taken only where the
 * item parses on its own exactly as inside the whole: the edit lies inside the item, after its `- `
 * and before the line of the next item; the item's lines, parsed as a document of their own (same
 * columns), give one block-list mapping and no error; neither it nor the document before the edit has
 * a node placed by scanning past itself (an empty value, a flow collection not closed right after its
 * last item: see `unsettled`), and the next item starts with a key; and the document has no anchors
 * (an alias reads a node elsewhere). Otherwise, and for the last item of a list, the whole text is
 * parsed. test/yaml.reparse.test.ts compares both on thousands of random edits.
 */
import type { YMap, YNode, YPair, YSeq, YamlParseResult } from './nodes';
import { parseYaml } from './parseYaml';
import { commonPrefix, commonSuffix } from '../text/commonAffix';
import { carrySourceKey } from '../text/sourceKey';

export function reparseYaml(previous: YamlParseResult | undefined, text: string): YamlParseResult {
  return (previous && spliceEdit(previous, text)) ?? parseYaml(text);
}

/** One step down the tree: a mapping and the pair whose value holds the edit, or a list and the item. */
interface Step {
  readonly node: YMap | YSeq;
  readonly index: number;
}

/** The spliced parse, or undefined when the whole text must be parsed. */
export function spliceEdit(previous: YamlParseResult, text: string): YamlParseResult | undefined {
  const old = previous.text;
  if (previous.error || previous.extraDocuments.length > 0 || !previous.root) return undefined;
  if (old === text) return previous;
  if (!settled(previous)) return undefined;
  if (old.includes('&') || text.includes('&')) return undefined;
  // The edit: old[from, oldEnd) became text[from, oldEnd + delta).
  const shortest = Math.min(old.length, text.length);
  const from = commonPrefix(old, text, shortest);
  const same = commonSuffix(old, text, shortest - from);
  const oldEnd = old.length - same;
  const delta = text.length - old.length;

  const path = itemPath(previous.root, from, oldEnd, old);
  if (!path) return undefined;
  const { node: list, index } = path[path.length - 1] as { node: YSeq; index: number };
  const item = list.items[index];
  const regionStart = lineStart(old, item.start);
  const regionEnd = lineStart(old, list.items[index + 1].start);
  const fragmentText = text.slice(regionStart, regionEnd + delta);
  const fragment = parseYaml(fragmentText);
  const root = fragment.root;
  if (fragment.error || fragment.extraDocuments.length > 0 || !root || root.kind !== 'seq' || root.flow || root.items.length !== 1) return undefined;
  const parsed = root.items[0];
  // An empty first key is placed from where the previous node ended: outside the item, so only the
  // whole text places it. The same for the next item's, from where this one now ends.
  if (parsed.kind !== 'map' || !startsWithKey(parsed) || !startsWithKey(list.items[index + 1])) return undefined;
  // Nodes placed by scanning past themselves can reach across items: none in the new item, and none in
  // the document before (checked once per full parse).
  if (unsettled(parsed, fragmentText)) return undefined;

  // Rebuild the path bottom-up: earlier siblings kept, the item replaced, later siblings shifted.
  let replacement: YNode = shift(parsed, regionStart);
  for (let level = path.length - 1; level >= 0; level--) {
    const { node, index: at } = path[level];
    if (node.kind === 'seq') {
      const items = node.items.slice();
      items[at] = replacement;
      for (let i = at + 1; i < items.length; i++) items[i] = shift(items[i], delta);
      replacement = { ...node, end: node.end + delta, items };
    } else {
      const pairs = node.pairs.slice();
      pairs[at] = { key: pairs[at].key, value: replacement };
      for (let i = at + 1; i < pairs.length; i++) pairs[i] = shiftPair(pairs[i], delta);
      replacement = { ...node, end: node.end + delta, pairs };
    }
  }
  const result: YamlParseResult = { text, root: replacement, extraDocuments: [] };
  checked.add(result);
  settledResults.add(result); // the previous was settled, the new item is
  return result;
}

/** Parse results known to hold no unsettled node. */
const settledResults = new WeakSet<YamlParseResult>();
const checked = new WeakSet<YamlParseResult>();

function settled(result: YamlParseResult): boolean {
  if (!checked.has(result)) {
    checked.add(result);
    if (result.root && !unsettled(result.root, result.text)) settledResults.add(result);
  }
  return settledResults.has(result);
}

/**
 * The steps from the root to the deepest block-list item whose lines hold the edit [from, to): the
 * edit starts at or after the item's first character (its `- ` untouched) and ends before the line of
 * the next item (so the line break before it is untouched too).
 */
function itemPath(root: YNode, from: number, to: number, text: string): Step[] | undefined {
  const steps: Step[] = [];
  let deepest: Step[] | undefined;
  let node: YNode = root;
  for (;;) {
    if (node.kind === 'map' && !node.flow) {
      const pairs = node.pairs;
      const at = pairs.findIndex((pair, i) => pair.value.start <= from && (i + 1 < pairs.length ? to < pairs[i + 1].key.start : to <= node.end));
      if (at < 0) return deepest;
      steps.push({ node, index: at });
      node = pairs[at].value;
    } else if (node.kind === 'seq' && !node.flow) {
      const items = node.items;
      const at = items.findIndex((item, i) => i + 1 < items.length && item.start <= from && to < lineStart(text, items[i + 1].start));
      if (at < 0) return deepest;
      steps.push({ node, index: at });
      deepest = steps.slice();
      node = items[at];
    } else return deepest;
  }
}

/**
 * A node placed by scanning past itself: an empty value (placed from where the node before it ended)
 * or a flow collection whose closing bracket was not found right after its last item (its end is then
 * wherever the next bracket of the text happens to be).
 */
function unsettled(node: YNode, text: string): boolean {
  switch (node.kind) {
    case 'scalar':
      return node.start === node.end;
    case 'alias':
      return false;
    case 'seq':
      return (node.flow && !closedAfter(text, node.items[node.items.length - 1]?.end ?? node.start + 1, node.end, ']'))
        || node.items.some((item) => unsettled(item, text));
    case 'map':
      return (node.flow && !closedAfter(text, node.pairs[node.pairs.length - 1]?.value.end ?? node.start + 1, node.end, '}'))
        || node.pairs.some((pair) => unsettled(pair.key, text) || unsettled(pair.value, text));
  }
}

/** The collection ends on `close`, with only blanks and commas between its last item and it. */
function closedAfter(text: string, last: number, end: number, close: string): boolean {
  if (text[end - 1] !== close) return false;
  for (let i = last; i < end - 1; i++) {
    const c = text[i];
    if (c !== ' ' && c !== ',' && c !== '\n' && c !== '\r' && c !== '\t') return false;
  }
  return true;
}

function startsWithKey(node: YNode): boolean {
  return node.kind === 'map' && node.pairs.length > 0 && node.pairs[0].key.end > node.pairs[0].key.start;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function shiftPair(pair: YPair, by: number): YPair {
  return { key: shift(pair.key, by), value: shift(pair.value, by) };
}

/** A copy of the subtree with every offset moved by `by`. */
function shift(node: YNode, by: number): YNode {
  if (by === 0) return node;
  switch (node.kind) {
    case 'scalar':
      return { ...node, start: node.start + by, end: node.end + by };
    case 'alias':
      return { ...node, start: node.start + by, end: node.end + by };
    case 'seq':
      return { ...node, start: node.start + by, end: node.end + by, items: node.items.map((item) => shift(item, by)) };
    case 'map': {
      const moved: YMap = { ...node, start: node.start + by, end: node.end + by, pairs: node.pairs.map((pair) => shiftPair(pair, by)) };
      // Only nodes after the edit are shifted: their text and column are unchanged.
      carrySourceKey(node, moved);
      return moved;
    }
  }
}
