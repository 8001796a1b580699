import { bestEarlierMatches } from '../similarity/clauseSimilarity';
import type { Rule } from './types';
import { clauseLabel } from './labels';
import { numberOption } from './options';

export const DUPLICATE_THRESHOLD = 0.85;
export const SIMILAR_THRESHOLD = 0.6;

/** Two clauses of one document are near-identical: reported on the later one. */
export const duplicateClause: Rule = {
  id: 'duplicate-clause',
  defaultSeverity: 'warning',
  description: {
    en: 'Two clauses of one document are near-identical (similarity ≥ 0.85 by default); reported on the later one.',
    zh: '同一文件中两个条款几乎相同（相似度默认 ≥ 0.85），在后一条款上提示。',
  },
  defaultOptions: { threshold: DUPLICATE_THRESHOLD },
  run({ document, options, optionsOf, report }) {
    const threshold = numberOption(options.threshold, DUPLICATE_THRESHOLD);
    // Computed once at the lower threshold of the two rules and shared with similar-clause.
    const shared = Math.min(threshold, numberOption(optionsOf('similar-clause').threshold, SIMILAR_THRESHOLD));
    for (const match of bestEarlierMatches(document, shared).values()) {
      if (match.score < threshold) continue;
      const here = clauseLabel(match.clause);
      const there = clauseLabel(match.earlier);
      const score = Math.round(match.score * 100);
      report({
        target: { node: match.clause.text!.node },
        message: {
          en: `${capitalise(here.en)} nearly duplicates ${there.en} (${score}% similar).`,
          zh: `${here.zh}与${there.zh}几乎相同（相似度${score}%）。`,
        },
        related: [{ target: { node: match.earlier.text!.node }, message: { en: `Earlier ${there.en}`, zh: `在前的${there.zh}` } }],
        data: { earlier: match.earlier.id?.value, score: match.score },
      });
    }
  },
};


export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
