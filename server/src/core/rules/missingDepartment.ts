import { leadDepartments } from '../model/types';
import type { Rule } from './types';
import { clauseLabel } from './labels';

/**
 * A measure nobody leads is a measure nobody implements. A clause that grants money without a lead
 * department is an error: nobody is accountable for the budget.
 */
export const missingDepartment: Rule = {
  id: 'missing-department',
  defaultSeverity: 'warning',
  description: {
    en: 'A measure clause has no lead department (责任单位), neither in `departments` nor in a text marker; coResponsible does not count. Error when the clause grants money.',
    zh: '措施条款没有牵头（责任）单位：既无 departments 字段，也无正文中的“责任单位”标注；coResponsible 不算。涉及资金的条款为错误。',
  },
  run({ document, report }) {
    for (const clause of document.clauses) {
      if (clause.kind !== 'measure' || leadDepartments(clause).length > 0) continue;
      const grantsMoney = clause.caps.length > 0 || clause.facts.capMentions.length > 0;
      // Point at the clause's departments field when it exists but names no lead, else at its id.
      const anchor = clause.departments?.key ?? clause.id?.node ?? clause.node.pairs[0]?.key ?? clause.node;
      const label = clauseLabel(clause);
      report({
        target: { node: anchor },
        severity: grantsMoney ? 'error' : undefined,
        message: {
          en: `${capitalise(label.en)} has no lead department: add \`departments\` or a marker such as （责任单位：市工信局）.${grantsMoney ? ' It grants money, so someone must be accountable for the budget.' : ''}`,
          zh: `${label.zh}未明确牵头（责任）单位：请添加 departments 字段或“（责任单位：市工信局）”等标注。${grantsMoney ? '该条款涉及资金支持，须明确责任主体。' : ''}`,
        },
        data: { grantsMoney },
      });
    }
  },
};

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
