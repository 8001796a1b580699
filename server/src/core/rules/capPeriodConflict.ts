import type { ClauseCap } from './clauseCaps';
import { clauseCaps } from './clauseCaps';
import type { Rule } from './types';
import { clauseLabel, money } from './labels';

/**
 * A yearly or per-item cap cannot exceed the total (累计/总额) cap it sits under in the same clause:
 * 每年最高600万元……累计不超过500万元 can never be paid out. 每年最高500万元、连续支持3年 with no
 * total is fine.
 */
export const capPeriodConflict: Rule = {
  id: 'cap-period-conflict',
  defaultSeverity: 'warning',
  description: {
    en: 'A yearly or per-item cap exceeds the total (累计/总额) cap it sits under.',
    zh: '年度或单项封顶金额超过其所属的累计（总额）封顶金额。',
  },
  run({ document, report }) {
    for (const clause of document.clauses) {
      const caps = clauseCaps(clause);
      const totals = caps.filter((c) => c.period === 'total');
      if (totals.length === 0) continue;
      for (const cap of caps) {
        if (cap.period === 'total') continue;
        const total = totals.find((t) => sitsUnder(cap, t) && cap.yuan > t.yuan);
        if (!total) continue;
        const label = clauseLabel(clause);
        const what = cap.period === 'yearly' ? { en: 'yearly', zh: '年度' } : { en: 'per-item', zh: '单项' };
        report({
          target: cap.target,
          message: {
            en: `In ${label.en}, the ${what.en} cap ${money(cap.yuan)} exceeds the total cap ${money(total.yuan)}.`,
            zh: `${label.zh}中${what.zh}封顶${money(cap.yuan)}超过累计封顶${money(total.yuan)}。`,
          },
          related: [{ target: total.target, message: { en: `Total cap ${money(total.yuan)}`, zh: `累计封顶${money(total.yuan)}` } }],
        });
      }
    }
  },
};

/** A total per 企业 covers caps per 项 or per 年; a total per 项 covers only per-项 caps. */
function sitsUnder(cap: ClauseCap, total: ClauseCap): boolean {
  if (total.tier && cap.tier && total.tier !== cap.tier) return false;
  if (!total.per || !cap.per || total.per === cap.per) return true;
  return total.per === '企业' && (cap.per === '项' || cap.per === '年' || cap.per === '次');
}
