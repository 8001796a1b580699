/**
 * Plain policy text → paragraphs. Published texts come with lines broken mid-sentence (PDF page and
 * line breaks, blank lines between every line), with whole documents on one line whose paragraphs
 * are separated by runs of (no-break) spaces, and with chrome. Lines are trimmed of indentation;
 * a line that does not end a sentence is joined to the next one unless that starts a numbered item.
 */
import { foldWidth } from '../normalise/width';
import { isChromeLine } from './chrome';
import { parseMarker } from './numbering';
import { toSimplified } from './traditional';

export interface Paragraph {
  /** As written, indentation removed, broken lines re-joined. */
  readonly text: string;
  /** Analysis copy of `text`: simplified characters, folded width; same length. */
  readonly norm: string;
}

export function analysisCopy(text: string): string {
  return foldWidth(toSimplified(text));
}

const SPACE = '[ \\u00a0\\u2002\\u2003\\u3000]';
/** A run of 3+ spaces inside a line is a paragraph break in one-line copies of a page. */
const INLINE_BREAK = new RegExp(`(?<=\\S)${SPACE}{3,}(?=\\S)`, 'g');
/** 专栏N after a closing bracket or full stop starts a new paragraph even after one space. */
const BOX_BREAK = new RegExp(`(?<=[)）。])${SPACE}+(?=专栏${SPACE}*[0-9一二三四五六七八九十])`, 'g');
const TERMINAL = /(?:[。；;！!？?：:）)】\]〕〉>]|[。！？][”"’])$/;
const DEPARTMENT_TAIL = /^[(（〔\[【]\s*(?:责任|牵头|配合|主责|负责|实施|政策咨询|咨询)/;
const SENTENCE_PUNCT = /[。；;，,！!？?]/;

/** Raw lines: split, inline breaks opened, markdown list dashes and indentation removed. */
export function rawLines(text: string): string[] {
  const lines: string[] = [];
  for (const physical of text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n')) {
    for (const piece of physical.replace(INLINE_BREAK, '\n').replace(BOX_BREAK, '\n').split('\n')) {
      let line = piece.trim();
      // "- 1、书面申请" in markdown conversions: the dash is not part of the text.
      if (/^[-*]\s+\S/.test(line) && parseMarker(analysisCopy(line.replace(/^[-*]\s+/, '')))) line = line.replace(/^[-*]\s+/, '');
      if (line !== '') lines.push(line);
    }
  }
  return lines;
}

/**
 * A short line without sentence punctuation: a heading or a title, never a broken sentence. A
 * numbered line is a heading only when short (（一）建立人工智能创新体系); 第二十九条 对本区企业
 * 或机构出资主办、联合主办、承办人工 is the first line of a sentence.
 */
export function isHeadingLike(norm: string): boolean {
  const marker = parseMarker(norm);
  const rest = (marker ? norm.slice(marker.length) : norm).trim();
  if (SENTENCE_PUNCT.test(rest)) return false;
  if (!marker) return rest.length <= 60;
  if (rest.length > 30 || (rest.includes('、') && rest.length > 20)) return false;
  return !/^(?:对|为|按|经|在|凡|根据|按照|依据|鼓励|支持)/.test(rest) || rest.length <= 15;
}

function isTableRow(line: string): boolean {
  return line.includes('\t');
}

/** Whether `next` continues the paragraph that `previous` (both analysis copies) has begun. */
function continues(previous: string, next: string): boolean {
  if (isTableRow(previous) || isTableRow(next)) return false;
  // （责任单位：…） on its own line belongs to the item above it.
  if (DEPARTMENT_TAIL.test(next) && !parseMarker(next)) return true;
  if (TERMINAL.test(previous) || isHeadingLike(previous)) return false;
  return parseMarker(next) === undefined;
}

/** Paragraphs of a document's text, chrome dropped (and pushed onto `chrome` when given). */
export function toParagraphs(text: string, chrome?: string[]): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  for (const line of rawLines(text)) {
    if (isChromeLine(line)) {
      chrome?.push(line);
      continue;
    }
    const norm = analysisCopy(line);
    const last = paragraphs[paragraphs.length - 1];
    if (last && continues(last.norm, norm)) {
      paragraphs[paragraphs.length - 1] = { text: last.text + line, norm: last.norm + norm };
    } else paragraphs.push({ text: line, norm });
  }
  return paragraphs;
}
