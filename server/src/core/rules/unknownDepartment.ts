import { canonicalDepartment } from '../departments/aliases';
import { registryOf } from '../departments/registryOf';
import type { YNode } from '../yaml/nodes';
import type { Rule, Target } from './types';

/**
 * A department the corpus does not know for the document's city (nor the document's own
 * `departments` map, nor the user's config): often a typo or an outdated name. Suggests the nearest.
 */
export const unknownDepartment: Rule = {
  id: 'unknown-department',
  defaultSeverity: 'information',
  scope: 'clause',
  description: {
    en: 'A department is not known for the document\'s city (corpus registry, the document\'s departments map, user config).',
    zh: '该部门不在本市已知部门中（语料库、文件 departments 映射、用户配置），可能有误或已更名。',
  },
  run({ document, corpus, config, report }) {
    // With no corpus there is nothing to know departments from: stay silent rather than flag every name.
    if (!corpus || corpus.documents.length === 0) return;
    const registry = registryOf(corpus);
    const city = document.city?.value;
    const local = new Set<string>();
    for (const [short, full] of document.departmentNames) {
      local.add(canonicalDepartment(short, city).key);
      local.add(canonicalDepartment(full.value, city).key);
    }
    for (const name of city ? config?.departments?.[city] ?? [] : []) local.add(canonicalDepartment(name, city).key);
    const check = (name: string, target: Target): void => {
      if (local.has(canonicalDepartment(name, city).key) || registry.isKnown(city, name)) return;
      const suggestions = registry.suggest(city, name);
      report({
        target,
        message: {
          en: `'${name}' is not a known department${city ? ` of ${city}` : ''}.${suggestions.length ? ` Did you mean ${suggestions.map((s) => `'${s}'`).join(' or ')}?` : ' Add it to the document\'s `departments` map if it is right.'}`,
          zh: `“${name}”不是${city ?? ''}已知部门。${suggestions.length ? `是否为${suggestions.map((s) => `“${s}”`).join('或')}？` : '如无误，请在 departments 映射中登记。'}`,
        },
        data: { name, suggestions },
      });
    };
    for (const clause of document.clauses) {
      if (clause.departments) {
        for (const ref of [...clause.departments.lead, ...clause.departments.support]) check(ref.name, { node: ref.node });
      }
      const textNode: YNode | undefined = clause.text?.node;
      if (!textNode) continue;
      for (const marker of clause.facts.departmentMarkers) {
        for (const name of [...marker.lead, ...marker.support]) check(name.name, { node: textNode, span: { start: name.start, end: name.end } });
      }
    }
  },
};
