import type { Rule } from './types';
import { clauseLabel, percent } from './labels';
import type { RateValue } from '../normalise/types';

/** A share of eligible cost must be above 0 and at most 100 %, and a range must run low to high. */
export const capRateInvalid: Rule = {
  id: 'cap-rate-invalid',
  defaultSeverity: 'error',
  description: {
    en: 'A rate is over 100 %, zero, or a range whose lower bound exceeds its upper bound.',
    zh: '补助比例超过100%、为0，或区间下限大于上限。',
  },
  run({ document, report }) {
    for (const clause of document.clauses) {
      const label = clauseLabel(clause);
      for (const entry of clause.caps) {
        if (!entry.rate) continue;
        const problem = rateProblem(entry.rate.value);
        if (problem) report({ target: { node: entry.rate.node }, message: problem(label) });
      }
      if (!clause.text) continue;
      for (const rate of clause.facts.rates) {
        if (rate.role !== 'share') continue;
        const problem = rateProblem(rate);
        if (problem) report({ target: { node: clause.text.node, span: { start: rate.start, end: rate.end } }, message: problem(label) });
      }
    }
  },
};

type Problem = (label: { en: string; zh: string }) => { en: string; zh: string };

function rateProblem(rate: RateValue): Problem | undefined {
  const shown = percent(rate);
  if (rate.min > rate.max) {
    return (l) => ({ en: `Rate ${shown} in ${l.en}: the lower bound exceeds the upper bound.`, zh: `${l.zh}比例${shown}下限大于上限。` });
  }
  if (rate.max > 100) {
    return (l) => ({ en: `Rate ${shown} in ${l.en} is over 100 % of the eligible cost.`, zh: `${l.zh}比例${shown}超过100%。` });
  }
  if (rate.max <= 0) {
    return (l) => ({ en: `Rate ${shown} in ${l.en} is zero: no support would be paid.`, zh: `${l.zh}比例为${shown}，实际无支持。` });
  }
  return undefined;
}
