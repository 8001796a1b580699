import { tierRank } from '../normalise/tiers';
import type { ClauseCap } from './clauseCaps';
import { clauseCaps, measureKey } from './clauseCaps';
import type { Rule } from './types';
import { clauseLabel, money } from './labels';

/**
 * A higher tier (国际 > 国家级 > 省级 > 市级 > 区县级 = 园区) must not get a lower cap than a lower
 * tier for the same measure: within one clause, and across clauses for caps with the same `for`.
 * Reported on the later of the two caps, with the other as related information.
 */
export const capTierInversion: Rule = {
  id: 'cap-tier-inversion',
  defaultSeverity: 'warning',
  description: {
    en: 'A higher tier gets a lower cap than a lower tier for the same measure (e.g. a 园区-level award above the 省级 one).',
    zh: '同一措施中，较高层级的封顶金额低于较低层级（如园区级奖励高于省级）。',
  },
  run({ document, report }) {
    const reported = new Set<ClauseCap>();
    const check = (caps: readonly ClauseCap[]): void => {
      // Per tier rank, the lowest and highest amount among the caps before j: when no other tier's
      // amounts lie on the wrong side of j's, no earlier cap can be inverted with it and the pairwise
      // scan is skipped (a clause of 30,000 caps of one tier costs 30,000 steps, not 450 million).
      const lowest = new Map<number, number>();
      const highest = new Map<number, number>();
      for (let j = 0; j < caps.length; j++) {
        const later = caps[j];
        const rank = later.tier ? tierRank(later.tier) : undefined;
        const possible = rank !== undefined && !reported.has(later)
          && ([...lowest].some(([r, yuan]) => r > rank && yuan < later.yuan) || [...highest].some(([r, yuan]) => r < rank && yuan > later.yuan));
        if (rank !== undefined) {
          lowest.set(rank, Math.min(lowest.get(rank) ?? Infinity, later.yuan));
          highest.set(rank, Math.max(highest.get(rank) ?? -Infinity, later.yuan));
        }
        if (!possible) continue;
        for (let i = 0; i < j; i++) {
          const earlier = caps[i];
          if (!comparable(earlier, later)) continue;
          const [higher, lower] = tierRank(earlier.tier!) > tierRank(later.tier!) ? [earlier, later] : [later, earlier];
          if (tierRank(higher.tier!) === tierRank(lower.tier!) || higher.yuan >= lower.yuan) continue;
          reported.add(later);
          const where = later.clause === earlier.clause ? clauseLabel(later.clause) : undefined;
          report({
            target: later.target,
            message: {
              en: `Tier inversion${where ? ` in ${where.en}` : ''}: ${lower.tier} gets ${money(lower.yuan)}, more than ${higher.tier} (${money(higher.yuan)}).`,
              zh: `层级倒挂${where ? `（${where.zh}）` : ''}：${lower.tier}${money(lower.yuan)}高于${higher.tier}${money(higher.yuan)}。`,
            },
            related: [{
              target: earlier.target,
              message: { en: `${earlier.tier} cap ${money(earlier.yuan)}`, zh: `${earlier.tier}封顶${money(earlier.yuan)}` },
            }],
          });
          break;
        }
      }
    };
    // Within each clause.
    for (const clause of document.clauses) check(clauseCaps(clause).filter((c) => c.tier !== undefined));
    // Across clauses, for the same measure (same `for`).
    const byMeasure = new Map<string, ClauseCap[]>();
    for (const clause of document.clauses) {
      for (const cap of clauseCaps(clause)) {
        const key = measureKey(cap.for);
        if (!key || !cap.tier) continue;
        const list = byMeasure.get(key) ?? [];
        list.push(cap);
        byMeasure.set(key, list);
      }
    }
    for (const caps of byMeasure.values()) {
      if (new Set(caps.map((c) => c.clause)).size > 1) check(caps);
    }
  },
};

/** Same kind of support: same per-unit and period when both say, and not two different `for`s. */
function comparable(a: ClauseCap, b: ClauseCap): boolean {
  if (!a.tier || !b.tier) return false;
  if (a.per && b.per && a.per !== b.per) return false;
  if ((a.period ?? 'once') !== (b.period ?? 'once')) return false;
  const ka = measureKey(a.for);
  const kb = measureKey(b.for);
  if (a.clause !== b.clause) return ka !== undefined && ka === kb;
  return !(ka && kb && ka !== kb && a.source === 'field');
}
