/**
 * Offsets → LSP positions (server/src/core/text/lineIndex.ts), and the index of an edited text built
 * from the previous one (LineIndex.after): it must equal an index built from scratch, line breaks
 * typed, deleted or split between CR and LF included.
 */
import * as assert from 'node:assert/strict';
import { LineIndex } from '../server/src/core/text/lineIndex';

/** Every offset's position and every line's start and end: the whole observable index. */
function observed(index: LineIndex, text: string): string {
  const out: string[] = [String(index.lineCount)];
  for (let offset = 0; offset <= text.length; offset++) {
    const { line, character } = index.positionAt(offset);
    out.push(`${line}:${character}`);
  }
  for (let line = 0; line < index.lineCount; line++) out.push(`${index.lineStartOffset(line)}-${index.lineEndOffset(line)}`);
  return out.join(' ');
}

describe('line index', () => {
  it('counts LF, CRLF and a lone CR as line breaks, in UTF-16 columns', () => {
    const text = 'policy: 苏州\r\ncity: 苏州\rlevel: 市级\n\n𠀀x';
    const index = new LineIndex(text);
    assert.equal(index.lineCount, 5);
    assert.deepEqual(index.positionAt(text.indexOf('city')), { line: 1, character: 0 });
    assert.deepEqual(index.positionAt(text.indexOf('level') + 2), { line: 2, character: 2 });
    assert.deepEqual(index.positionAt(text.indexOf('x')), { line: 4, character: 2 }); // 𠀀 is two UTF-16 units
    assert.equal(index.lineText(0), 'policy: 苏州');
    assert.equal(index.offsetAt({ line: 1, character: 99 }), text.indexOf('\r', text.indexOf('city')));
  });

  it('after an edit equals an index built from scratch (4000 random edits)', () => {
    let state = 2026;
    const random = (n: number): number => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state % n;
    };
    const pieces = ['\n', '\r', '\r\n', '  - id: "1"', '给予最高500万元奖励。', 'text: |', ' ', ''];
    let text = 'policy: 苏州市促进人工智能产业发展若干措施\nclauses:\n  - id: "1"\r\n    text: 支持\r企业\n';
    let index = new LineIndex(text);
    for (let i = 0; i < 4000; i++) {
      const at = random(text.length + 1);
      const removed = random(4) === 0 ? 0 : random(Math.min(6, text.length - at) + 1);
      const inserted = Array.from({ length: random(3) }, () => pieces[random(pieces.length)]).join('');
      const next = text.slice(0, at) + inserted + text.slice(at + removed);
      const after = LineIndex.after(index, next);
      assert.equal(observed(after, next), observed(new LineIndex(next), next), `edit ${i}: ${JSON.stringify([at, removed, inserted])}`);
      text = next.length > 3000 ? next.slice(0, 1000) : next;
      index = text === next ? after : new LineIndex(text);
    }
  });
});
