/**
 * Money amounts in Chinese policy text: 元/千元/万元/亿元, 万/亿 without 元, full-width digits,
 * `5000 万元`, 五百万元, 1.5亿元, `1,000万元`, `20万/项`, lists whose unit is written once at
 * the end (`分别给予最高500、300、100万元`), and traditional text (1000萬元, 5,000仟元, 貳佰萬元).
 */
import { CHINESE_NUMERAL, parseChineseNumeral } from './chineseNumerals';
import { toSimplified } from './traditional';
import type { AmountMatch, MoneyUnit } from './types';
import { foldWidth } from './width';

/** Financial (大写) numerals, 仟元 included: read only in amounts, so they are mapped here, not in the traditional table. */
const CAPITAL_NUMERALS: Record<string, string> = { 壹: '一', 贰: '二', 貳: '二', 叁: '三', 參: '三', 肆: '四', 伍: '五', 陆: '六', 陸: '六', 柒: '七', 捌: '八', 玖: '九', 拾: '十', 佰: '百', 仟: '千' };
const CAPITAL = /[壹贰貳叁參肆伍陆陸柒捌玖拾佰仟]/g;

/**
 * The copy amounts and cap words are matched on: simplified, financial numerals as plain ones; same
 * length as `folded` (the width-folded text), so offsets stay offsets in the original.
 */
export function moneyCopy(folded: string): string {
  const simplified = toSimplified(folded);
  CAPITAL.lastIndex = 0;
  return CAPITAL.test(simplified) ? simplified.replace(CAPITAL, (ch) => CAPITAL_NUMERALS[ch]) : simplified;
}

const UNIT_FACTOR: Record<string, number> = { 元: 1, 千元: 1e3, 万元: 1e4, 亿元: 1e8, 万: 1e4, 亿: 1e8, 万亿元: 1e12, 万亿: 1e12 };
// Thousands may be grouped with commas or spaces (1,000万元, 5 000万元); the grouped form is tried first.
// Bounded, and never starting inside a run of digits: a 60,000-digit run with no unit after it then
// costs a pass, not a pass per digit (the search used to retry every shorter number from every digit).
const ARABIC = '(?<!\\d)(?:\\d{1,3}(?:[, ]\\d{3}){1,5}|\\d{1,15})(?:\\.\\d{1,6})?';
/** Digits with a Chinese multiplier before the unit: 1千万元, 1.5千万元, 5百万元, 3十万元. */
const ARABIC_SCALED = `${ARABIC}[十百千]?`;
const UNIT = '(?:万亿元|万亿|亿元|万元|千元|元|亿|万)';

/** After a bare 万/亿: counts and measures (万人, 10万平方米, 5万台, 4万公里), scale classes (百亿级), other currencies. */
const NOT_MONEY_AFTER_BARE = /^(?:人(?!民币)|[平方米台张吨户瓦亩个家次辆套件株头只册条篇字名座项例份笔箱部栋间床首颗片块根批级倍企]|公[里顷斤]|千[瓦米克]|余|多[人家户个]|美元|欧元|港元|日元|英镑|kW|kw|标准箱|度|小时|立方)/;
/** After 元: words that merely start with 元 (元宇宙, 元器件, 元旦 …). */
const NOT_MONEY_AFTER_YUAN = /^(?:宇宙|器件|件|素|旦|数据|宵|老|首|认知|模型|年)/;
/** A Chinese numeral with bare 万/亿 (千万, 百亿) is money only when a list or a support word follows it. */
const CHINESE_BARE_MONEY_AFTER = /^\s*(?:[、/和或至到~\-—–]|资金|经费|奖励|补助|补贴|资助|支持)/;
const CHINESE_ONLY = new RegExp(`^${CHINESE_NUMERAL}$`);
const MULTIPLIER = /[十百千]/;
/** 数百万元, 几千万元: vague amounts, not a number. */
const VAGUE_BEFORE = /[数几]$/;

/** A Chinese numeral in running text: bounded and never starting inside a run of numerals, as ARABIC. */
const CHINESE_IN_TEXT = '(?<![零〇一二两三四五六七八九十百千])[零〇一二两三四五六七八九十百千]{1,12}';
const AMOUNT_RE = new RegExp(`(${ARABIC_SCALED}|${CHINESE_IN_TEXT})\\s*(${UNIT})`, 'g');
const STRUCTURED_RE = new RegExp(`^(${ARABIC_SCALED}|${CHINESE_NUMERAL})\\s*(${UNIT})?$`);
/** A bare number list item waiting for the unit of the amount after it: `500、300、` in 500、300、100万元. */
const LIST_ITEM_BEFORE = new RegExp(`(${ARABIC})\\s*(?:[、,，/]|和|或|至|到|~|-|—|–)\\s*$`);
const ARABIC_ONLY = /^[\d,. ]+$/;
const SCALE: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

function toNumber(raw: string): number | undefined {
  const scale = SCALE[raw[raw.length - 1]];
  if (scale !== undefined && ARABIC_ONLY.test(raw.slice(0, -1))) {
    const value = Number(raw.slice(0, -1).replace(/[, ]/g, ''));
    return Number.isFinite(value) ? Math.round(value * scale * 1e6) / 1e6 : undefined;
  }
  if (ARABIC_ONLY.test(raw)) {
    const value = Number(raw.replace(/[, ]/g, ''));
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
  const match = STRUCTURED_RE.exec(moneyCopy(foldWidth(String(raw))).trim());
  if (!match) return undefined;
  const value = toNumber(match[1]);
  return value === undefined ? undefined : yuanOf(value, match[2] ?? defaultUnit);
}

/** Whether the match at `start`…`end` (number `num`, unit `unit`) is not money after all. */
function rejected(folded: string, start: number, end: number, num: string, unit: string): boolean {
  // A digit or point directly before means we matched the tail of a longer number.
  if (start > 0 && /[\d.]/.test(folded[start - 1])) return true;
  if (/\d\s$/.test(folded.slice(Math.max(0, start - 2), start))) return true;
  const after = folded.slice(end, end + 4);
  // 千万元级, 百亿元级: a scale class, not an amount.
  if (after.startsWith('级')) return true;
  const chinese = CHINESE_ONLY.test(num);
  if (chinese && VAGUE_BEFORE.test(folded.slice(Math.max(0, start - 1), start))) return true;
  if (unit === '万' || unit === '亿' || unit === '万亿') {
    if (NOT_MONEY_AFTER_BARE.test(after)) return true;
    if (chinese && !CHINESE_BARE_MONEY_AFTER.test(after)) return true;
  }
  if (unit === '元') {
    if (NOT_MONEY_AFTER_YUAN.test(after)) return true;
    // 三元协同, 一元化: a lone digit word before 元 is not an amount; 三千元 is.
    if (chinese && !MULTIPLIER.test(num)) return true;
  }
  return false;
}

/** Offset of the last full-width comma in text[start, end), or -1. */
function lastFullWidthComma(text: string, start: number, end: number): number {
  for (let i = end - 1; i >= start; i--) if (text.charCodeAt(i) === 0xff0c) return i;
  return -1;
}
const LIST_SEPARATORS = new Set(['、', ',', '，', '/', '和', '或', '至', '到', '~', '-', '—', '–']);

/** The last character before `end` that is not a space. */
function lastNonSpace(text: string, end: number): string {
  let i = end - 1;
  while (i >= 0 && text[i] === ' ') i--;
  return i >= 0 ? text[i] : '';
}

/** Every money amount in a text, in order. `folded` is `foldWidth(text)` (or its moneyCopy) when the caller has it. */
export function findMoneyAmounts(text: string, widthFolded = foldWidth(text)): AmountMatch[] {
  const folded = moneyCopy(widthFolded);
  const result: AmountMatch[] = [];
  AMOUNT_RE.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = AMOUNT_RE.exec(folded)) !== null) {
    const start = match.index;
    const end = start + match[0].length;
    const unit = match[2];
    // A full-width comma separates items (100，200万元), it never groups digits: read on after it.
    const comma = match[1].includes(',') ? lastFullWidthComma(text, start, start + match[1].length) : -1;
    if (comma >= 0) {
      AMOUNT_RE.lastIndex = comma + 1;
      continue;
    }
    if (rejected(folded, start, end, match[1], unit)) continue;
    const value = toNumber(match[1]);
    if (value === undefined) continue;
    // Bare numbers before this amount that share its unit: 500、300、100万元.
    const listed: AmountMatch[] = [];
    let cursor = start;
    for (;;) {
      if (!LIST_SEPARATORS.has(lastNonSpace(folded, cursor))) break; // cheap test before the anchored regex
      const before = LIST_ITEM_BEFORE.exec(folded.slice(Math.max(0, cursor - 24), cursor));
      if (!before) break;
      let itemStart = cursor - before[0].length;
      const itemEnd = itemStart + before[1].length;
      const itemComma = before[1].includes(',') ? lastFullWidthComma(text, itemStart, itemEnd) : -1;
      if (itemComma >= 0) itemStart = itemComma + 1;
      if (itemStart > 0 && /[\d.%]/.test(folded[itemStart - 1])) break;
      if (result.length > 0 && itemStart < result[result.length - 1].end) break;
      const itemValue = toNumber(folded.slice(itemStart, itemEnd));
      if (itemValue === undefined) break;
      listed.unshift({ start: itemStart, end: itemEnd, yuan: yuanOf(itemValue, unit), raw: text.slice(itemStart, itemEnd) });
      cursor = itemStart;
    }
    result.push(...listed, { start, end, yuan: yuanOf(value, unit), raw: text.slice(start, end) });
  }
  return result;
}

/**
 * Formats 元 the way policies write them: 1000000 → `100万元`, 150000000 → `1.5亿元`, 2000 → `2000元`.
 * Exact: 亿元 or 万元 only when at most two decimals say it all (quick fixes write this into `caps`).
 */
export function formatMoney(yuan: number): string {
  const exact = (n: number): boolean => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6;
  const trim = (n: number): string => String(Math.round(n * 100) / 100);
  if (yuan >= 1e8 && exact(yuan / 1e8)) return `${trim(yuan / 1e8)}亿元`;
  if (yuan >= 1e4 && exact(yuan / 1e4)) return `${trim(yuan / 1e4)}万元`;
  return `${trim(yuan)}元`;
}
