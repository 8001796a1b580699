import type { Rule } from './types';

/** A pinned precedent (`CITY/DOCUMENT#CLAUSE`) that the corpus cannot resolve. */
export const precedentUnresolved: Rule = {
  id: 'precedent-unresolved',
  defaultSeverity: 'warning',
  description: {
    en: 'A pinned precedent id does not resolve to a corpus clause.',
    zh: '引用的先例编号在语料库中不存在。',
  },
  run({ document, corpus, report }) {
    if (!corpus) return;
    for (const clause of document.clauses) {
      for (const pinned of clause.precedents) {
        const id = pinned.value.trim();
        // A malformed id is the schema rule's to report; this rule speaks of well-formed ids only.
        if (!/^[^/#\s]+\/[^#\s]+#\S+$/.test(id) || corpus.resolve(id)) continue;
        report({
          target: { node: pinned.node },
          message: { en: `Precedent '${pinned.value}' does not resolve: no such city, document or clause in the corpus.`, zh: `先例“${pinned.value}”不存在：语料库中没有该城市、文件或条款。` },
        });
      }
    }
  },
};
