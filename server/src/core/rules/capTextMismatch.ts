import type { Rule } from './types';
import { clauseLabel, money } from './labels';

/**
 * Structured caps and the text must say the same thing: a `caps` entry whose amount the text never
 * states, or (when `caps` is present) a cap the text states that `caps` leaves out. Thresholds such
 * as 总投资不低于5000万元 are not caps and are never compared.
 */
export const capTextMismatch: Rule = {
  id: 'cap-text-mismatch',
  defaultSeverity: 'warning',
  description: {
    en: 'A `caps` entry has no matching amount in the text, or the text states a cap that `caps` leaves out.',
    zh: 'caps 字段中的金额在正文中找不到，或正文中的封顶金额未写入 caps。',
  },
  run({ document, report }) {
    for (const clause of document.clauses) {
      if (!clause.text) continue;
      const entries = clause.caps.filter((c) => c.max !== undefined);
      if (entries.length === 0) continue;
      const mentions = clause.facts.capMentions;
      const textAmounts = new Set(mentions.map((m) => m.yuan));
      const fieldAmounts = new Set(entries.map((c) => c.max!.value));
      const stated = [...new Set(mentions.map((m) => money(m.yuan)))];
      const label = clauseLabel(clause);
      for (const entry of entries) {
        const max = entry.max!;
        if (textAmounts.has(max.value)) continue;
        report({
          target: { node: max.node },
          message: {
            en: `caps gives ${money(max.value)} but the text of ${label.en} states no such amount${stated.length ? ` (it states ${stated.join(', ')})` : ''}.`,
            zh: `caps 为${money(max.value)}，但${label.zh}正文中没有该金额${stated.length ? `（正文为${stated.join('、')}）` : ''}。`,
          },
          data: { capsAmount: max.value, textAmounts: [...textAmounts] },
        });
      }
      for (const mention of mentions) {
        if (fieldAmounts.has(mention.yuan)) continue;
        report({
          target: { node: clause.text.node, span: { start: mention.start, end: mention.end } },
          message: {
            en: `The text states ${money(mention.yuan)} but \`caps\` of ${label.en} leaves it out.`,
            zh: `正文写明${money(mention.yuan)}，但${label.zh}的 caps 未列出。`,
          },
          data: { textAmount: mention.yuan },
        });
      }
    }
  },
};
