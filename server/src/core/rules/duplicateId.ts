import type { Located } from '../model/types';
import type { Rule } from './types';

/** Two clauses (or two chapters) in one document share an `id`: precedent ids and cross-references break. */
export const duplicateId: Rule = {
  id: 'duplicate-id',
  defaultSeverity: 'error',
  description: {
    en: 'Two clauses (or two chapters) in one document share an id.',
    zh: '同一文件中两个条款（或两个章节）的 id 相同。',
  },
  run({ document, report }) {
    const check = (what: { en: string; zh: string }, ids: ReadonlyArray<Located<string> | undefined>): void => {
      const first = new Map<string, Located<string>>();
      for (const id of ids) {
        if (!id) continue;
        const earlier = first.get(id.value);
        if (!earlier) {
          first.set(id.value, id);
          continue;
        }
        report({
          target: { node: id.node },
          message: {
            en: `Duplicate ${what.en} id '${id.value}'.`,
            zh: `${what.zh} id “${id.value}”重复。`,
          },
          related: [{ target: { node: earlier.node }, message: { en: `First ${what.en} with id '${id.value}'`, zh: `首个 id 为“${id.value}”的${what.zh}` } }],
          data: { id: id.value },
        });
      }
    };
    check({ en: 'clause', zh: '条款' }, document.clauses.map((c) => c.id));
    check({ en: 'chapter', zh: '章节' }, document.chapters.map((c) => c.id));
  },
};
