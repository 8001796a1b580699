/** Clause parts: a text split at 。；!? and line ends, the unit in which cap words and amounts pair up. */
const PART_BREAK = /[。；;!?！？\n]/g;

/** Clause-part boundaries (。；!? and line ends) of one text, found once and searched by offset. */
export class Parts {
  private readonly breaks: number[] = [];
  constructor(private readonly text: string) {
    PART_BREAK.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = PART_BREAK.exec(text)) !== null) this.breaks.push(m.index);
  }

  /** Index of the first break at or after `offset`. */
  private next(offset: number): number {
    let lo = 0;
    let hi = this.breaks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.breaks[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Start of the clause part that contains the character before `offset`. */
  start(offset: number): number {
    const i = this.next(offset);
    return i > 0 ? this.breaks[i - 1] + 1 : 0;
  }

  /** End (exclusive) of the clause part that contains `offset`. */
  end(offset: number): number {
    const i = this.next(offset);
    return i < this.breaks.length ? this.breaks[i] : this.text.length;
  }
}
