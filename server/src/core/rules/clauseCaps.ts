/**
 * The caps of a clause as the cap rules see them: the structured `caps` entries when the clause has
 * any (the drafter's own reading of the text), otherwise the caps the text states. Memoised per clause
 * so the five cap rules share one computation.
 */
import type { Clause } from '../model/types';
import { normalisePer } from '../normalise/per';
import type { Period, RateValue, Tier } from '../normalise/types';
import type { Target } from './types';

export interface ClauseCap {
  readonly clause: Clause;
  readonly yuan: number;
  readonly per?: string;
  readonly period?: Period;
  readonly tier?: Tier;
  readonly for?: string;
  readonly rate?: RateValue;
  readonly target: Target;
  readonly source: 'field' | 'text';
  /** Order within the clause. */
  readonly order: number;
}

const cache = new WeakMap<Clause, readonly ClauseCap[]>();

export function clauseCaps(clause: Clause): readonly ClauseCap[] {
  let caps = cache.get(clause);
  if (!caps) {
    caps = computeCaps(clause);
    cache.set(clause, caps);
  }
  return caps;
}

function computeCaps(clause: Clause): ClauseCap[] {
  const fromField: ClauseCap[] = [];
  for (const entry of clause.caps) {
    if (!entry.max) continue;
    fromField.push({
      clause,
      yuan: entry.max.value,
      per: normalisePer(entry.per?.value),
      period: entry.period?.value,
      tier: entry.tier?.value,
      for: entry.for?.value,
      rate: entry.rate?.value,
      target: { node: entry.max.node },
      source: 'field',
      order: fromField.length,
    });
  }
  if (fromField.length > 0 || !clause.text) return fromField;
  const textNode = clause.text.node;
  return clause.facts.capMentions.map((mention, order): ClauseCap => ({
    clause,
    yuan: mention.yuan,
    per: normalisePer(mention.per),
    period: mention.period,
    tier: mention.tier,
    for: mention.for,
    rate: mention.rate ? { min: mention.rate.min, max: mention.rate.max } : undefined,
    target: { node: textNode, span: { start: mention.start, end: mention.end } },
    source: 'text',
    order,
  }));
}

/** Text that identifies a measure across clauses: the cap's `for`, folded. */
const measureKeys = new Map<string, string | undefined>();

export function measureKey(value: string | undefined): string | undefined {
  if (!value) return undefined;
  let key = measureKeys.get(value);
  if (key === undefined && !measureKeys.has(value)) {
    const folded = value.replace(/[\s“”"'‘’「」《》（）()、，,。．.：:；;]/g, '');
    key = folded === '' ? undefined : folded;
    if (measureKeys.size > 10000) measureKeys.clear();
    measureKeys.set(value, key);
  }
  return key;
}
