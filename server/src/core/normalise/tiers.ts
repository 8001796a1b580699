/** Support tiers and their order: 国际 > 国家级 > 省级 > 市级 > 区县级 = 园区. */
import type { Period, Tier } from './types';

export const TIERS: readonly Tier[] = ['国际', '国家级', '省级', '市级', '区县级', '园区'];

const TIER_RANK: Record<Tier, number> = { 国际: 5, 国家级: 4, 省级: 3, 市级: 2, 区县级: 1, 园区: 1 };

/** Higher is more senior. 区县级 and 园区 share the lowest rank. */
export function tierRank(tier: Tier): number {
  return TIER_RANK[tier];
}

const TIER_ALIASES: ReadonlyArray<[RegExp, Tier]> = [
  [/^(?:国际|国际级|世界级|全球)$/, '国际'],
  [/^(?:国家|国家级|全国|部级|国家部委)$/, '国家级'],
  [/^(?:省|省级|省部级)$/, '省级'],
  [/^(?:市|市级|地市级)$/, '市级'],
  [/^(?:区|县|区级|县级|区县|区县级|县区级|县级市|县市区|县（市、区）级)$/, '区县级'],
  [/^(?:园区|园区级|开发区|高新区|管委会)$/, '园区'],
];

export function parseTier(raw: string): Tier | undefined {
  const value = raw.trim();
  for (const [pattern, tier] of TIER_ALIASES) if (pattern.test(value)) return tier;
  return undefined;
}

export const PERIODS: readonly Period[] = ['once', 'yearly', 'total'];

export function parsePeriod(raw: string): Period | undefined {
  const value = raw.trim();
  if ((PERIODS as readonly string[]).includes(value)) return value as Period;
  if (/^(?:每年|年度|按年|yearly|annual)$/.test(value)) return 'yearly';
  if (/^(?:累计|总额|合计|总计|total)$/.test(value)) return 'total';
  if (/^(?:一次性|单次|once)$/.test(value)) return 'once';
  return undefined;
}
