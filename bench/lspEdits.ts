/**
 * A deterministic typing session over a generated draft, as incremental didChange events: type a few
 * characters into a clause text and delete them again, change a digit of an amount and back, add a
 * line to a clause text and remove it. Every cycle ends on the original text, so a session of any
 * length keeps the document the same size. Both servers receive exactly this list.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { createRng } from './generateDraft';

export type EditKind = 'type' | 'amount' | 'line';

export interface Edit {
  readonly kind: EditKind;
  /** Always a ranged (incremental) change. */
  readonly change: TextDocumentContentChangeEvent & { range: NonNullable<Extract<TextDocumentContentChangeEvent, { range: unknown }>['range']> };
}

const TYPED = '支持企业创新发展';
const NEW_LINE = '对新认定的国家级专精特新“小巨人”企业，给予最高50万元奖励。';

/** Lines holding a clause text (the line after `text: |`, indented ten spaces). */
function clauseTextLines(text: string): number[] {
  const lines = text.split('\n');
  const found: number[] = [];
  for (let i = 1; i < lines.length; i++) if (/^ {8}text: \|$/.test(lines[i - 1]) && /^ {10}\S/.test(lines[i])) found.push(i);
  return found;
}

export function editSession(original: string, count: number, seed = 7): Edit[] {
  const rng = createRng(seed);
  const doc = TextDocument.create('bench:edits', 'yaml', 0, original);
  const textLines = clauseTextLines(original);
  if (textLines.length === 0) throw new Error('no clause text lines in the draft');
  const withAmount = textLines.filter((line) => /\d+(?:\.\d+)?\s*(?:万元|亿元)/.test(lineText(original, line)));
  const edits: Edit[] = [];
  const apply = (kind: EditKind, start: number, end: number, text: string): void => {
    const change = { range: { start: doc.positionAt(start), end: doc.positionAt(end) }, text };
    edits.push({ kind, change });
    TextDocument.update(doc, [change], doc.version + 1);
  };
  const pickLine = (lines: readonly number[]): number => lines[Math.floor(rng() * lines.length)];
  const kinds: EditKind[] = ['type', 'amount', 'line'];
  for (let cycle = 0; edits.length < count; cycle++) {
    const kind = kinds[cycle % kinds.length];
    if (kind === 'type' || (kind === 'amount' && withAmount.length === 0)) {
      // Type three characters at a random place in a clause text, then backspace them.
      const line = pickLine(textLines);
      const content = lineText(doc.getText(), line);
      const at = doc.offsetAt({ line, character: 10 + Math.floor(rng() * (content.length - 10)) });
      const word = [...TYPED.slice(Math.floor(rng() * (TYPED.length - 3)))].slice(0, 3);
      word.forEach((ch, i) => apply('type', at + i, at + i, ch));
      for (let i = word.length; i > 0; i--) apply('type', at + i - 1, at + i, '');
    } else if (kind === 'amount') {
      // Change the first digit of an amount, then change it back.
      const line = pickLine(withAmount);
      const content = lineText(doc.getText(), line);
      const match = /(\d)(?:\d|\.)*\s*(?:万元|亿元)/.exec(content)!;
      const at = doc.offsetAt({ line, character: match.index });
      const digit = match[1];
      apply('amount', at, at + 1, digit === '9' ? '8' : String(Number(digit) + 1));
      apply('amount', at, at + 1, digit);
    } else {
      // Enter a new sentence on its own line in a clause text, then delete the line.
      const line = pickLine(textLines);
      const lineEnd = doc.offsetAt({ line: line + 1, character: 0 });
      const added = `          ${NEW_LINE}\n`;
      apply('line', lineEnd, lineEnd, added);
      apply('line', lineEnd, lineEnd + added.length, '');
    }
  }
  if (doc.getText() !== original) throw new Error('edit session did not return to the original text');
  return edits.slice(0, count);
}

function lineText(text: string, line: number): string {
  let start = 0;
  for (let i = 0; i < line; i++) start = text.indexOf('\n', start) + 1;
  const end = text.indexOf('\n', start);
  return text.slice(start, end < 0 ? text.length : end);
}
