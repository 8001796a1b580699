import { commonPrefix, commonSuffix } from './commonAffix';

/** Converts offsets to zero-based line/character positions (UTF-16 columns, as LSP counts them). */
export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

export class LineIndex {
  private readonly lineStarts: number[];

  constructor(private readonly text: string, lineStarts?: number[]) {
    this.lineStarts = lineStarts ?? lineStartsOf(text, 0, text.length, [0]);
  }

  /**
   * The index of `text`, an edit of `previous`'s text: the line starts before the edit are kept, those
   * after it moved, and only the edited stretch is scanned (a keystroke in a 300-clause draft).
   */
  static after(previous: LineIndex, text: string): LineIndex {
    const old = previous.text;
    if (old === text) return previous;
    const shortest = Math.min(old.length, text.length);
    const from = commonPrefix(old, text, shortest);
    const newEnd = text.length - commonSuffix(old, text, shortest - from);
    const delta = text.length - old.length;
    // A line start p depends on text[p - 1] and text[p] (a CR counts unless an LF follows): starts in
    // [from, newEnd + 1] are found again, the others kept or moved.
    const oldStarts = previous.lineStarts;
    let k = 0;
    while (k < oldStarts.length && (k === 0 || oldStarts[k] < from)) k++; // 0 starts a line whatever follows
    const starts = oldStarts.slice(0, k);
    lineStartsOf(text, Math.max(0, from - 1), Math.min(text.length, newEnd + 1), starts);
    for (let i = k; i < oldStarts.length; i++) if (oldStarts[i] + delta > newEnd + 1) starts.push(oldStarts[i] + delta);
    return new LineIndex(text, starts);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.lineStarts[low] };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const lineStart = this.lineStarts[position.line];
    const lineEnd = this.lineEndOffset(position.line);
    return Math.min(lineStart + Math.max(0, position.character), lineEnd);
  }

  rangeOf(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  lineStartOffset(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length - 1))];
  }

  /** Offset of the end of the line's content (before its line break). */
  lineEndOffset(line: number): number {
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
    let end = next;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStartOffset(line), this.lineEndOffset(line));
  }
}

/** Appends the line starts that the characters text[from, to) make (each a break's next offset). */
function lineStartsOf(text: string, from: number, to: number, starts: number[]): number[] {
  for (let i = from; i < to; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 /* \n */) starts.push(i + 1);
    else if (ch === 13 /* \r */ && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
  }
  return starts;
}
