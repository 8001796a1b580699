/**
 * Full-width → half-width folding that keeps every character in place (same length), so offsets
 * found in the folded text are offsets in the original.
 */
const FULL_WIDTH = /[\uff01-\uff5e\u3000]/g;

export function foldWidth(text: string): string {
  return text.replace(FULL_WIDTH, (ch) => (ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));
}
