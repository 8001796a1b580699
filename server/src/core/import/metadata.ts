/**
 * Document metadata from the opening and closing of a policy: title (one to four lines), 文号,
 * a cover letter (有关单位：… 附件：, or a 关于印发《X》的通知 notice above policy X) with its
 * signatories and date, validity (（2023-2025年）,
 * 自2020年1月13日起施行，有效期至2023年12月31日, 有效期三年 after a known publication date) and
 * status (有效/现行 on a portal; expired once the validity ended before 2026).
 */
import { parseChineseNumeral } from '../normalise/chineseNumerals';
import { isHeadingLike, wechatHeadline } from './paragraphs';
import type { Paragraph } from './paragraphs';
import { datelineOf, isSignatory } from './closing';
import { parseMarker } from './numbering';
import { squashTitle } from './split';
import type { ImportedStatus } from './types';
import { pushAll } from '../text/pushAll';

export const DOC_NUMBER = /[\u4e00-\u9fa5]{1,12}[〔\[［【(（]\s*\d{4}\s*[〕\]］】)）]\s*\d{1,4}\s*号/;
const KIND_WORD = '(?:若干措施|措施|政策|意见|方案|计划|办法|细则|规划|导则|通知|决定|条例|规定|纲要)';
/** Second title line: the rest of the name (实施方案, 行动计划（2021—2023 年）) or the period alone. */
const TITLE_CONTINUATION = new RegExp(`^(?:[(（]\\s*\\d{4}.*[)）]|[\\u4e00-\\u9fa5\\s]{0,20}${KIND_WORD}\\s*(?:[(（][^)）]*[)）])?)$`);
const TODAY_YEAR = 2026;

export interface OpeningInfo {
  title?: string;
  docNumber?: string;
  /** Signatories of a cover letter. */
  issuers: string[];
  /** yyyy-mm-dd of a cover letter. */
  published?: string;
  /** Paragraphs after the opening (the policy body, preamble first). */
  body: Paragraph[];
  /** Opening paragraphs kept only as notes: a cover letter (with its 附件 line), a 文号 line with more than the number. */
  notes: string[];
  /** A 前言 heading above the preamble, left out. */
  preambleHeading?: string;
}

function compactTitle(title: string): string {
  // A PDF line break inside a title leaves a space before the document kind: 建设 工作方案.
  return title.replace(new RegExp(`\\s+(?=[\\u4e00-\\u9fa5]{0,6}${KIND_WORD})`, 'g'), '').replace(/\s+(?=[(（])/g, '').trim();
}

function isoOf(y: string, m: string, d: string): string {
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

/** A title ends with the document kind, maybe with a period or 试行 after it. */
const ENDS_WITH_KIND = new RegExp(`${KIND_WORD}\\s*(?:[(（][^)）]*[)）])?$`);
/** A line of its own after the title: the period, or 试行 / 征求意见稿 / 修订. */
const TITLE_SUFFIX = /^[(（]\s*(?:\d{4}[^)）]*|试行|暂行|修订|修订稿|征求意见稿|送审稿|草案)\s*[)）]$/;
/** 关于印发《X》的通知, with the issuer before it or not, with or without 《》. */
const COVER_TITLE = /关于(?:印发|发布|转发|公布)\s*[《〈]?(.+?)[》〉]?\s*的\s*通知$/;

function titleLine(p: Paragraph | undefined): boolean {
  return !!p && isHeadingLike(p.norm) && !parseMarker(p.norm) && !DOC_NUMBER.test(p.norm) && !datelineOf(p.norm);
}

/** Paragraphs [0, n) that make up the title: one line, or up to four lines ending in the document kind. */
function titleLength(paragraphs: readonly Paragraph[]): number {
  if (!titleLine(paragraphs[0])) return 0;
  let n = 1;
  if (!ENDS_WITH_KIND.test(paragraphs[0].norm.trim())) {
    for (let j = 1; j < 4 && titleLine(paragraphs[j]) && paragraphs[j].norm.trim().length <= 40; j++) {
      if (ENDS_WITH_KIND.test(paragraphs[j].norm.trim())) {
        n = j + 1;
        break;
      }
    }
  }
  const next = paragraphs[n];
  if (next && !parseMarker(next.norm) && !DOC_NUMBER.test(next.norm) && (TITLE_SUFFIX.test(next.norm.trim()) || (n === 1 && TITLE_CONTINUATION.test(next.norm)))) n++;
  return n;
}

/** Index after the title X repeated on one to three paragraphs from `from` on (within a cover letter's reach), or -1. */
function repeatedTitle(paragraphs: readonly Paragraph[], from: number, title: string): { at: number; end: number } | undefined {
  const target = squashTitle(title);
  for (let at = from; at < Math.min(paragraphs.length, from + 30); at++) {
    let joined = '';
    for (let end = at; end < Math.min(paragraphs.length, at + 3); end++) {
      joined += squashTitle(paragraphs[end].norm);
      if (joined === target) return { at, end: end + 1 };
      if (!target.startsWith(joined)) break;
    }
  }
  return undefined;
}

/** Signatories and date of a cover letter's lines. */
function readLetter(info: OpeningInfo, letter: readonly Paragraph[]): void {
  for (const p of letter) {
    const date = datelineOf(p.norm);
    if (date) info.published = date;
    else if (isSignatory(p.norm) && !info.issuers.includes(p.text.trim())) info.issuers.push(p.text.trim());
  }
}

/**
 * A cover notice (关于印发《X》的通知 …各有关单位：现将…印发给你们 …signatory, date) above policy X:
 * the notice and its letter become notes and X the title. Returns the index where X's body starts.
 */
function readCover(paragraphs: readonly Paragraph[], i: number, info: OpeningInfo, noticeTitle: string): number {
  const cover = COVER_TITLE.exec(noticeTitle.replace(/[\s　]/g, ''));
  if (!cover) return i;
  const inner = cover[1];
  const repeat = repeatedTitle(paragraphs, i, inner);
  let bodyStart: number;
  let title: string;
  if (repeat) {
    bodyStart = repeat.end;
    title = compactTitle(paragraphs.slice(repeat.at, repeat.end).map((p) => p.text).join(''));
    readLetter(info, paragraphs.slice(i, repeat.at));
    info.notes.push(noticeTitle, ...paragraphs.slice(i, repeat.at).map((p) => p.text.trim()));
  } else {
    // No repeat: the letter (salutation：, 现将…印发给你们, signatory, date) ends at its date.
    const window = paragraphs.slice(i, i + 12);
    const salutation = window.findIndex((p) => /[:：]$/.test(p.norm.trim()));
    const dated = window.findIndex((p, k) => k > salutation && datelineOf(p.norm) !== undefined);
    if (salutation < 0 || dated < 0 || !window.slice(salutation, dated).some((p) => /印发给你们|现将|现予印发|予以印发/.test(p.norm))) return i;
    bodyStart = i + dated + 1;
    title = inner;
    readLetter(info, paragraphs.slice(i, bodyStart));
    info.notes.push(noticeTitle, ...paragraphs.slice(i, bodyStart).map((p) => p.text.trim()));
  }
  info.title = title;
  return bodyStart;
}

/** 重磅！《X》正式印发 / 《X》全文来了: a WeChat headline naming policy X (not 关于印发《X》的通知, not 《中国制造2025》苏州实施纲要). */
function headlineName(norm: string): string | undefined {
  if (COVER_TITLE.test(norm.replace(/\s/g, '')) || ENDS_WITH_KIND.test(norm.trim())) return undefined;
  return wechatHeadline(norm);
}

/** The headline and what follows it up to policy X's own title line become notes; X is the title. */
function readHeadline(paragraphs: readonly Paragraph[], info: OpeningInfo, name: string): number {
  const repeat = repeatedTitle(paragraphs, 1, name);
  const end = repeat && repeat.at <= 6 ? repeat : undefined;
  pushAll(info.notes, paragraphs.slice(0, end ? end.at : 1).map((p) => p.text.trim()));
  info.title = end ? compactTitle(paragraphs.slice(end.at, end.end).map((p) => p.text).join('')) : name;
  return end ? end.end : 1;
}

/** A title for a text without a title line (the title is never empty): a 《》 name at the top, else the first sentence. */
function fallbackTitle(paragraphs: readonly Paragraph[]): string | undefined {
  for (const p of paragraphs.slice(0, 3)) {
    const named = /[《〈]([^》〉]{4,60})[》〉]/.exec(p.text);
    if (named) return named[1].trim();
  }
  const first = paragraphs.find((p) => p.text.trim().length >= 4) ?? paragraphs[0];
  if (!first) return undefined;
  const sentence = first.text.trim().split(/[。；;！!？?]/)[0].trim();
  return (sentence || first.text.trim()).slice(0, 60);
}

/** Title, 文号 and cover letter at the top of the text. */
export function readOpening(paragraphs: readonly Paragraph[], givenTitle: string | undefined): OpeningInfo {
  const info: OpeningInfo = { issuers: [], body: [], notes: [] };
  let i = 0;
  const squash = (s: string): string => s.replace(/[\s　]/g, '');
  if (givenTitle) {
    info.title = givenTitle;
    if (paragraphs[0] && squash(paragraphs[0].norm) === squash(givenTitle)) i = 1;
  } else if (paragraphs[0] && headlineName(paragraphs[0].norm)) {
    i = readHeadline(paragraphs, info, headlineName(paragraphs[0].norm)!);
  } else {
    i = titleLength(paragraphs);
    // The issuer on a line above the title (苏州市人民政府 / 苏州市促进…措施) signs it; 成都市人民政府办公厅 /
    // 关于印发…的通知 is one notice title.
    const issuerLine = i > 1 && isSignatory(paragraphs[0].norm) && !/^关于/.test(paragraphs[1].norm.trim());
    if (issuerLine) {
      info.issuers.push(paragraphs[0].text.trim());
      info.notes.push(paragraphs[0].text.trim());
    }
    if (i > 0) info.title = compactTitle(paragraphs.slice(issuerLine ? 1 : 0, i).map((p) => p.text).join(''));
  }
  // 文号 on a line of its own right under the title.
  for (let j = i; j < Math.min(paragraphs.length, i + 3); j++) {
    const match = DOC_NUMBER.exec(paragraphs[j].norm);
    if (match && paragraphs[j].norm.trim().length <= match[0].length + 4) {
      info.docNumber = paragraphs[j].text.trim().slice(match.index, match.index + match[0].length);
      if (j === i) {
        if (paragraphs[j].text.trim() !== info.docNumber) info.notes.push(paragraphs[j].text.trim());
        i++;
      }
      break;
    }
  }
  // A cover letter: 有关单位：… signatories, date, 附件：…, then the title again and the policy.
  const attachment = paragraphs.findIndex((p, j) => j >= i && j < i + 20 && /^附件\s*\d*\s*[:：]/.test(p.norm));
  const again = attachment > 0 && info.title ? paragraphs.findIndex((p, j) => j > attachment && j <= attachment + 2 && squash(p.norm) === squash(info.title!)) : -1;
  if (again > 0) {
    readLetter(info, paragraphs.slice(i, attachment));
    // The letter itself and its 附件 line; the title repeated after it is the title.
    pushAll(info.notes, paragraphs.slice(i, again).map((p) => p.text.trim()));
    i = again + 1;
  } else if (info.title && !givenTitle) i = readCover(paragraphs, i, info, info.title);
  // "前言" heads the preamble; it is not part of it.
  if (paragraphs[i] && /^前\s*言$/.test(paragraphs[i].norm.trim())) info.preambleHeading = paragraphs[i++].text.trim();
  info.body = paragraphs.slice(i);
  info.title ??= fallbackTitle(paragraphs);
  return info;
}

export interface Validity {
  effective?: string;
  expires?: string;
}

function yearsOf(raw: string): number | undefined {
  return /^\d+$/.test(raw) ? Number(raw) : parseChineseNumeral(raw.replace(/两/g, '二'));
}

function addYears(iso: string, years: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const date = new Date(Date.UTC(y + years, m - 1, d));
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

/** Validity stated in the title period or in the text's own 施行/有效期 sentence. */
export function readValidity(title: string, norm: string, published: string | undefined): Validity {
  const validity: Validity = {};
  const period = /[(（]\s*(\d{4})\s*年?\s*[-—–~～至到]+\s*(\d{4})\s*年?\s*[)）]/.exec(title);
  if (period) {
    validity.effective = `${period[1]}-01-01`;
    validity.expires = `${period[2]}-12-31`;
  }
  // Only sentences about this very document (本政策/本办法/此方案 …), not about the ones it cites.
  for (const sentence of norm.split(/[。\n]/)) {
    if (!/(?:本|此|以上)\s*(?:政策|办法|意见|措施|方案|细则|计划|导则|规定|规划|实施细则|行动计划)/.test(sentence)) continue;
    const start = /自\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日(?:起|之日起)?/.exec(sentence);
    if (start) validity.effective = isoOf(start[1], start[2], start[3]);
    else if (published && /自\s*(?:发布|印发|公布|发文)之日起/.test(sentence)) validity.effective = published;
    const until = /(?:有效期至|有效期到|至)\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日(?:止)?/.exec(sentence);
    if (until) validity.expires = isoOf(until[1], until[2], until[3]);
    const span = /(?:有效期|试行期|实施期)(?:为|限)?\s*([0-9一二两三四五六七八九十]+)\s*年/.exec(sentence);
    if (!until && span && validity.effective) {
      const years = yearsOf(span[1]);
      if (years) validity.expires = addYears(validity.effective, years);
    }
  }
  return validity;
}

/** in-force when the source says so, expired when the validity ended before this year; else unknown. */
export function readStatus(statusLabel: string | undefined, expires: string | undefined): ImportedStatus | undefined {
  if (expires && Number(expires.slice(0, 4)) < TODAY_YEAR) return 'expired';
  if (statusLabel && /废止/.test(statusLabel)) return 'repealed';
  if (statusLabel && /失效|过期/.test(statusLabel)) return 'expired';
  if (statusLabel && /有效|现行/.test(statusLabel)) return 'in-force';
  return undefined;
}

/** Level from a portal label (苏州市级, 园区级 …). */
export function levelOfLabel(label: string | undefined): '国家级' | '省级' | '市级' | '区县级' | '园区级' | undefined {
  if (!label) return undefined;
  if (/园区/.test(label)) return '园区级';
  if (/[区县]级/.test(label)) return '区县级';
  if (/市级/.test(label)) return '市级';
  if (/省级/.test(label)) return '省级';
  if (/国家级|部级/.test(label)) return '国家级';
  return undefined;
}
