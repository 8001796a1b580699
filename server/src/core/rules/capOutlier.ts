import { PRECEDENT_SCORE } from '../precedents/types';
import { clauseCaps } from './clauseCaps';
import type { Rule } from './types';
import { numberOption } from './options';
import { clauseLabel, money } from './labels';

/**
 * A cap far outside what other cities give for the same measure: more than 3× the highest, or under a
 * third of the lowest, cap of the clause's precedents. Needs at least two precedents with caps.
 */
export const capOutlier: Rule = {
  id: 'cap-outlier',
  defaultSeverity: 'information',
  scope: 'clause',
  description: {
    en: 'A cap is more than 3× above the highest, or below a third of the lowest, cap of the clause\'s precedents (needs ≥ 2 precedents with caps).',
    zh: '封顶金额高于同类先例最高值的3倍，或低于最低值的三分之一（需至少2个有金额的先例）。',
  },
  defaultOptions: { factor: 3, minScore: PRECEDENT_SCORE.comparable, top: 5 },
  run({ document, corpus, options, report }) {
    if (!corpus) return;
    const factor = typeof options.factor === 'number' && Number.isFinite(options.factor) && options.factor > 1 ? options.factor : 3;
    const minScore = numberOption(options.minScore, PRECEDENT_SCORE.comparable);
    // Whole precedents between 1 and 50: a NaN, negative or huge `top` is a mistake, not a request.
    const top = typeof options.top === 'number' && Number.isInteger(options.top) && options.top >= 1 ? Math.min(options.top, 50) : 5;
    const city = document.city?.value;
    for (const clause of document.clauses) {
      const caps = clauseCaps(clause);
      if (caps.length === 0 || clause.kind !== 'measure') continue;
      const withCaps = corpus.query(clause, { city, top, minScore, excerpts: false }).precedents.filter((p) => p.caps.length > 0);
      if (withCaps.length < 2) continue;
      const amounts = withCaps.flatMap((p) => p.caps.map((c) => c.yuan));
      const highest = Math.max(...amounts);
      const lowest = Math.min(...amounts);
      const label = clauseLabel(clause);
      const cities = [...new Set(withCaps.map((p) => p.city))].join('、');
      for (const cap of caps) {
        const above = cap.yuan > highest * factor;
        const below = cap.yuan * factor < lowest;
        if (!above && !below) continue;
        report({
          target: cap.target,
          message: above
            ? { en: `${money(cap.yuan)} in ${label.en} is more than ${factor}× the highest precedent cap (${money(highest)}; ${cities}).`,
                zh: `${label.zh}的${money(cap.yuan)}超过同类先例最高值（${money(highest)}，${cities}）的${factor}倍。` }
            : { en: `${money(cap.yuan)} in ${label.en} is under a third of the lowest precedent cap (${money(lowest)}; ${cities}).`,
                zh: `${label.zh}的${money(cap.yuan)}低于同类先例最低值（${money(lowest)}，${cities}）的三分之一。` },
          data: { precedents: withCaps.map((p) => p.id), highest, lowest },
        });
      }
    }
  },
};
