import { bestEarlierMatches } from '../similarity/clauseSimilarity';
import type { Rule } from './types';
import { capitalise, DUPLICATE_THRESHOLD, SIMILAR_THRESHOLD } from './duplicateClause';
import { numberOption } from './options';
import { clauseLabel } from './labels';

/** Two clauses are similar but not duplicates: a hint that they might be merged or told apart. */
export const similarClause: Rule = {
  id: 'similar-clause',
  defaultSeverity: 'hint',
  description: {
    en: 'Two clauses of one document are similar (similarity ≥ 0.6 by default).',
    zh: '同一文件中两个条款相似（相似度默认 ≥ 0.6）。',
  },
  defaultOptions: { threshold: SIMILAR_THRESHOLD },
  run({ document, options, optionsOf, report }) {
    const threshold = numberOption(options.threshold, SIMILAR_THRESHOLD);
    const duplicateFrom = numberOption(optionsOf('duplicate-clause').threshold, DUPLICATE_THRESHOLD);
    for (const match of bestEarlierMatches(document, Math.min(threshold, duplicateFrom)).values()) {
      if (match.score < threshold || match.score >= duplicateFrom) continue; // duplicate-clause reports those above
      const here = clauseLabel(match.clause);
      const there = clauseLabel(match.earlier);
      const score = Math.round(match.score * 100);
      report({
        target: { node: match.clause.text!.node },
        message: {
          en: `${capitalise(here.en)} is similar to ${there.en} (${score}%): merge them or make the difference explicit.`,
          zh: `${here.zh}与${there.zh}相似（${score}%），建议合并或明确区别。`,
        },
        related: [{ target: { node: match.earlier.text!.node }, message: { en: `Similar ${there.en}`, zh: `相似的${there.zh}` } }],
        data: { earlier: match.earlier.id?.value, score: match.score },
      });
    }
  },
};
