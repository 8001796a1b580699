/**
 * `# policy-lint-disable-next-line RULE[, RULE…]` suppresses findings that start on the next line
 * (all rules when none is named). When the next line opens a block scalar (`text: |`), or a quoted or
 * plain scalar that runs over several lines, the whole scalar counts as that line: a comment cannot be
 * written inside it.
 */
import type { LineIndex } from './text/lineIndex';
import type { YNode } from './yaml/nodes';

const DIRECTIVE = /#\s*policy-lint-disable-next-line\b([^\n\r]*)/g;

export interface Suppression {
  readonly start: number;
  readonly end: number;
  /** Empty: every rule. */
  readonly rules: ReadonlySet<string>;
}

export function findSuppressions(text: string, lines: LineIndex, root: YNode | undefined): Suppression[] {
  if (!text.includes('policy-lint-disable-next-line')) return [];
  const blockEnds = blockScalarEndsByLine(root, lines);
  const result: Suppression[] = [];
  for (const match of text.matchAll(DIRECTIVE)) {
    const line = lines.positionAt(match.index ?? 0).line + 1;
    if (line >= lines.lineCount) continue;
    const start = lines.lineStartOffset(line);
    const end = Math.max(lines.lineEndOffset(line), blockEnds.get(line) ?? 0);
    const rules = new Set(match[1].split(/[\s,]+/).map((r) => r.trim()).filter((r) => r !== '' && !r.startsWith('--')));
    result.push({ start, end, rules });
  }
  return result;
}

/**
 * Whether a finding starting at `start` is suppressed. Suppressions come in text order (by start);
 * a binary search finds the last one starting at or before `start`, and the walk back stops as soon
 * as no earlier one can still reach `start` (running maximum of the ends): 20 000 directives and
 * 60 000 findings cost a few steps each, not a scan each.
 */
export function isSuppressed(suppressions: readonly Suppression[], code: string, start: number): boolean {
  const reach = reachOf(suppressions);
  let low = 0;
  let high = suppressions.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (suppressions[mid].start <= start) low = mid + 1;
    else high = mid;
  }
  for (let i = low - 1; i >= 0 && reach[i] >= start; i--) {
    const s = suppressions[i];
    if (start <= s.end && (s.rules.size === 0 || s.rules.has(code))) return true;
  }
  return false;
}

const reaches = new WeakMap<readonly Suppression[], number[]>();

/** reach[i]: the furthest end among suppressions 0…i. */
function reachOf(suppressions: readonly Suppression[]): number[] {
  let reach = reaches.get(suppressions);
  if (!reach) {
    reach = [];
    let max = -1;
    for (const s of suppressions) reach.push((max = Math.max(max, s.end)));
    reaches.set(suppressions, reach);
  }
  return reach;
}

/** Line of a block or multi-line scalar's key (of the scalar itself in a list) → end offset of the scalar. */
function blockScalarEndsByLine(root: YNode | undefined, lines: LineIndex): Map<number, number> {
  const ends = new Map<number, number>();
  const multiLine = (node: YNode, line: number): boolean =>
    node.kind === 'scalar' && (node.style === 'literal' || node.style === 'folded' || lines.positionAt(node.end).line > line);
  const stack: YNode[] = root ? [root] : [];
  const seen = new Set<YNode>();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (seen.has(node)) continue;
    seen.add(node);
    if (node.kind === 'map') {
      for (const pair of node.pairs) {
        const line = lines.positionAt(pair.key.start).line;
        if (multiLine(pair.value, line)) ends.set(line, Math.max(ends.get(line) ?? 0, pair.value.end));
        else stack.push(pair.value);
      }
    } else if (node.kind === 'seq') {
      for (const item of node.items) {
        const line = lines.positionAt(item.start).line;
        if (multiLine(item, line)) ends.set(line, Math.max(ends.get(line) ?? 0, item.end));
        else stack.push(item);
      }
    }
  }
  return ends;
}
