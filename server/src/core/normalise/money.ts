/**
 * Money amounts in Chinese policy text: 元/千元/万元/亿元, 万/亿 without 元, full-width digits,
 * `5000 万元`, 五百万元, 1.5亿元, `1,000万元`, `20万/项`, and lists whose unit is written once at
 * the end (`分别给予最高500、300、100万元`).
 */
import { CHINESE_NUMERAL, parseChineseNumeral } from './chineseNumerals';
import type { AmountMatch, MoneyUnit } from './types';
import { foldWidth } from './width';

const UNIT_FACTOR: Record<string, number> = { 元: 1, 千元: 1e3, 万元: 1e4, 亿元: 1e8, 万: 1e4, 亿: 1e8, 万亿元: 1e12, 万亿: 1e12 };
const ARABIC = '\\d+(?:,\\d{3})*(?:\\.\\d+)?';
const UNIT = '(?:万亿元|万亿|亿元|万元|千元|元|亿|万)';
/** What must not follow 万/亿 for it to be money: 万人, 万平方米, 万台 … */
const NOT_MONEY_AFTER = /^(?:[人平方米台张吨户千瓦亩个家次辆套件株头只册条篇字名座项元]|余[人家户]|多[人家户]|kW|千瓦|平米|标准箱|度)/;

const AMOUNT_RE = new RegExp(`(${ARABIC}|${CHINESE_NUMERAL})\\s*(${UNIT})`, 'g');
/** A bare number list item waiting for the unit of the amount after it: `500、300、` in 500、300、100万元. */
const LIST_ITEM_BEFORE = new RegExp(`(${ARABIC})\\s*(?:[、,，/]|和|或|至|到|~|-|—|–)\\s*$`);

function toNumber(raw: string): number | undefined {
  if (/^[\d,.]+$/.test(raw)) {
    const value = Number(raw.replace(/,/g, ''));
    return Number.isFinite(value) ? value : undefined;
  }
  return parseChineseNumeral(raw);
}

/** Rounds away floating-point noise (1.1 × 1e8 = 110000000.00000001). */
function yuanOf(value: number, unit: string): number {
  return Math.round(value * UNIT_FACTOR[unit] * 100) / 100;
}

/** Reads a structured amount (`100万元`, `1亿元`, `2000元`, `100万`, or a bare number in `defaultUnit`) as 元. */
export function parseMoney(raw: string | number, defaultUnit: MoneyUnit = '万元'): number | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) && raw >= 0 ? yuanOf(raw, defaultUnit) : undefined;
  const text = foldWidth(String(raw)).trim();
  const match = new RegExp(`^(${ARABIC}|${CHINESE_NUMERAL})\\s*(${UNIT})?$`).exec(text);
  if (!match) return undefined;
  const value = toNumber(match[1]);
  return value === undefined ? undefined : yuanOf(value, match[2] ?? defaultUnit);
}

/** Every money amount in a text, in order. */
export function findMoneyAmounts(text: string, folded = foldWidth(text)): AmountMatch[] {
  const result: AmountMatch[] = [];
  for (const match of folded.matchAll(AMOUNT_RE)) {
    const start = match.index ?? 0;
    const end = start + match[0].length;
    const unit = match[2];
    if ((unit === '万' || unit === '亿' || unit === '万亿') && NOT_MONEY_AFTER.test(folded.slice(end, end + 4))) continue;
    // 2023年 / 第3个 / 10.5% are not preceded by anything we must reject here; a digit directly before means we matched mid-number.
    if (start > 0 && /[\d.]/.test(folded[start - 1])) continue;
    const value = toNumber(match[1]);
    if (value === undefined) continue;
    // Bare numbers before this amount that share its unit: 500、300、100万元.
    const listed: AmountMatch[] = [];
    let cursor = start;
    for (;;) {
      const before = LIST_ITEM_BEFORE.exec(folded.slice(Math.max(0, cursor - 24), cursor));
      if (!before) break;
      const itemStart = cursor - before[0].length;
      if (itemStart > 0 && /[\d.%]/.test(folded[itemStart - 1])) break;
      if (result.length > 0 && itemStart < result[result.length - 1].end) break;
      const itemValue = toNumber(before[1]);
      if (itemValue === undefined) break;
      listed.unshift({ start: itemStart, end: itemStart + before[1].length, yuan: yuanOf(itemValue, unit), raw: text.slice(itemStart, itemStart + before[1].length) });
      cursor = itemStart;
    }
    result.push(...listed, { start, end, yuan: yuanOf(value, unit), raw: text.slice(start, end) });
  }
  return result;
}

/** Formats 元 the way policies write them: 1000000 → `100万元`, 150000000 → `1.5亿元`, 2000 → `2000元`. */
export function formatMoney(yuan: number): string {
  const trim = (n: number): string => String(Math.round(n * 100) / 100);
  if (yuan >= 1e8 && Number.isInteger(Math.round((yuan / 1e8) * 1e6) / 1e4)) return `${trim(yuan / 1e8)}亿元`;
  if (yuan >= 1e4) return `${trim(yuan / 1e4)}万元`;
  return `${trim(yuan)}元`;
}
