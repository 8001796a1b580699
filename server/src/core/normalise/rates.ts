/**
 * Rates in Chinese policy text: `20%`, `10%~30%`, `10—30%`, `百分之二十`, `2‰`. A rate is a share of
 * eligible cost (按投资额的20%给予补助), interest points (贴息1.5个百分点), or something else (growth
 * targets, tax deduction ratios) that the cap rules must leave alone.
 */
import { CHINESE_NUMERAL, parseChineseNumeral } from './chineseNumerals';
import { lastEnd } from './regex';
import type { RateMention, RateValue } from './types';
import { foldWidth } from './width';

const NUM = '\\d+(?:\\.\\d+)?';
const RANGE_SEP = '\\s*(?:~|～|-|—|–|至|到)\\s*';
const RATE_RE = new RegExp(
  `(${NUM})\\s*个百分点|(${NUM})\\s*(%|‰)?(?:${RANGE_SEP}(${NUM})\\s*(%|‰))?|百分之(${CHINESE_NUMERAL}|${NUM})(?:(?:${RANGE_SEP})百分之(${CHINESE_NUMERAL}|${NUM}))?`,
  'g',
);
const RATE_EXACT = new RegExp(`^(?:${RATE_RE.source})$`);
const SHARE_WORDS = /按|按照|给予|补助|补贴|资助|奖励|比例|费用|投入|投资|支出|成本|金额|合同额|购置|租金|价款|额度|总额/g;
// 不低于/不少于 state a condition (自筹资金不低于总投资的30%), 人数 a headcount limit: neither is a share of cost.
const OTHER_WORDS = /增长|增速|增幅|占比|比重|达到|提高|提升|覆盖|渗透率|普及率|比率|利用率|加计扣除|降低|下降|年均|股比|持股|控股|以上|不低于|不少于|(?<!不)超过|人数/g;

/** A limit on how a budget is spent (人员费用不高于资助费用总额的30%), not a share of eligible cost. */
const COMPOSITION_LIMIT = /(?:人员费用|人员经费|人力成本|人工费用?|劳务费|管理费|间接费用)[^，,。；;]{0,6}(?:不超过|不高于|不得超过|最高不超过)[^，,。；;]{0,16}$/;

function number(raw: string): number | undefined {
  return /^\d/.test(raw) ? Number(raw) : parseChineseNumeral(raw);
}

/** Reads a structured rate: `20%`, `10%~30%`, `10—30%`, `百分之二十`, `2‰`, or a bare number (percent). */
export function parseRate(raw: string | number): RateValue | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) ? { min: raw, max: raw } : undefined;
  const text = foldWidth(raw).trim();
  const match = RATE_EXACT.exec(text);
  if (!match || match[1] !== undefined) return undefined;
  return valueOf(match);
}

function valueOf(match: RegExpExecArray): RateValue | undefined {
  if (match[6] !== undefined) {
    const min = number(match[6]);
    const max = match[7] !== undefined ? number(match[7]) : min;
    return min === undefined || max === undefined ? undefined : { min, max };
  }
  const scale = (unit: string | undefined): number => (unit === '‰' ? 0.1 : 1);
  const lowUnit = match[3] ?? match[5];
  const min = Number(match[2]) * scale(lowUnit);
  const max = match[4] !== undefined ? Number(match[4]) * scale(match[5]) : min;
  return { min: round(min), max: round(max) };
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** Every rate in a text, in order, with its role. */
export function findRates(text: string, folded = foldWidth(text)): RateMention[] {
  const result: RateMention[] = [];
  RATE_RE.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = RATE_RE.exec(folded)) !== null) {
    const start = match.index;
    const end = start + match[0].length;
    if (start > 0 && /[\d.]/.test(folded[start - 1])) continue;
    if (match[1] !== undefined) {
      const points = Number(match[1]);
      result.push({ start, end, raw: text.slice(start, end), min: points, max: points, role: 'points' });
      continue;
    }
    // A plain number is a rate only with a % or ‰ sign (or written 百分之…).
    if (match[6] === undefined && match[3] === undefined && match[5] === undefined) continue;
    const value = valueOf(match);
    if (!value) continue;
    // The nearest telling word before the rate decides; a 给予/补助 right after it means a share too.
    const part = folded.slice(Math.max(0, start - 30), start).split(/[。；;，,]/).pop() ?? '';
    const share = lastEnd(SHARE_WORDS, part);
    const other = lastEnd(OTHER_WORDS, part);
    const after = folded.slice(end, end + 12);
    const role = /^\s*以上/.test(after) || (other > share && other >= 0) || COMPOSITION_LIMIT.test(part)
      ? 'other'
      : share >= 0 || /^[^。；;，,]{0,6}(?:给予|予以|的?(?:补助|补贴|资助|奖励|支持))/.test(after) ? 'share' : 'other';
    result.push({ start, end, raw: text.slice(start, end), ...value, role });
  }
  return result;
}
