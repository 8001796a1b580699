/**
 * Maps a span inside a scalar's decoded value back to the exact source characters.
 *
 * Decoded text and source are aligned character by character: every non-whitespace character of the
 * value must appear, in order, in the source, with only whitespace (indentation, folded line breaks,
 * CR of CRLF) or the doubled quote of a single-quoted scalar skipped in between. Literal and folded
 * blocks, multi-line plain scalars and escape-free quoted scalars align exactly; when alignment fails
 * (escape sequences) the span falls back to the whole scalar.
 */
import type { YScalar } from './nodes';

const alignmentCache = new WeakMap<YScalar, Int32Array | null>();

export interface SourceSpan {
  readonly start: number;
  readonly end: number;
}

export function scalarSpanToSource(text: string, scalar: YScalar, from: number, to: number): SourceSpan {
  const offsets = alignment(text, scalar);
  if (!offsets || from < 0 || to > scalar.value.length || from > to) return { start: scalar.start, end: scalar.end };
  if (from === to) {
    const at = from < offsets.length ? offsets[from] : scalar.end;
    return { start: at, end: at };
  }
  return { start: offsets[from], end: offsets[to - 1] + 1 };
}

function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r';
}

function alignment(text: string, scalar: YScalar): Int32Array | null {
  const cached = alignmentCache.get(scalar);
  if (cached !== undefined) return cached;
  const result = align(text, scalar);
  alignmentCache.set(scalar, result);
  return result;
}

function align(text: string, scalar: YScalar): Int32Array | null {
  const value = scalar.value;
  const offsets = new Int32Array(value.length);
  let p = scalar.start;
  const end = scalar.end;
  if (scalar.style === 'single' || scalar.style === 'double') p++; // opening quote
  if (scalar.style === 'literal' || scalar.style === 'folded') {
    // Block scalars: the event already starts at the first content line; nothing to skip.
  }
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (isSpace(ch)) {
      // Whitespace in the value: a space, a kept line break, or a folded line break.
      if (p < end && isSpace(text[p])) {
        if (text[p] === '\r' && text[p + 1] === '\n') p++;
        offsets[i] = p++;
      } else {
        offsets[i] = Math.max(scalar.start, p - 1);
      }
      continue;
    }
    while (p < end && isSpace(text[p])) p++;
    if (p >= end) return null;
    if (text[p] !== ch) return null;
    offsets[i] = p++;
    if (ch === "'" && scalar.style === 'single' && text[p] === "'") p++;
  }
  return offsets;
}
