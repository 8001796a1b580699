/**
 * Closing paragraphs after the last numbered item: 本政策自…起施行, 有效期…, 由…负责解释, the
 * signature block (signatory, dateline, 抄送, the 印发 line) and trailing attachments (附件：1.…,
 * 附件1 …). The closing sentences become a closing clause; the signature block and the attachments
 * are notes, with the signatory and date read as metadata.
 */
import { parseChineseNumeral } from '../normalise/chineseNumerals';
import { parseMarker } from './numbering';
import type { Paragraph } from './paragraphs';
import { isHeadingLike } from './paragraphs';

const CLOSING = /自.{0,25}(?:起|之日)\s*(?:施行|实施|执行|试行|生效)|有效期|负责解释|废止|不再执行|^以上(?:政策|措施)/;
const SIGNATORY_BODY = '[\\u4e00-\\u9fa5（）()、\\s]{4,40}(?:政府|委员会|管委会|办公室|办公厅|局|厅|委|部|院|中心)';
const SIGNATORY = new RegExp(`^${SIGNATORY_BODY}$`);
/** 2024年3月1日 or 二〇二四年三月一日 (the analysis copy folds Ｏ to O). */
const DATE = '(\\d{4}|[〇○零Oo一二三四五六七八九]{4})\\s*年\\s*(\\d{1,2}|[一二三四五六七八九十]{1,3})\\s*月\\s*(\\d{1,2}|[一二三四五六七八九十]{1,3})\\s*日';
const DATE_LINE = new RegExp(`^${DATE}(?:印发|发布)?$`);
/** The 版记 line: 深圳市人民政府办公厅  2023年5月12日印发. */
const SIGNED_LINE = new RegExp(`^(${SIGNATORY_BODY})\\s+${DATE}(?:印发|发布)?$`);
const COPY_LINE = /^(?:抄送|抄报|报送|分送|主送|印送)\s*[:：]/;
/** 附件 / 附件1 / 附件：1.重点产品目录 / 附件1：… starting a paragraph. */
const ATTACHMENT = /^附\s*件\s*[0-9一二三四五六七八九十]{0,3}\s*(?:[:：].*)?$/;
const ATTACHMENT_TITLED = /^附件\s*\d{1,2}\s+\S/;
const YEAR_DIGIT: Record<string, string> = { '〇': '0', '○': '0', '零': '0', O: '0', o: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

function numberOf(raw: string): number | undefined {
  return /^\d+$/.test(raw) ? Number(raw) : parseChineseNumeral(raw);
}

function isoOf(year: string, month: string, day: string): string | undefined {
  const y = /^\d{4}$/.test(year) ? year : [...year].map((c) => YEAR_DIGIT[c]).join('');
  const m = numberOf(month);
  const d = numberOf(day);
  if (!m || !d || m > 12 || d > 31) return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** yyyy-mm-dd of a dateline (2024年3月1日, 二〇二四年三月一日, …日印发), else undefined. */
export function datelineOf(norm: string): string | undefined {
  const match = DATE_LINE.exec(norm.trim());
  return match ? isoOf(match[1], match[2], match[3]) : undefined;
}

export function isSignatory(norm: string): boolean {
  return SIGNATORY.test(norm.trim());
}

export function isAttachmentHead(norm: string): boolean {
  const line = norm.trim();
  return ATTACHMENT.test(line) || (ATTACHMENT_TITLED.test(line) && isHeadingLike(line));
}

export interface Closing {
  /** Paragraphs before the closing. */
  readonly body: Paragraph[];
  /** Closing sentences, as written. */
  readonly sentences: string[];
  readonly signatories: string[];
  readonly date?: string;
  /** The signature block and the attachments, as written. */
  readonly trailer: string[];
}

interface Signature {
  signatories: string[];
  date?: string;
}

/** Reads one line of a signature block into `into`; false when the line is not one. */
function readSignatureLine(norm: string, text: string, into: Signature, before: boolean): boolean {
  const line = norm.trim();
  const add = (name: string): void => {
    if (before) into.signatories.unshift(name);
    else into.signatories.push(name);
  };
  const date = datelineOf(line);
  if (date) {
    // The dateline under the signature, not the 印发 line below it, when both are there.
    if (!into.date || !/印发|发布/.test(line)) into.date = date;
    return true;
  }
  const signed = SIGNED_LINE.exec(line);
  if (signed) {
    into.date ??= isoOf(signed[2], signed[3], signed[4]);
    // The office that printed it signs only when nobody else does.
    if (into.signatories.length === 0) add(text.trim().slice(0, signed[1].trim().length));
    return true;
  }
  if (SIGNATORY.test(line)) {
    add(text.trim());
    return true;
  }
  return COPY_LINE.test(line);
}

export function splitClosing(paragraphs: readonly Paragraph[]): Closing {
  const firstNumbered = paragraphs.findIndex((p) => parseMarker(p.norm) !== undefined);
  // Attachments after the policy: everything from the first 附件 line on.
  let cut = firstNumbered < 0 ? -1 : paragraphs.findIndex((p, i) => i > firstNumbered && isAttachmentHead(p.norm));
  if (cut < 0) cut = paragraphs.length;
  let lastNumbered = -1;
  paragraphs.forEach((p, i) => {
    if (i < cut && parseMarker(p.norm)) lastNumbered = i;
  });
  const signature: Signature = { signatories: [] };
  // Signature block at the very end (of the policy, before any attachment).
  let end = cut;
  while (end > lastNumbered + 1 && readSignatureLine(paragraphs[end - 1].norm, paragraphs[end - 1].text, signature, true)) end--;
  // A signature after the attachment list (附件：1.… then signatory and date, then 附件1 …).
  if (end === cut && signature.signatories.length === 0) {
    for (let i = cut + 1; i < paragraphs.length && !isAttachmentHead(paragraphs[i].norm); i++) {
      const found: Signature = { signatories: [] };
      if (SIGNATORY.test(paragraphs[i].norm.trim()) && readSignatureLine(paragraphs[i].norm, paragraphs[i].text, found, false) && datelineOf(paragraphs[i + 1]?.norm ?? '')) {
        signature.signatories.push(...found.signatories);
        signature.date = datelineOf(paragraphs[i + 1].norm);
        break;
      }
    }
  }
  let start = end;
  if (lastNumbered >= 0) {
    const first = paragraphs.findIndex((p, i) => i > lastNumbered && i < end && CLOSING.test(p.norm));
    // Under a bare heading (四、附则) the closing sentences are that heading's own text.
    const underHeading = first === lastNumbered + 1 && isHeadingLike(paragraphs[lastNumbered].norm);
    if (first > 0 && !underHeading) start = first;
  }
  return {
    body: paragraphs.slice(0, start),
    sentences: paragraphs.slice(start, end).map((p) => p.text),
    signatories: signature.signatories,
    date: signature.date,
    trailer: paragraphs.slice(end).map((p) => p.text.trim()),
  };
}
