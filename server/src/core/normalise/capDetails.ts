/**
 * What a sentence says about one cap or grant: per (每家, 单个项目, /项), period (每年, 累计, 一次性),
 * tier (国家级…, or a tier list before 分别), the share-of-cost rate and what the cap is for. Each is
 * read from the cap's segment: its clause part after the previous cap or grant, so that an earlier
 * award's words do not leak into a later one.
 */
import { eachMatch, firstStartingAt, lastIndex, lastMatch } from './regex';
import { parseTier } from './tiers';
import type { Period, RateMention, Tier } from './types';

export interface CapContext {
  /** The text as written: `for` is sliced from it. */
  readonly text: string;
  /** Its analysis copy (width-folded, simplified): everything is matched on it. */
  readonly folded: string;
  /** Start of the segment: the clause part's start or the end of the previous cap/grant (list). */
  readonly segmentStart: number;
  /** Start of the cap's list (the cap itself when not in a list). */
  readonly headStart: number;
  readonly amountEnd: number;
  /** Start of the next amount, or the text's end. */
  readonly nextStart: number;
  /** End of the last item of the cap's list, and start of the amount after the list. */
  readonly listEnd: number;
  readonly afterListStart: number;
  readonly partEnd: number;
  readonly listIndex: number;
  readonly listLength: number;
  readonly shares: readonly RateMention[];
}

export interface CapDetails {
  per?: string;
  period?: Period;
  tier?: Tier;
  rate?: RateMention;
  for?: string;
}

export function capDetails(c: CapContext): CapDetails {
  const segment = c.folded.slice(c.segmentStart, c.headStart);
  const after = c.folded.slice(c.amountEnd, Math.min(c.nextStart, c.partEnd, c.amountEnd + 14));
  // Words after a whole list (100万元、50万元一次性奖励; 20万元、10万元/项) apply to every item.
  const listAfter = c.listEnd > c.amountEnd ? c.folded.slice(c.listEnd, Math.min(c.afterListStart, c.partEnd, c.listEnd + 14)) : after;
  const details: CapDetails = {};
  const per = perOf(segment, after) ?? (PER_AFTER.exec(listAfter) ?? [])[1];
  if (per) details.per = per;
  const period = periodOf(segment, after, listAfter);
  if (period) details.period = period;
  const tier = tierOf(segment, after, c.listIndex, c.listLength);
  if (tier) details.tier = tier;
  const rate = rateOf(c);
  if (rate) details.rate = rate;
  const label = forOf(segment, c.segmentStart, c.text, c.listIndex, c.listLength);
  if (label) details.for = label;
  return details;
}

// ---- per ----

const PER_AFTER = /^\s*\/\s*(项|个|家|人|次|年|场|台|套|辆|件|企业|平台|平方米)/;
// 每年/每月 are periods, not per-units.
// 同一企业 (a ceiling for one recipient) counts only with its noun.
const PER_BEFORE = /(单个|单家|单户|单只|同一|每一个?|每个|每家|每所|每项|每名|每位|每场|每次|每户|每台|每套|每款|每证|每辆|每条|每件|每批|每)(?![年月日天])(企业|项目|子基金|设区市|平台|基站|机构|团队|载体|场景|人才|单位|学校|院校|园区|基地|产品|活动|专业|学科|车型|车辆|车|航线|线路|平方米|案|人|家|项|场|次|户|台|套|名)?/g;
const PER_COUNTED = /每(?:认定|引进|培育|新增|建成)\s*(?:1|一)\s*(家|名|个|项)/g;
const PER_CANONICAL: Record<string, string> = { 项目: '项', 名: '人', 位: '人', 人才: '人', 车: '辆', 车辆: '辆' };
/** 每家, 单户, 每场 … without a noun: the measure word is the unit. */
const MEASURE_WORDS = /(?:家|项|名|位|场|次|户|台|套|证|辆|款|条|件|批)$/;
/** 每个 alone is a unit only right before the award (每个给予最高50万元), not before an unlisted noun. */
const BARE_GE = /^每一?个$/;
const AWARD_NEXT = /^\s*(?:可|均|再)?(?:给予|予以|最高|奖励|补助|补贴|资助|支持|不超过|按)/;

function canonicalPer(value: string): string {
  return PER_CANONICAL[value] ?? value;
}

function perOf(segment: string, after: string): string | undefined {
  const suffix = PER_AFTER.exec(after);
  if (suffix) return suffix[1];
  let found: string | undefined;
  let at = -1;
  eachMatch(PER_BEFORE, segment, (m) => {
    const bareGe = m[2] === undefined && BARE_GE.test(m[1]) && AWARD_NEXT.test(segment.slice(m.index + m[0].length));
    const noun = m[2] ?? (MEASURE_WORDS.test(m[1]) || bareGe ? m[1].slice(-1) : undefined);
    if (noun) {
      found = canonicalPer(noun);
      at = m.index;
    }
  });
  const counted = lastMatch(PER_COUNTED, segment);
  return counted && counted.index > at ? canonicalPer(counted[1]) : found;
}

// ---- period ----

/** 每年 unless it schedules a selection (每年择优评定…), 年度 only next to an award (年度最高, not 年度销售总额). */
const YEARLY = /每年度?(?![^，,]{0,8}?(?:择优|评选|评定|遴选|认定|征集|面向|公开|支持\s*\d|支持[一二三四五六七八九十]))|每一年|按年(?!度)|年度(?=[^，,]{0,4}?(?:最高|不超过|累计|上限|给予|奖励|补助|补贴|资助|扶持|支持))|(?<![\d一二三四五六七八九十两上])年(?=补助|补贴|奖励|资助|扶持)/g;
/**
 * 累计 as a ceiling, not a condition (累计在500万元以上); 总额 only as a ceiling or right before the
 * award (给予总额1000万元奖励), never as a base (合同总额的10%).
 */
const TOTAL = /累计(?!在|达|超|突破|实现|引进|培育|投入)|(?:总额|合计|总计)(?=[^，,]{0,2}(?:不超过|最高|上限|不高于)|(?:为|共)?\s*$)/g;
const ONCE = /一次性/g;
/** 5000元/人的标准给予一次性安家补贴; 最高200万元，并以一次为限 (每年限申请一次 is a frequency, not once). */
const ONCE_AFTER = /^[^，,。；;\d]{0,10}?一次性|^[^。；;\d]{0,8}?(?:以一次为限|仅限一次|限享受一次)/;
const YEARLY_AFTER = /^\s*\/\s*年/;

/** An amount, then a comma: 每年安排资金不少于3亿元，对单个项目… — the 每年 was that amount's. */
const AMOUNT_THEN_COMMA = /[\d一二三四五六七八九十百千]\s*(?:万亿元?|亿元?|万元?|千元|元)(?![人家个台项次户])[^，,\d]{0,8}[，,]/;

function periodOf(segment: string, after: string, listAfter: string): Period | undefined {
  if (ONCE_AFTER.test(after) || ONCE_AFTER.test(listAfter)) return 'once';
  if (YEARLY_AFTER.test(after) || YEARLY_AFTER.test(listAfter)) return 'yearly';
  let yearly = lastIndex(YEARLY, segment);
  if (yearly >= 0 && AMOUNT_THEN_COMMA.test(segment.slice(yearly))) yearly = -1;
  const total = lastIndex(TOTAL, segment);
  const once = lastIndex(ONCE, segment);
  if (once >= 0 && once > yearly && once > total) return 'once';
  // 每年…累计/合计不超过 is still a yearly ceiling.
  if (yearly >= 0) return 'yearly';
  return total >= 0 ? 'total' : undefined;
}

// ---- tier ----

const TIER_WORD = '(?:国际|国家|全国|省部|省|市|区县|区|县|园区)(?:级)?(?:标准)?';
const TIER_LIST = new RegExp(`${TIER_WORD}(?:(?:[、和及与或]|以及)${TIER_WORD}){1,5}`, 'g');
const TIER_SPLIT = /[、和及与或]|以及/;
/** A lone tier word: 国家级, 省级 …; bare 国际/国家 only as a standard (国际标准). */
/**
 * Not a share of a tier's revenue either (个人所得税区级贡献的80%, 市级财政), nor the body that pays
 * (省级产业基金按…出资, 市级政府引导基金).
 */
const SINGLE_TIER = /(?:国际级|世界级|国家级|省部级|省级|市级|区县级|区级|县级|园区级|(国际|国家)(?=标准))(?!(?:实际|经济|地方)?(?:贡献|留成|财力|分成|财政|税收)|[^，,、。；;]{0,4}?基金|政府|部门|资金)/g;
const TIER_AFTER = /^\s*\((国际|国家级?|省级?|市级?|区县级?|区级?|县级?|园区级?)\)/;

function tierOfWord(word: string): Tier | undefined {
  const bare = word.replace(/标准$/, '');
  return parseTier(bare) ?? parseTier(`${bare}级`);
}

/**
 * A tier written after the amount (500万元（国家级）) wins. A tier list before a list of amounts
 * (国家级、省级、市级 … 分别给予A、B、C) assigns tiers in order. A single amount takes the last lone
 * tier word of its segment, but none when the segment names several tiers for it (国家级或市级 …).
 */
function tierOf(segment: string, after: string, listIndex: number, listLength: number): Tier | undefined {
  const written = TIER_AFTER.exec(after);
  if (written) return tierOfWord(written[1]);
  const list = lastMatch(TIER_LIST, segment);
  if (listLength > 1) {
    if (!list) return undefined;
    const tiers = list[0].split(TIER_SPLIT).map(tierOfWord);
    // A list whose tiers cannot all be told (国际、国家、行业标准) gets none rather than wrong ones.
    return tiers.length === listLength && tiers.every((t) => t !== undefined) ? tiers[listIndex] : undefined;
  }
  const single = lastMatch(SINGLE_TIER, segment);
  // 对获评国家级、省级企业…，国家级奖励300万元: a lone tier after the list names this amount's.
  if (list && (!single || single.index < list.index + list[0].length)) return undefined;
  return single ? tierOfWord(single[0]) : undefined;
}

// ---- rate ----

/**
 * The last share rate in the segment, else the first after the amount in the same comma part.
 * `shares` are in text order and do not overlap, so both are binary searches, and the comma is
 * looked for only up to the next amount.
 */
function rateOf(c: CapContext): RateMention | undefined {
  // The last share ending by headStart, if it starts in the segment; a ceiling on the share
  // (补助金额不超过实际投资额的50%) only when the segment states no share of support.
  const beforeHead = firstStartingAt(c.shares, c.headStart) - 1;
  let ceiling: RateMention | undefined;
  for (let i = beforeHead; i >= 0 && c.shares[i].start >= c.segmentStart; i--) {
    if (c.shares[i].end > c.headStart) continue;
    if (!isCeilingShare(c.folded, c.shares[i])) return c.shares[i];
    ceiling ??= c.shares[i];
  }
  if (ceiling) return ceiling;
  const stop = Math.min(c.nextStart, c.partEnd);
  let limit = commaBefore(c.folded, c.amountEnd, stop);
  // 最高可达3亿元，补助比例最高不超过20%: a part naming the ratio still speaks of this amount.
  if (limit < stop && RATIO_PART.test(c.folded.slice(limit + 1, limit + 12))) limit = commaBefore(c.folded, limit + 1, stop);
  const next = c.shares[firstStartingAt(c.shares, c.amountEnd)];
  return next && next.end <= limit ? next : undefined;
}

const RATIO_PART = /^\s*(?:补助|补贴|资助|奖励|支持|扶持|奖补)?比例/;

/** The first comma in folded[from, stop), or stop. */
function commaBefore(folded: string, from: number, stop: number): number {
  for (let i = from; i < stop; i++) {
    const ch = folded.charCodeAt(i);
    if (ch === 0xff0c /* ， */ || ch === 0x2c /* , */) return i;
  }
  return stop;
}

const CEILING_BEFORE_SHARE = /(?:不超过|不高于|不得超过|最高|最多)[^，,。；;]{0,16}$/;
const SUPPORT_AFTER_SHARE = /^[^，,。；;]{0,6}?(?:给予|予以|的?(?:补助|补贴|资助|奖励|支持))/;

/** 不超过实际投资额的50%: a bound on the award, unless the share is what is given (按不超过20%给予). */
function isCeilingShare(folded: string, share: RateMention): boolean {
  return CEILING_BEFORE_SHARE.test(folded.slice(Math.max(0, share.start - 24), share.start))
    && !SUPPORT_AFTER_SHARE.test(folded.slice(share.end, share.end + 12));
}

// ---- for ----

/** 对首次入选的“头雁”企业给予… → 首次入选的“头雁”企业. 对 must open a phrase (not 对接, 企业对本区 …). */
const FOR_RE = /(?:^|[，,：:、\s)）。；;])(?:针对|对于|对)(?![接外比标照应口])([^，,。；;]{2,40}?)(?=$|[，,]|(?:可|将|均)?(?:分别|每年|一次性|最高|按照?|根据|择优|视情况|经认定|给予|予以))/g;

/**
 * What the cap is for, as written in `text` (the segment starts at `offset` in it). An item of a
 * 分别 list gets its own: 突破1亿元、5亿元的企业 → 突破1亿元的企业 …; 按照A1级、A2级分别 → A1级通用机场 ….
 */
function forOf(segment: string, offset: number, text: string, listIndex: number, listLength: number): string | undefined {
  const match = lastMatch(FOR_RE, segment);
  if (!match) return undefined;
  let start = match.index + match[0].length - match[1].length;
  let end = start + match[1].length;
  if (segment[end - 1] === '的') end--;
  while (start < end && /\s/.test(segment[start])) start++;
  while (end > start && /\s/.test(segment[end - 1])) end--;
  if (end - start < 2) return undefined;
  const label = text.slice(offset + start, offset + end);
  if (listLength < 2) return label;
  return itemInLabel(segment.slice(start, end), label, listIndex, listLength)
    ?? categoryBeforeRespectively(segment.slice(match.index + match[0].length), offset + match.index + match[0].length, text, label, listIndex, listLength)
    ?? label;
}

const LISTED_AMOUNTS = /\d+(?:\.\d+)?\s*(?:万亿元|亿元|万元|千元|元|亿|万|%)(?:\s*、\s*\d+(?:\.\d+)?\s*(?:万亿元|亿元|万元|千元|元|亿|万|%))+/;

/** 突破1亿元、5亿元的企业, item 1 → 突破5亿元的企业 (only when the list has as many items as the awards). */
function itemInLabel(folded: string, label: string, listIndex: number, listLength: number): string | undefined {
  const run = LISTED_AMOUNTS.exec(folded);
  if (!run) return undefined;
  const items: Array<[number, number]> = [];
  let from = run.index;
  for (const piece of run[0].split('、')) {
    items.push([from, from + piece.length]);
    from += piece.length + 1;
  }
  if (items.length !== listLength) return undefined;
  const [itemStart, itemEnd] = items[listIndex];
  return label.slice(0, run.index) + label.slice(itemStart, itemEnd).trim() + label.slice(run.index + run[0].length);
}

const RESPECTIVELY = /(?:分别|依次)(?:给予|予以|奖励|补助|补贴|资助|按)/;
const CATEGORY_INTRO = /^\s*(?:按照|按|根据|依据|其中)?/;

/** 按照A1级、A2级分别给予…: the category names this award's recipient (A1级 + 通用机场). */
function categoryBeforeRespectively(rest: string, offset: number, text: string, label: string, listIndex: number, listLength: number): string | undefined {
  const word = RESPECTIVELY.exec(rest);
  if (!word) return undefined;
  const partStart = Math.max(rest.lastIndexOf('，', word.index), rest.lastIndexOf(',', word.index)) + 1;
  const intro = CATEGORY_INTRO.exec(rest.slice(partStart, word.index));
  const listStart = partStart + (intro ? intro[0].length : 0);
  const pieces = rest.slice(listStart, word.index).split('、');
  if (pieces.length !== listLength || pieces.some((p) => p.trim().length === 0 || p.length > 12 || /\s/.test(p.trim()))) return undefined;
  let at = offset + listStart;
  const names = pieces.map((p) => {
    const name = text.slice(at, at + p.length).trim();
    at += p.length + 1;
    return name;
  });
  // Tier lists are told apart by `tier` already.
  if (pieces.every((p) => tierOfWord(p.trim()) !== undefined)) return undefined;
  const noun = label.slice(label.lastIndexOf('的') + 1);
  return names[listIndex] + (noun.length >= 2 ? noun : label);
}
