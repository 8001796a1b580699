/**
 * Structured departments and caps of a clause, read from its text with the normalisers. Markers and
 * amounts are found in the simplified copy; names and `for` are taken from the original at the same
 * offsets, so they are as written. Several markers in one clause merge: every 牵头 (or first-named)
 * department leads, the others support.
 */
import { findCapMentions } from '../normalise/caps';
import { findDepartmentMarkers } from '../normalise/departments';
import { formatMoney, parseMoney } from '../normalise/money';
import type { RateMention } from '../normalise/types';
import { toSimplified } from './traditional';
import type { ImportedCap, ImportedDepartments } from './types';

export function clauseDepartments(text: string): ImportedDepartments | undefined {
  const markers = findDepartmentMarkers(toSimplified(text));
  if (markers.length === 0) return undefined;
  const lead: string[] = [];
  const support: string[] = [];
  for (const marker of markers) {
    for (const name of marker.lead) {
      const written = text.slice(name.start, name.end);
      if (!lead.includes(written)) lead.push(written);
    }
    for (const name of marker.support) {
      const written = text.slice(name.start, name.end);
      if (!support.includes(written)) support.push(written);
    }
  }
  const supportOnly = support.filter((name) => !lead.includes(name));
  if (lead.length + supportOnly.length === 0) return undefined;
  return { lead, support: supportOnly };
}

function formatRate(rate: RateMention): string {
  return rate.min === rate.max ? `${rate.min}%` : `${rate.min}%~${rate.max}%`;
}

/** 100万元 the way policies write it, or exact 元 when rounding would change the amount. */
function moneyOf(yuan: number): string {
  const formatted = formatMoney(yuan);
  return parseMoney(formatted) === yuan ? formatted : `${yuan}元`;
}

/** The normaliser matches on its own simplified copy and takes `for` from the text as written. */
export function clauseCaps(text: string): ImportedCap[] {
  // 🔹对… in folded list items: the emoji bullet masked (same length) so that 对… opens a phrase.
  const unbulleted = text.replace(/(^|\n)\p{Extended_Pictographic}\uFE0F?/gu, (m, start: string) => start + ' '.repeat(m.length - start.length));
  return findCapMentions(unbulleted).map((mention) => ({
    max: moneyOf(mention.yuan),
    ...(mention.for ? { for: mention.for } : {}),
    ...(mention.per ? { per: mention.per } : {}),
    ...(mention.period ? { period: mention.period } : {}),
    ...(mention.rate ? { rate: formatRate(mention.rate) } : {}),
    ...(mention.tier ? { tier: mention.tier } : {}),
  }));
}
