/**
 * Caps, grants and thresholds. What an amount means is decided by the nearest telling word before it
 * in its clause part: a ceiling word (最高, 不超过 …) makes a cap, a condition word (不低于, 总投资,
 * 年销售收入 …) a threshold, an award verb with no ceiling (给予100万元奖励) a grant. List items
 * (最高300万、200万元) inherit the role of the first item, which also reads the words after the whole list;
 * the lower bound of an award range (30万元—50万元) is no cap of its own. The details of a cap (per, period, tier,
 * rate, for) are read in ./capDetails.
 */
import { capDetails, type CapContext } from './capDetails';
import { findMoneyAmounts, moneyCopy } from './money';
import { Parts } from './parts';
import { findRates } from './rates';
import { eachMatch, firstStartingAt, lastEnd } from './regex';
import type { AmountInText, AmountMatch, AmountRole, CapMention, RateMention } from './types';
import { foldWidth } from './width';

// 最高可达 before 达 (a threshold word) so that 奖励金额最高可达2000万元 stays a cap.
const CAP_WORDS = /最高不超过|最高可达|最多可达|最高达|最高|不超过|不高于|最多|上限为?|封顶|原则上不超过|累计不超过|总额不超过|合计不超过|总计不超过/g;
const THRESHOLD_WORDS = /不低于|不少于|低于|达到|达|超过|突破|首次突破|总投资|投资额|投资规模|固定资产投资|销售收入|销售额|营业收入|主营业务收入|营收|产值|注册资本|实缴|实到|融资额|融资|年收入|收入|纳税|税收|合同额|交易额|订单|采购额|研发投入|研发费用|规模|估值|市值|金额在|资产/g;
// 最低 is a floor on an award, 左右 an estimate: neither a cap nor a condition.
const OTHER_WORDS = /基金|总规模|募集|设立|安排|统筹|专项资金|资金池|预算|列支|财政[^，,]{0,4}投入|累计投入|最低/g;
const GRANT_WORDS = /给予|奖励|补助|补贴|资助|支持|扶持|一次性|奖补|贴息|配套/g;
/** A condition noun right before a ceiling word makes it a condition: 年销售收入不超过2000万元的企业. */
const CONDITION_BEFORE_CAP = /(?:收入|销售额|营收|投资额?|资本|产值|贷款额|融资额|估值|资产|人数)(?:在|为|均)?$/;
const THRESHOLD_AFTER = /^\s*(?:\(含\)|\(含[^)]{0,12}\))?\s*(?:以上|及以上|以下的|及以下|以内的项目|规模以上)/;
const CAP_AFTER = /^\s*(以内|封顶|为限|上限)/;
const ESTIMATE_AFTER = /^\s*(?:左右|上下)/;
const GRANT_AFTER = /^\s*(?:的|标准)?[^\d，,。；;、()]{0,6}?(?:给予|予以|奖励|补助|补贴|资助|支持|扶持|奖补|经费)/;
/** Fund sizes: 设立规模10亿元的产业基金, 子基金，规模50亿元, 基金，首期规模达200亿元. */
const FUND_AFTER = /^[^，,。；;]{0,16}基金/;
const FUND_IN_PART = /基金/;
const FUND_SIZE_BEFORE = /(?:规模|首期|募集|总额)[^，,]{0,6}$/;
/** Goals rather than conditions: 到2025年…产业规模达到1000亿元. */
const GOAL_PART = /到\s*\d{4}\s*年|力争|预计|目标/;
const GOAL_BEFORE = /(?:产业|市场)规模|产值|增加值|收入规模|成交额|签约额/;
const SUPPORT_IN_PART = /给予|予以|奖励|补助|补贴|资助|扶持|享受|支持/;
// Between two list items: a separator (、最高 too), optionally after a per-unit (100万元/项、50万元/项) or a tier (500万元（国家级）、).
// 最高5千万元、最高1.5千万元: the ceiling word repeated after 、 still continues the list.
const LIST_JOINER = /^\s*(?:\/\s*[项个家人次场台套])?\s*(?:\([^()]{1,6}\))?\s*(?:[、,，/]|和|或|至|到|~|-|—|–|、\s*最高)\s*$/;
const RANGE_JOINER = /^\s*(?:至|到|~|-|—|–)\s*$/;
/** The upper bound of a condition range: 不低于50万元（含50万元），且不超过1000万元. */
const RANGE_AFTER_THRESHOLD = /^\)?\s*[,，]?\s*(?:且|并且|但)?\s*(?:不超过|不高于|低于|不足|以下|至|到|~|-|—|–)\s*$/;
/** The next tier of the same award with the verb left out: 国际级给予500万元，国家级300万元. */
const ELLIPTICAL_TIER = /^\s*[，,、;；]\s*(?:国际|国家|省|市|区县|区|县|园区)级?的?\s*$/;
/** Between two awards: only the next tier and its award word (，省级奖励). */
const TIER_CONTINUATION = /^\s*[，,、;；]\s*(?:国际|国家|省|市|区县|区|县|园区)级?的?(?:企业|项目)?(?:给予|奖励|补助|补贴|资助|支持)?(?:最高|不超过)?\s*$/;
const INCLUSIVE = /\((?:含|不含)[^)]*\)/g;
const INSIDE_INCLUSIVE = /\((?:含|不含)\s*$/;

export interface Classified extends AmountInText {
  /** Index of the first item of the list this amount belongs to (itself when not in a list). */
  readonly listHead: number;
  readonly qualifier: string;
}

interface CeilingWord {
  /** End of the last ceiling word that bounds this amount (not a rate, not a condition), or -1. */
  readonly end: number;
  /** End of the last ceiling word that belongs to a condition (年销售收入不超过), or -1. */
  readonly conditionEnd: number;
  readonly qualifier: string;
}

const QUALIFIER_PREFIX = /(?:累计|总额|合计|每年|年度|每年度|原则上|单个项目|单个企业|单个|每家|每个|每项)$/;

/**
 * The ceiling word before an amount. One followed by a rate bounds the rate (按不超过投资额30%给予…),
 * one after a condition noun bounds the condition (年销售收入不超过2000万元的企业).
 */
function ceilingWord(before: string, from: number, amountStart: number, rates: readonly RateMention[]): CeilingWord {
  let end = -1;
  let conditionEnd = -1;
  let qualifier = '';
  eachMatch(CAP_WORDS, before, (m) => {
    const index = m.index;
    const wordEnd = from + index + m[0].length;
    // Rates are in text order: the first one after the word decides.
    const rate = rates[firstStartingAt(rates, wordEnd)];
    if (rate && rate.end <= amountStart) return;
    if (CONDITION_BEFORE_CAP.test(before.slice(Math.max(0, index - 6), index))) {
      conditionEnd = index + m[0].length;
      return;
    }
    end = index + m[0].length;
    const prefix = QUALIFIER_PREFIX.exec(before.slice(Math.max(0, index - 5), index));
    qualifier = (prefix ? prefix[0] : '') + m[0];
  });
  return { end, conditionEnd, qualifier };
}

function classified(amount: AmountMatch, role: AmountRole, qualifier: string, listHead: number): Classified {
  return { start: amount.start, end: amount.end, yuan: amount.yuan, raw: amount.raw, role, listHead, qualifier };
}

function classify(folded: string, parts: Parts, amounts: readonly AmountMatch[], rates: readonly RateMention[]): Classified[] {
  const tails = listTails(folded, parts, amounts);
  const result: Classified[] = [];
  for (let i = 0; i < amounts.length; i++) {
    const amount = amounts[i];
    const previous: Classified | undefined = result[i - 1];
    const current = classifyOne(folded, parts, amount, i, previous, rates, tails[i]);
    // 30万元—50万元: the award is at most the upper bound; the lower one is no cap of its own.
    if (previous && current.listHead === i - 1 && previous.listHead === i - 1 && (current.role === 'cap' || current.role === 'grant')
      && RANGE_JOINER.test(folded.slice(previous.end, amount.start).replace(INCLUSIVE, ''))) {
      result[i - 1] = { ...previous, role: 'other', qualifier: '' };
      result.push({ ...current, listHead: i });
    } else result.push(current);
  }
  return result;
}

/**
 * End of the last item of the list each amount starts (its own end when no item follows): the words
 * after a list (500万元、300万元以上; 500、300、100万元奖励) tell the role of its first item.
 */
function listTails(folded: string, parts: Parts, amounts: readonly AmountMatch[]): number[] {
  const tails = amounts.map((a) => a.end);
  for (let i = amounts.length - 1; i > 0; i--) {
    const previous = amounts[i - 1];
    const amount = amounts[i];
    if (parts.start(amount.start) > previous.end) continue;
    if (LIST_JOINER.test(folded.slice(previous.end, amount.start).replace(INCLUSIVE, ''))) tails[i - 1] = tails[i];
  }
  return tails;
}

function classifyOne(folded: string, parts: Parts, amount: AmountMatch, i: number, previous: Classified | undefined, rates: readonly RateMention[], tail: number): Classified {
  const from = Math.max(parts.start(amount.start), previous ? previous.end : 0);
  // （含50万元） restates the bound just given.
  if (INSIDE_INCLUSIVE.test(folded.slice(Math.max(0, amount.start - 4), amount.start))) {
    return classified(amount, previous?.role === 'threshold' ? 'threshold' : 'other', '', i);
  }
  if (previous && previous.end >= from) {
    const joined = folded.slice(previous.end, amount.start).replace(INCLUSIVE, '');
    if (LIST_JOINER.test(joined)) return classified(amount, previous.role, previous.qualifier, previous.listHead);
    if (previous.role === 'threshold' && RANGE_AFTER_THRESHOLD.test(joined)) return classified(amount, 'threshold', '', i);
  }
  if (previous && (previous.role === 'cap' || previous.role === 'grant') && ELLIPTICAL_TIER.test(folded.slice(previous.end, amount.start))) {
    return classified(amount, previous.role, previous.qualifier, i);
  }
  const before = folded.slice(from, amount.start);
  const after = folded.slice(tail, Math.min(tail + 20, parts.end(tail)));
  const ceiling = ceilingWord(before, from, amount.start, rates);
  const cap = ceiling.end;
  const threshold = Math.max(lastEnd(THRESHOLD_WORDS, before), ceiling.conditionEnd);
  const other = lastEnd(OTHER_WORDS, before);
  const grant = lastEnd(GRANT_WORDS, before);
  let role: AmountRole;
  let qualifier = ceiling.qualifier;
  const capAfter = CAP_AFTER.exec(after);
  if (THRESHOLD_AFTER.test(after) && cap < 0) role = 'threshold';
  else if (cap >= 0 && cap >= threshold && cap >= other) role = 'cap';
  else if (capAfter) {
    role = 'cap';
    qualifier = capAfter[1]; // 以100万元为限: the ceiling word comes after the amount
  } else if (ESTIMATE_AFTER.test(after)) role = 'other';
  else if (other >= 0 && other >= threshold && other >= grant) role = 'other';
  else if (threshold >= 0 && threshold >= grant) role = 'threshold';
  else if (grant >= 0 || GRANT_AFTER.test(after)) role = 'grant';
  else role = 'other';
  if (role === 'threshold' && (isFundSize(folded, parts, amount.start, before, after) || isGoal(folded, parts, amount.start))) role = 'other';
  return classified(amount, role, role === 'cap' ? qualifier : '', i);
}

function isFundSize(folded: string, parts: Parts, start: number, before: string, after: string): boolean {
  if (FUND_AFTER.test(after)) return true;
  return FUND_SIZE_BEFORE.test(before) && FUND_IN_PART.test(folded.slice(parts.start(start), start));
}

/** A target in a goal sentence (到2025年，产业规模达到1000亿元), not an eligibility condition. */
function isGoal(folded: string, parts: Parts, start: number): boolean {
  const from = parts.start(start);
  const part = folded.slice(from, parts.end(start));
  if (SUPPORT_IN_PART.test(part)) return false;
  return GOAL_PART.test(part) || GOAL_BEFORE.test(folded.slice(from, start));
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

const HAS_MONEY = /[元万亿]/;
const HAS_RATE = /[%％‰]|百分/;

/**
 * Amounts, caps and rates of a text in one pass: each is found once and shared. Words are matched on
 * the simplified copy (最高不超過 is 最高不超过); raw amounts and `for` are sliced from `text`.
 */
export function analyseMoney(text: string, widthFolded = foldWidth(text)): MoneyAnalysis {
  const folded = moneyCopy(widthFolded);
  const rates = HAS_RATE.test(text) ? findRates(text, folded) : [];
  if (!HAS_MONEY.test(folded)) return { amounts: [], capMentions: [], rates };
  const parts = new Parts(folded);
  const classified = classify(folded, parts, findMoneyAmounts(text, folded), rates);
  return {
    amounts: classified.map(({ start, end, yuan, raw, role }) => ({ start, end, yuan, raw, role })),
    capMentions: capMentionsOf(text, folded, parts, classified, rates.filter((r) => r.role === 'share')),
    rates,
  };
}

/** The caps and grants the text states, with qualifier, per, period, tier, rate and for when stated. */
export function findCapMentions(text: string): CapMention[] {
  return analyseMoney(text).capMentions;
}

function capMentionsOf(text: string, folded: string, parts: Parts, classified: readonly Classified[], shares: readonly RateMention[]): CapMention[] {
  const mentions: CapMention[] = [];
  let listStart = 0;
  let listLength = 0;
  let lastAward = -1; // end of the previous cap or grant outside the current list
  classified.forEach((amount, i) => {
    if (amount.listHead === i) {
      listStart = i;
      listLength = 1;
      while (listStart + listLength < classified.length && classified[listStart + listLength].listHead === i) listLength++;
    }
    const head = classified[amount.listHead];
    const partFrom = parts.start(head.start);
    if (amount.role === 'cap' || amount.role === 'grant') {
      const next = classified[i + 1];
      const afterList = classified[listStart + listLength];
      const context: CapContext = {
        text,
        folded,
        segmentStart: Math.max(partFrom, lastAward),
        headStart: head.start,
        amountEnd: amount.end,
        nextStart: next ? next.start : folded.length,
        listEnd: classified[listStart + listLength - 1].end,
        afterListStart: afterList ? afterList.start : folded.length,
        partEnd: parts.end(amount.end),
        listIndex: i - listStart,
        listLength,
        shares,
      };
      const details = capDetails(context);
      // 国家级奖励300万元，省级奖励100万元: the next tier of the same award is for the same recipient.
      const previous = mentions[mentions.length - 1];
      if (!details.for && previous?.for && details.tier && TIER_CONTINUATION.test(folded.slice(previous.end, amount.start))) details.for = previous.for;
      mentions.push({
        start: amount.start,
        end: amount.end,
        yuan: amount.yuan,
        raw: amount.raw,
        role: amount.role,
        qualifier: amount.qualifier,
        ...details,
      });
    }
    // The last item of a list closes it: later amounts read their context after it.
    if (i === listStart + listLength - 1 && (amount.role === 'cap' || amount.role === 'grant')) lastAward = amount.end;
  });
  return mentions;
}
