/**
 * Term key → dense term number, by open addressing over two Int32Arrays. Term keys are small
 * integers (./terms); a Map of them cost a third of the time of indexing a national corpus.
 */
const EMPTY = -0x80000000; // no term key is this (concepts are −1 … −n, the rest ≥ 0)

export interface TermIdsData {
  readonly keys: Int32Array;
  readonly ids: Int32Array;
  readonly size: number;
}

export class TermIds {
  private keys: Int32Array;
  private ids: Int32Array;
  private mask: number;
  size = 0;

  constructor(capacity = 1 << 12) {
    let slots = 16;
    while (slots < capacity * 2) slots *= 2;
    this.keys = new Int32Array(slots).fill(EMPTY);
    this.ids = new Int32Array(slots);
    this.mask = slots - 1;
  }

  /** Its tables, to store a built index (restore with `TermIds.from`). */
  toData(): TermIdsData {
    return { keys: this.keys, ids: this.ids, size: this.size };
  }

  static from(data: TermIdsData): TermIds {
    const ids = new TermIds(1);
    ids.keys = data.keys;
    ids.ids = data.ids;
    ids.mask = data.keys.length - 1;
    ids.size = data.size;
    return ids;
  }

  /** The number of `key`, or −1. */
  get(key: number): number {
    for (let slot = hash(key) & this.mask; ; slot = (slot + 1) & this.mask) {
      const k = this.keys[slot];
      if (k === key) return this.ids[slot];
      if (k === EMPTY) return -1;
    }
  }

  /** The number of `key`, given the next free number if it has none. */
  getOrAdd(key: number): number {
    for (let slot = hash(key) & this.mask; ; slot = (slot + 1) & this.mask) {
      const k = this.keys[slot];
      if (k === key) return this.ids[slot];
      if (k === EMPTY) {
        this.keys[slot] = key;
        const id = this.size++;
        this.ids[slot] = id;
        if (this.size * 2 > this.mask) this.grow();
        return id;
      }
    }
  }

  private grow(): void {
    const keys = this.keys;
    const ids = this.ids;
    this.keys = new Int32Array(keys.length * 2).fill(EMPTY);
    this.ids = new Int32Array(keys.length * 2);
    this.mask = this.keys.length - 1;
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] === EMPTY) continue;
      let slot = hash(keys[i]) & this.mask;
      while (this.keys[slot] !== EMPTY) slot = (slot + 1) & this.mask;
      this.keys[slot] = keys[i];
      this.ids[slot] = ids[i];
    }
  }
}

function hash(key: number): number {
  return Math.imul(key ^ (key >>> 16), 0x45d9f3b) >>> 0;
}
