/**
 * Caps, grants and thresholds. What an amount means is decided by the nearest telling word before it
 * in its clause part: a ceiling word (最高, 不超过 …) makes a cap, a condition word (不低于, 总投资,
 * 年销售收入 …) a threshold, an award verb with no ceiling (给予100万元奖励) a grant. List items
 * (最高300万、200万元) inherit the role of the first item.
 */
import { findMoneyAmounts } from './money';
import { findRates } from './rates';
import { parseTier } from './tiers';
import type { AmountInText, AmountMatch, AmountRole, CapMention, Period, RateMention, Tier } from './types';
import { foldWidth } from './width';

const CAP_WORDS = /最高不超过|最高|不超过|不高于|最多|上限为?|封顶|原则上不超过|累计不超过|总额不超过|合计不超过|总计不超过/g;
const THRESHOLD_WORDS = /不低于|不少于|低于|达到|达|超过|突破|首次突破|总投资|投资额|投资规模|固定资产投资|销售收入|销售额|营业收入|主营业务收入|营收|产值|注册资本|实缴|实到|融资额|融资|年收入|收入|纳税|税收|合同额|交易额|订单|采购额|研发投入|研发费用|规模|估值|市值|金额在|资产/g;
const OTHER_WORDS = /基金|总规模|募集|设立|安排|统筹|专项资金|资金池|预算/g;
const GRANT_WORDS = /给予|奖励|补助|补贴|资助|支持|扶持|一次性|奖补|贴息|配套/g;
const THRESHOLD_AFTER = /^\s*(?:\(含\)|（含）)?\s*(?:以上|及以上|以下的|以内的项目|规模以上)/;
const CAP_AFTER = /^\s*(?:以内|封顶|为限|上限)/;
// Between two list items: a separator, optionally after a per-unit (100万元/项、50万元/项).
const LIST_JOINER = /^\s*(?:\/\s*[项个家人次场台套])?\s*(?:[、,，/]|和|或|至|到|~|-|—|–)\s*$/;
const PART_BREAK = /[。；;!?！？\n]/;

function lastEnd(words: RegExp, text: string): number {
  let end = -1;
  for (const m of text.matchAll(words)) end = (m.index ?? 0) + m[0].length;
  return end;
}

function lastMatch(words: RegExp, text: string): RegExpMatchArray | undefined {
  let last: RegExpMatchArray | undefined;
  for (const m of text.matchAll(words)) last = m;
  return last;
}

/** Start of the clause part (after the last 。；) that contains `offset`. */
function partStart(text: string, offset: number): number {
  for (let i = offset - 1; i >= 0; i--) if (PART_BREAK.test(text[i])) return i + 1;
  return 0;
}

function partEnd(text: string, offset: number): number {
  for (let i = offset; i < text.length; i++) if (PART_BREAK.test(text[i])) return i;
  return text.length;
}

interface Classified extends AmountInText {
  /** Index of the first item of the list this amount belongs to (itself when not in a list). */
  readonly listHead: number;
  readonly qualifier: string;
}

function classify(text: string, folded: string, amounts: readonly AmountMatch[]): Classified[] {
  const result: Classified[] = [];
  amounts.forEach((amount, i) => {
    const previous = result[i - 1];
    if (previous && LIST_JOINER.test(folded.slice(previous.end, amount.start))) {
      result.push({ ...amount, role: previous.role, listHead: previous.listHead, qualifier: previous.qualifier });
      return;
    }
    // Context: from the previous amount (or the part start) to this one, within the clause part.
    const from = Math.max(partStart(folded, amount.start), previous ? previous.end : 0);
    const before = folded.slice(from, amount.start);
    const after = folded.slice(amount.end, amount.end + 10);
    const cap = lastEnd(CAP_WORDS, before);
    const threshold = lastEnd(THRESHOLD_WORDS, before);
    const other = lastEnd(OTHER_WORDS, before);
    const grant = lastEnd(GRANT_WORDS, before);
    let role: AmountRole;
    if (THRESHOLD_AFTER.test(after) && cap < 0) role = 'threshold';
    else if (cap >= 0 && cap >= threshold && cap >= other) role = 'cap';
    else if (CAP_AFTER.test(after)) role = 'cap';
    else if (other >= 0 && other >= threshold && other >= grant) role = 'other';
    else if (threshold >= 0 && threshold >= grant) role = 'threshold';
    else if (grant >= 0 || /^\s*(?:的)?(?:一次性)?(?:奖励|补助|补贴|资助|支持|扶持|奖补|经费)/.test(after)) role = 'grant';
    else role = 'other';
    const qualifier = role === 'cap' ? capQualifier(before) : '';
    result.push({ ...amount, role, listHead: i, qualifier });
  });
  return result;
}

/** The ceiling phrase as written, with its 累计/每年/单个 prefix when it has one: 累计不超过, 每年最高. */
function capQualifier(before: string): string {
  const match = lastMatch(CAP_WORDS, before);
  if (!match) return '';
  const start = match.index ?? 0;
  const prefix = /(?:累计|总额|合计|每年|年度|每年度|原则上|单个项目|单个企业|单个|每家|每个|每项)$/.exec(before.slice(Math.max(0, start - 5), start));
  return (prefix ? prefix[0] : '') + match[0];
}

/** Every money amount in the text with its role (cap, grant, threshold, other). */
export function findAmounts(text: string): AmountInText[] {
  return analyseMoney(text).amounts;
}

export interface MoneyAnalysis {
  readonly amounts: AmountInText[];
  readonly capMentions: CapMention[];
  readonly rates: RateMention[];
}

const NO_MONEY = /[元万亿]/;
const NO_RATE = /[%％‰]|百分/;

/** Amounts, caps and rates of a text in one pass: each is found once and shared. */
export function analyseMoney(text: string, folded = foldWidth(text)): MoneyAnalysis {
  const rates = NO_RATE.test(text) ? findRates(text, folded) : [];
  if (!NO_MONEY.test(text)) return { amounts: [], capMentions: [], rates };
  const classified = classify(text, folded, findMoneyAmounts(text, folded));
  return {
    amounts: classified.map(({ start, end, yuan, raw, role }) => ({ start, end, yuan, raw, role })),
    capMentions: capMentionsOf(folded, classified, rates.filter((r) => r.role === 'share')),
    rates,
  };
}

// 每年 is a period, not a per-unit.
const PER_BEFORE = /(单个|每个|每一|每)(企业|项目|平台|基站|机构|团队|载体|场景|人才|单位|人|家|项|场|次|户|台|套)?/g;
const PER_AFTER = /^\s*\/\s*(项|个|家|人|次|年|场|台|套|企业|平台)/;
const TIER_LIST = /((?:国际|国家|省|市|区县|区|县|园区)级?(?:[、和及与或]|以及)){1,5}(?:国际|国家|省|市|区县|区|县|园区)级?/g;
const SINGLE_TIER = /(国际|国家级|省级|市级|区县级|区级|县级|园区级)/g;

/** The caps and grants the text states, with qualifier, per, period, tier, rate and for when stated. */
export function findCapMentions(text: string): CapMention[] {
  return analyseMoney(text).capMentions;
}

function capMentionsOf(folded: string, classified: readonly Classified[], shares: readonly RateMention[]): CapMention[] {
  const mentions: CapMention[] = [];
  classified.forEach((amount, i) => {
    if (amount.role !== 'cap' && amount.role !== 'grant') return;
    const head = classified[amount.listHead];
    const partFrom = partStart(folded, head.start);
    const before = folded.slice(partFrom, head.start);
    // What sits between the previous amount and this list speaks for it first; the part as a whole second.
    const previous = classified[amount.listHead - 1];
    const segment = previous && previous.end > partFrom ? folded.slice(previous.end, head.start) : before;
    const listIndex = i - amount.listHead;
    const listLength = classified.filter((c) => c.listHead === amount.listHead).length;
    mentions.push({
      start: amount.start,
      end: amount.end,
      yuan: amount.yuan,
      raw: amount.raw,
      role: amount.role,
      qualifier: amount.qualifier,
      per: perOf(segment, folded.slice(amount.end, amount.end + 6)) ?? perOf(before, ''),
      period: periodOf(segment) ?? periodOf(before),
      tier: tierOf(before, listIndex, listLength),
      rate: rateOf(shares, partFrom, partEnd(folded, amount.end), head.start),
      for: forOf(before),
    });
  });
  return mentions;
}

function perOf(before: string, after: string): string | undefined {
  const suffix = PER_AFTER.exec(after);
  if (suffix) return suffix[1];
  const match = lastMatch(PER_BEFORE, before);
  if (!match || !match[2]) return undefined;
  return match[2];
}

function periodOf(before: string): Period | undefined {
  const yearly = lastEnd(/每年度?|年度|每一年|按年/g, before);
  // 合同总额的10% is a base, not a period: 总额 counts only as a ceiling (总额不超过, 总额最高).
  const total = lastEnd(/累计|(?:总额|合计|总计)(?=不超过|最高|上限|不高于)/g, before);
  const once = lastEnd(/一次性/g, before);
  const latest = Math.max(yearly, total, once);
  if (latest < 0) return undefined;
  return latest === total ? 'total' : latest === yearly ? 'yearly' : 'once';
}

/**
 * A tier list before 分别 (国家级、省级、市级 … 分别给予A、B、C) assigns tiers in order; otherwise the
 * nearest single tier word (国家级 …) in the clause part applies.
 */
function tierOf(before: string, listIndex: number, listLength: number): Tier | undefined {
  if (listLength > 1) {
    const list = lastMatch(TIER_LIST, before);
    if (list) {
      const tiers = list[0].split(/[、和及与或]|以及/).map((word) => parseTier(word.endsWith('级') || word === '园区' ? word : `${word}级`));
      if (tiers.length === listLength && tiers.every((t) => t !== undefined)) return tiers[listIndex];
    }
    // A list whose tiers cannot be told (国际、国家、行业标准) gets none rather than one for all.
    return undefined;
  }
  const single = lastMatch(SINGLE_TIER, before);
  return single ? parseTier(single[1]) : undefined;
}

function rateOf(shares: readonly RateMention[], from: number, to: number, amountStart: number): RateMention | undefined {
  const inPart = shares.filter((r) => r.start >= from && r.end <= to);
  const beforeAmount = inPart.filter((r) => r.end <= amountStart);
  return beforeAmount[beforeAmount.length - 1] ?? inPart[0];
}

/** 对首次入选的“头雁”企业给予… → 首次入选的“头雁”企业. */
function forOf(before: string): string | undefined {
  const match = /对([^，,。；;]{2,40}?)(?=[，,]|(?:分别|每年|一次性)?给予|按)/.exec(before);
  if (!match) return undefined;
  const label = match[1].replace(/的$/, '').trim();
  return label.length >= 2 ? label : undefined;
}
