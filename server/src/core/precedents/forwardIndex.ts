/**
 * Each document's terms, in term order, delta- and varint-coded with the count only where it is
 * not 1 (about 1.6 bytes a term; the low bit of each delta says whether a count byte follows): what the
 * candidates of a query on a large corpus are scored with exactly, one sequential read each instead
 * of a binary search per term in the inverted lists (which misses the cache at every step).
 */
export class ForwardIndexBuilder {
  private bytes = new Uint8Array(1 << 16);
  private length = 0;
  private starts = new Float64Array(1024);
  private docs = 0;
  private scratch = new Uint32Array(256);

  /** Adds the next document: its term numbers and counts (1 … 255), in any order. */
  add(terms: ArrayLike<number>, counts: ArrayLike<number>, size: number): void {
    if (this.docs + 1 >= this.starts.length) this.starts = grow(this.starts);
    this.starts[this.docs] = this.length;
    if (size > this.scratch.length) this.scratch = new Uint32Array(size * 2);
    // Sort (term, count) pairs as one 32-bit number each: term numbers stay under 2²⁴ (16M terms).
    const packed = this.scratch.subarray(0, size);
    for (let i = 0; i < size; i++) {
      if (terms[i] >= 1 << 24) throw new RangeError('forward index: more than 2^24 distinct terms');
      packed[i] = terms[i] * 256 + counts[i];
    }
    packed.sort();
    this.ensure(this.length + size * 6 + 5);
    const bytes = this.bytes;
    let at = writeVarint(bytes, this.length, size);
    let previous = 0;
    for (let i = 0; i < size; i++) {
      const term = packed[i] >>> 8;
      const count = packed[i] & 0xff;
      at = writeVarint(bytes, at, (term - previous) * 2 + (count === 1 ? 0 : 1));
      if (count !== 1) bytes[at++] = count;
      previous = term;
    }
    this.length = at;
    this.docs++;
    this.starts[this.docs] = this.length;
  }

  /** The index; the builder is spent (its buffer is handed over, not copied: a national corpus's is 600 MB). */
  build(): ForwardIndex {
    const index = new ForwardIndex(this.bytes.subarray(0, this.length), this.starts.subarray(0, this.docs + 1));
    this.bytes = new Uint8Array(0);
    this.starts = new Float64Array(1);
    return index;
  }

  private ensure(size: number): void {
    if (size <= this.bytes.length) return;
    let capacity = Math.max(16, this.bytes.length);
    // Doubling while small, then by a quarter: the unused tail of the last growth stays allocated.
    while (capacity < size) capacity = capacity < 1 << 26 ? capacity * 2 : Math.ceil(capacity * 1.25);
    const grown = new Uint8Array(capacity);
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }
}

export class ForwardIndex {
  constructor(readonly bytes: Uint8Array, readonly starts: Float64Array) {}

  get byteLength(): number {
    return this.bytes.length;
  }

  /**
   * Σ weight(t) × tfWeight[count] over the terms the document shares with a query whose terms
   * (`terms`, ascending) carry `weights`.
   */
  dot(doc: number, terms: Int32Array, weights: Float64Array, tfWeight: Float64Array): number {
    const bytes = this.bytes;
    let at = this.starts[doc];
    let size = 0;
    let shift = 0;
    for (;;) {
      const b = bytes[at++];
      size += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) break;
      shift += 7;
    }
    let term = 0;
    let q = 0;
    let total = 0;
    for (let i = 0; i < size && q < terms.length; i++) {
      let delta = 0;
      shift = 0;
      for (;;) {
        const b = bytes[at++];
        delta += (b & 0x7f) * 2 ** shift;
        if (b < 0x80) break;
        shift += 7;
      }
      term += Math.floor(delta / 2);
      const count = delta % 2 === 1 ? bytes[at++] : 1;
      while (q < terms.length && terms[q] < term) q++;
      if (q < terms.length && terms[q] === term) total += weights[q] * tfWeight[count];
    }
    return total;
  }
}

/** `value` (0 ≤ value < 2³²) in 7-bit groups, low first. */
function writeVarint(bytes: Uint8Array, at: number, value: number): number {
  let v = value >>> 0;
  while (v >= 0x80) {
    bytes[at++] = (v & 0x7f) | 0x80;
    v >>>= 7;
  }
  bytes[at++] = v;
  return at;
}

function grow(from: Float64Array): Float64Array<ArrayBuffer> {
  const to = new Float64Array(from.length * 2);
  to.set(from);
  return to;
}
