import { POLICY_SCHEMA } from '../schema/policySchema';
import { validateNode } from '../schema/validateNode';
import type { Rule } from './types';

/**
 * The document must have the dialect's shape (schema/policy.schema.json): required keys, known keys,
 * types, enum values, dates, amounts and rates that can be read, no duplicate keys, one document.
 */
export const schema: Rule = {
  id: 'schema',
  defaultSeverity: 'error',
  description: {
    en: 'A required key is missing, a key is unknown, or a value has the wrong type or an invalid value.',
    zh: '缺少必填键、存在未知键，或值的类型、取值不合法。',
  },
  run({ document, report }) {
    const yaml = document.yaml;
    if (yaml.error) return; // yaml-syntax reports it
    for (const start of yaml.extraDocuments) {
      report({
        target: { offsets: { start, end: start } },
        message: { en: 'A policy file holds one document: remove the second `---` document.', zh: '一个政策文件只能包含一个 YAML 文档，请删除第二个“---”文档。' },
      });
    }
    if (!yaml.root) {
      report({
        target: { offsets: { start: 0, end: 0 } },
        message: { en: 'The file is empty: a policy needs at least `policy`, `city` and `chapters` or `clauses`.', zh: '文件为空：至少需要 policy、city 以及 chapters 或 clauses。' },
      });
      return;
    }
    for (const problem of validateNode(yaml.root, POLICY_SCHEMA)) report({ target: { node: problem.node }, message: problem.message });
  },
};
