import type { Rule } from './types';
import { numberOption } from './options';
import { clauseLabel } from './labels';

/**
 * A clause that near-duplicates a clause of an in-force policy of the same city: an enterprise could
 * claim both, so the draft should say 就高不重复 or drop one.
 */
export const overlapsInForce: Rule = {
  id: 'overlaps-in-force',
  defaultSeverity: 'information',
  scope: 'clause',
  description: {
    en: 'A clause near-duplicates a clause of an in-force policy of the same city (就高不重复).',
    zh: '条款与本市现行有效政策的条款几乎相同，应注明“就高不重复”或删除其一。',
  },
  defaultOptions: { threshold: 0.8 },
  run({ document, corpus, options, report }) {
    const city = document.city?.value;
    if (!corpus || !city) return;
    const threshold = numberOption(options.threshold, 0.8);
    const title = document.policy?.value;
    for (const clause of document.clauses) {
      if (clause.kind !== 'measure' || !clause.text) continue;
      if (/就高不重复|不重复(?:享受|支持|奖励)/.test(clause.text.value)) continue;
      const hit = corpus.query(clause, { city, top: 3, minScore: threshold, excerpts: false }).sameCityInForce
        .find((p) => p.documentTitle !== title);
      if (!hit) continue;
      const label = clauseLabel(clause);
      report({
        target: { node: clause.text.node },
        message: {
          en: `${label.en} overlaps clause ${hit.clause} of the in-force 《${hit.documentTitle}》 (${Math.round(hit.score * 100)}% similar): state 就高不重复 or drop one.`,
          zh: `${label.zh}与现行有效的《${hit.documentTitle}》第${hit.clause}条高度重合（相似度${Math.round(hit.score * 100)}%），请注明“就高不重复”或删除其一。`,
        },
        data: { precedent: hit.id, score: hit.score },
      });
    }
  },
};
