/**
 * `# policy-lint-disable-next-line RULE[, RULE…]` suppresses findings that start on the next line
 * (all rules when none is named). When the next line opens a block scalar (`text: |`), the whole block
 * counts as that line: a comment cannot be written inside the block.
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

export function isSuppressed(suppressions: readonly Suppression[], code: string, start: number): boolean {
  for (const s of suppressions) {
    if (start >= s.start && start <= s.end && (s.rules.size === 0 || s.rules.has(code))) return true;
  }
  return false;
}

/** Line of a block scalar's key → end offset of the block. */
function blockScalarEndsByLine(root: YNode | undefined, lines: LineIndex): Map<number, number> {
  const ends = new Map<number, number>();
  const stack: YNode[] = root ? [root] : [];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.kind === 'map') {
      for (const pair of node.pairs) {
        const value = pair.value;
        if (value.kind === 'scalar' && (value.style === 'literal' || value.style === 'folded')) {
          ends.set(lines.positionAt(pair.key.start).line, value.end);
        } else stack.push(value);
      }
    } else if (node.kind === 'seq') stack.push(...node.items);
  }
  return ends;
}
