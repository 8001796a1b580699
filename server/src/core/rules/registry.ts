/**
 * The explicit list of rules, in the order they run. A new rule is one module plus one line here.
 * SPEC §2 is the list of codes.
 */
import type { Rule } from './types';
import { yamlSyntax } from './yamlSyntax';
import { duplicateId } from './duplicateId';

export const RULES: readonly Rule[] = [
  yamlSyntax,
  duplicateId,
];

export function findRule(id: string): Rule | undefined {
  return RULES.find((rule) => rule.id === id);
}
