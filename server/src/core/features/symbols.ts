/** Document outline (chapters → clauses) and folding ranges, as offsets. */
import type { ParsedPolicy } from '../engine';
import type { Clause } from '../model/types';
import { pushAll } from '../text/pushAll';

export interface PolicySymbol {
  readonly name: string;
  readonly detail?: string;
  readonly kind: 'chapter' | 'clause';
  /** Whole entry. */
  readonly start: number;
  readonly end: number;
  /** The part to select/reveal: its id (or title). */
  readonly selectionStart: number;
  readonly selectionEnd: number;
  readonly children: readonly PolicySymbol[];
}

function clauseSymbol(clause: Clause): PolicySymbol {
  const anchor = clause.id?.node ?? clause.title?.node ?? clause.node;
  const text = clause.text?.value.replace(/\s+/g, '') ?? '';
  return {
    name: `${clause.id?.value ?? clause.index + 1} ${clause.title?.value ?? text.slice(0, 16)}`.trim(),
    detail: clause.kind === 'measure' ? undefined : clause.kind,
    kind: 'clause',
    start: clause.node.start,
    end: clause.node.end,
    selectionStart: anchor.start,
    selectionEnd: anchor.end,
    children: [],
  };
}

export function documentSymbols(parsed: ParsedPolicy): PolicySymbol[] {
  const { document } = parsed;
  const inChapters = new Set(document.chapters.flatMap((c) => c.clauses));
  const symbols: PolicySymbol[] = document.chapters.map((chapter) => {
    const anchor = chapter.id?.node ?? chapter.title?.node ?? chapter.node;
    return {
      name: `${chapter.id?.value ?? chapter.index + 1} ${chapter.title?.value ?? ''}`.trim(),
      kind: 'chapter',
      start: chapter.node.start,
      end: chapter.node.end,
      selectionStart: anchor.start,
      selectionEnd: anchor.end,
      children: chapter.clauses.map(clauseSymbol),
    };
  });
  pushAll(symbols, document.clauses.filter((c) => !inChapters.has(c)).map(clauseSymbol));
  return symbols;
}

export interface FoldingRange {
  readonly startLine: number;
  readonly endLine: number;
}

/** Chapters, clauses and multi-line text blocks fold. */
export function foldingRanges(parsed: ParsedPolicy): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const add = (start: number, end: number): void => {
    const startLine = parsed.lines.positionAt(start).line;
    const endLine = parsed.lines.positionAt(end).line;
    if (endLine > startLine) ranges.push({ startLine, endLine });
  };
  for (const chapter of parsed.document.chapters) add(chapter.node.start, chapter.node.end);
  for (const clause of parsed.document.clauses) {
    add(clause.node.start, clause.node.end);
    if (clause.text?.key && clause.text.node.end > clause.text.node.start) add(clause.text.key.start, clause.text.node.end);
  }
  return ranges;
}
