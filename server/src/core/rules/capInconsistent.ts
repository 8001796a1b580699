import type { ClauseCap } from './clauseCaps';
import { clauseCaps, measureKey } from './clauseCaps';
import type { Rule } from './types';
import { clauseLabel, money } from './labels';

/**
 * The same measure (same `for` or topic, tier, per-unit and period) capped at different amounts in
 * two clauses of one document. Only clauses that give the measure a single amount are compared, so
 * a clause listing several amounts for one topic never raises a false alarm.
 */
export const capInconsistent: Rule = {
  id: 'cap-inconsistent',
  defaultSeverity: 'warning',
  description: {
    en: 'The same measure (same for/topic, tier and per) is capped at different amounts in two clauses.',
    zh: '同一措施（相同对象/主题、层级和计量单位）在两个条款中的封顶金额不同。',
  },
  run({ document, report }) {
    // measure key → clause index → caps of that clause for the measure
    const byMeasure = new Map<string, Map<number, ClauseCap[]>>();
    for (const clause of document.clauses) {
      const topics = clause.topics.map((t) => measureKey(t.value)).filter((t): t is string => t !== undefined);
      for (const cap of clauseCaps(clause)) {
        const names = cap.source === 'field' && cap.for ? [measureKey(cap.for)!] : topics;
        for (const name of names) {
          const key = [name, cap.tier ?? '', cap.per ?? '', cap.period ?? 'once'].join('|');
          const perClause = byMeasure.get(key) ?? new Map<number, ClauseCap[]>();
          const list = perClause.get(clause.index) ?? [];
          list.push(cap);
          perClause.set(clause.index, list);
          byMeasure.set(key, perClause);
        }
      }
    }
    const reported = new Set<ClauseCap>();
    for (const [key, perClause] of byMeasure) {
      const singles = [...perClause.values()].filter((caps) => new Set(caps.map((c) => c.yuan)).size === 1).map((caps) => caps[0]);
      for (let j = 1; j < singles.length; j++) {
        const later = singles[j];
        const earlier = singles.slice(0, j).find((c) => c.yuan !== later.yuan);
        if (!earlier || reported.has(later)) continue;
        reported.add(later);
        const measure = key.split('|')[0];
        const here = clauseLabel(later.clause);
        const there = clauseLabel(earlier.clause);
        report({
          target: later.target,
          message: {
            en: `${measure} is capped at ${money(later.yuan)} in ${here.en} but at ${money(earlier.yuan)} in ${there.en}.`,
            zh: `${measure}在${here.zh}封顶${money(later.yuan)}，而在${there.zh}为${money(earlier.yuan)}。`,
          },
          related: [{ target: earlier.target, message: { en: `${there.en}: ${money(earlier.yuan)}`, zh: `${there.zh}：${money(earlier.yuan)}` } }],
        });
      }
    }
  },
};
