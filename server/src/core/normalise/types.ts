/**
 * Shared result types of the normalisers for real policy language. Offsets (`start`/`end`) are
 * positions in the string that was analysed (usually a clause's decoded text), end-exclusive.
 */
export interface TextSpan {
  readonly start: number;
  readonly end: number;
}

export type MoneyUnit = '元' | '千元' | '万元' | '亿元';

/** Tiers from highest to lowest (区县级 and 园区 rank equal). */
export type Tier = '国际' | '国家级' | '省级' | '市级' | '区县级' | '园区';
export type Period = 'once' | 'yearly' | 'total';

/** A rate as a percentage range: `50%` is {min: 50, max: 50}; `10%~30%` is {min: 10, max: 30}. */
export interface RateValue {
  readonly min: number;
  readonly max: number;
}

/** One money amount found in text. */
export interface AmountMatch extends TextSpan {
  /** Amount in 元. */
  readonly yuan: number;
  /** The characters matched, e.g. `5000 万元`, `五百万元`, `1.5亿元`. */
  readonly raw: string;
}

/** What an amount means in its sentence. */
export type AmountRole =
  | 'cap' //        最高/不超过/最多/原则上不超过/累计不超过/分别给予最高 … : a ceiling on support
  | 'threshold' //  不低于/达到/以上/总投资规模/年销售收入 … : an eligibility condition, never a cap
  | 'grant' //      给予100万元奖励 (a fixed award with no ceiling word): compared with caps like a cap
  | 'other'; //     anything else (fund sizes, targets)

export interface AmountInText extends AmountMatch {
  readonly role: AmountRole;
}

/** A cap stated in text: the amount plus what the sentence says about it. */
export interface CapMention extends AmountMatch {
  readonly role: 'cap' | 'grant';
  /** The cap word, simplified and width-folded: 最高, 不超过, 最多, 原则上不超过, 累计不超过, 总额不超过 … ('' for a grant). */
  readonly qualifier: string;
  /** 项 | 企业 | 家 | 年 | 平台 | 个 | 人 | 次 | 场 | 基站 … when stated (/项, 每家, 单个项目 …). */
  readonly per?: string;
  /** yearly for 每年, total for 累计/总额, once otherwise when stated. */
  readonly period?: Period;
  /** Tier label that the amount belongs to (分别给予最高A、B、C with 国家级、省级、市级). */
  readonly tier?: Tier;
  /** Share of eligible cost stated with the same cap (按投资额的20%给予…最高…). */
  readonly rate?: RateMention;
  /** Short description of what the cap is for, as written, when it can be told (e.g. 首次入选“头雁”企业). */
  readonly for?: string;
}

export interface RateMention extends TextSpan, RateValue {
  readonly raw: string;
  /** `share`: a share of eligible cost; `points`: 1.5个百分点 of interest; `other` otherwise. */
  readonly role: 'share' | 'points' | 'other';
}

/** A department named in a text marker. `start`/`end` cover just the name. */
export interface DepartmentName extends TextSpan {
  readonly name: string;
}

/** A responsibility marker in clause text: （责任单位：市工信局、市财政局）, （牵头单位：A；配合单位：B）, （A、B负责）. */
export interface DepartmentMarker extends TextSpan {
  readonly lead: readonly DepartmentName[];
  readonly support: readonly DepartmentName[];
}
