/** What precedents give for a measure: min / median / max of their caps. */
import type { Precedent } from '../precedents/types';

export interface CapStats {
  readonly count: number;
  readonly min: number;
  readonly median: number;
  readonly max: number;
  readonly cities: readonly string[];
}

/** Each precedent counts with its highest cap, so one clause with a long tier list does not dominate. */
export function capStats(precedents: readonly Precedent[]): CapStats | undefined {
  const withCaps = precedents.filter((p) => p.caps.length > 0);
  if (withCaps.length === 0) return undefined;
  const amounts = withCaps.map((p) => Math.max(...p.caps.map((c) => c.yuan))).sort((a, b) => a - b);
  const middle = amounts.length >> 1;
  const median = amounts.length % 2 ? amounts[middle] : (amounts[middle - 1] + amounts[middle]) / 2;
  return { count: amounts.length, min: amounts[0], median, max: amounts[amounts.length - 1], cities: [...new Set(withCaps.map((p) => p.city))] };
}
