/**
 * Plain policy text → paragraphs. Published texts come with lines broken mid-sentence (PDF page and
 * line breaks, blank lines between every line), with whole documents on one line whose paragraphs
 * are separated by runs of (no-break) spaces, and with chrome. Lines are trimmed of indentation;
 * a line that does not end a sentence is joined to the next one unless that starts a numbered item.
 */
import { foldWidth } from '../normalise/width';
import { isChromeLine } from './chrome';
import { bareMarker, parseMarker } from './numbering';
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
const WECHAT_HEADLINE = /^([^《〈。，,；;]{0,10})[《〈]([^》〉]{4,60})[》〉]([^。，,；;《]{0,12})$/;

/** 重磅！《X》正式印发 / 《X》全文来了: a WeChat headline (it stands alone) and the X it names. 按照《X》 is not one. */
export function wechatHeadline(norm: string): string | undefined {
  const match = WECHAT_HEADLINE.exec(norm.trim());
  if (!match) return undefined;
  return /[！!|｜]/.test(match[1]) || /印发|发布|出台|公布|出炉|来了|落地|全文|解读/.test(match[3]) ? match[2].trim() : undefined;
}
/** 一起来看👇: a line ending in an emoji ends there. */
const EMOJI_END = /\p{Extended_Pictographic}\uFE0F?$/u;
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

/** An opened and not yet closed responsibility bracket: （责任单位：↵市经信局） is one marker. */
const OPEN_DEPARTMENT = /[(（〔\[【]\s*(?:责任|牵头|配合|主责|负责|实施)[^)）〕\]】]*$/;
/** What follows 第三条 cited inside a sentence (本办法第三条规定的, 第三条所称, 第三条中). */
const CITED = /^(?:规定|所|的|中|之|第|和|或|及|、|至)/;
const NUMBERED_ALONG = new Set(['chapter', 'section', 'article']);

/** Document-wide numbers seen so far (第X章 / 第X节 / 第X条), for telling a new one from a citation. */
type Seen = Map<string, number>;

/** A 第X条 at the start of a line that cites an article inside the sentence the previous line began. */
function isCitation(next: string, seen: Seen): boolean {
  const marker = parseMarker(next) ?? bareMarker(next);
  if (!marker || !NUMBERED_ALONG.has(marker.style)) return false;
  return CITED.test(next.slice(marker.length)) || marker.value <= (seen.get(marker.style) ?? 0);
}

/** Whether `next` continues the paragraph that `previous` (both analysis copies) has begun. */
function continues(previous: string, next: string, seen: Seen): boolean {
  if (isTableRow(previous) || isTableRow(next)) return false;
  // 第一章↵总则, 第一条↵为加快……: a marker alone on its line (PDF copies) heads the next line.
  if (bareMarker(previous)) return !parseMarker(next) && !bareMarker(next);
  // （责任单位：…） on its own line belongs to the item above it.
  if (DEPARTMENT_TAIL.test(next) && !parseMarker(next)) return true;
  if (OPEN_DEPARTMENT.test(previous) && !parseMarker(next)) return true;
  if (TERMINAL.test(previous) || isHeadingLike(previous) || EMOJI_END.test(previous) || wechatHeadline(previous) !== undefined) return false;
  if (isCitation(next, seen)) return true;
  return parseMarker(next) === undefined && bareMarker(next) === undefined;
}

/** A number a broken sentence asks for (最高↵2000↵万元), not a page number. */
const WANTS_NUMBER = /(?:最高|不超过|不低于|不少于|给予|达到|超过|突破|奖励|补助|补贴|资助|满|约|共|为|按|第|前|至|到|每)$/;
const UNIT_AFTER = /^(?:万元|亿元|千万元|百万元|元|%|％|年|个|家|万|亿|倍|项|人|名|户|台|套|平方米|亩)/;

function isNumberInSentence(line: string, previous: string | undefined, next: string | undefined): boolean {
  if (!/^\d{1,4}$/.test(line) || previous === undefined || TERMINAL.test(previous) || isHeadingLike(previous)) return false;
  return WANTS_NUMBER.test(previous) || (next !== undefined && UNIT_AFTER.test(analysisCopy(next)));
}

/** Project↵Wafer: a line broken between two Latin words is joined with a space (never between CJK or two digits). */
function joiner(previous: string, next: string): string {
  const a = previous.slice(-1);
  const b = next.charAt(0);
  return /[A-Za-z0-9]/.test(a) && /[A-Za-z0-9]/.test(b) && !(/\d/.test(a) && /\d/.test(b)) ? ' ' : '';
}

/** Paragraphs of a document's text, chrome dropped (and pushed onto `chrome` when given). */
export function toParagraphs(text: string, chrome?: string[]): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  const seen: Seen = new Map();
  const lines = rawLines(text);
  lines.forEach((line, i) => {
    const last = paragraphs[paragraphs.length - 1];
    if (isChromeLine(line) && !isNumberInSentence(line, last?.norm, lines[i + 1])) {
      chrome?.push(line);
      return;
    }
    const norm = analysisCopy(line);
    if (last && continues(last.norm, norm, seen)) {
      const space = joiner(last.text, line);
      paragraphs[paragraphs.length - 1] = { text: last.text + space + line, norm: last.norm + space + norm };
      return;
    }
    paragraphs.push({ text: line, norm });
    const marker = parseMarker(norm) ?? bareMarker(norm);
    if (marker && NUMBERED_ALONG.has(marker.style)) seen.set(marker.style, marker.value);
  });
  return paragraphs;
}
