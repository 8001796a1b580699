/**
 * Document metadata from the opening and closing of a policy: title (one or two lines), 文号,
 * a cover letter (有关单位：… 附件：) with its signatories and date, validity (（2023-2025年）,
 * 自2020年1月13日起施行，有效期至2023年12月31日, 有效期三年 after a known publication date) and
 * status (有效/现行 on a portal; expired once the validity ended before 2026).
 */
import { parseChineseNumeral } from '../normalise/chineseNumerals';
import { isHeadingLike } from './paragraphs';
import type { Paragraph } from './paragraphs';
import { parseMarker } from './numbering';
import type { ImportedStatus } from './types';

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

const SIGNATORY = /^[\u4e00-\u9fa5（）()、]{4,40}(?:政府|委员会|管委会|办公室|办公厅|局|厅|委|部|院|中心)$/;
const DATE_LINE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;

function isoOf(y: string, m: string, d: string): string {
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

/** Title, 文号 and cover letter at the top of the text. */
export function readOpening(paragraphs: readonly Paragraph[], givenTitle: string | undefined): OpeningInfo {
  const info: OpeningInfo = { issuers: [], body: [], notes: [] };
  let i = 0;
  const squash = (s: string): string => s.replace(/[\s　]/g, '');
  if (givenTitle) {
    info.title = givenTitle;
    if (paragraphs[0] && squash(paragraphs[0].norm) === squash(givenTitle)) i = 1;
  } else if (paragraphs[0] && isHeadingLike(paragraphs[0].norm) && !parseMarker(paragraphs[0].norm)) {
    let title = paragraphs[0].text;
    i = 1;
    const next = paragraphs[1];
    if (next && !parseMarker(next.norm) && TITLE_CONTINUATION.test(next.norm) && !DOC_NUMBER.test(next.norm)) {
      title += next.text;
      i = 2;
    }
    info.title = compactTitle(title);
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
  if (attachment > 0 && info.title) {
    const again = paragraphs.findIndex((p, j) => j > attachment && j <= attachment + 2 && squash(p.norm) === squash(info.title!));
    if (again > 0) {
      for (const p of paragraphs.slice(i, attachment)) {
        const line = p.text.trim();
        const date = DATE_LINE.exec(p.norm.trim());
        if (date) info.published = isoOf(date[1], date[2], date[3]);
        else if (SIGNATORY.test(line)) info.issuers.push(line);
      }
      // The letter itself and its 附件 line; the title repeated after it is the title.
      info.notes.push(...paragraphs.slice(i, again).map((p) => p.text.trim()));
      i = again + 1;
    }
  }
  // "前言" heads the preamble; it is not part of it.
  if (paragraphs[i] && /^前\s*言$/.test(paragraphs[i].norm.trim())) info.preambleHeading = paragraphs[i++].text.trim();
  info.body = paragraphs.slice(i);
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
