/**
 * The explicit list of rules, in the order they run. A new rule is one module plus one line here.
 * SPEC §2 is the list of codes.
 */
import type { Rule } from './types';
import { yamlSyntax } from './yamlSyntax';
import { schema } from './schema';
import { duplicateId } from './duplicateId';
import { missingDepartment } from './missingDepartment';
import { departmentConflict } from './departmentConflict';
import { capTextMismatch } from './capTextMismatch';
import { capTierInversion } from './capTierInversion';
import { capPeriodConflict } from './capPeriodConflict';
import { capRateInvalid } from './capRateInvalid';
import { capInconsistent } from './capInconsistent';
import { duplicateClause } from './duplicateClause';
import { similarClause } from './similarClause';
import { unknownDepartment } from './unknownDepartment';
import { capOutlier } from './capOutlier';
import { overlapsInForce } from './overlapsInForce';
import { precedentUnresolved } from './precedentUnresolved';
import { largeDocument } from './largeDocument';

export const RULES: readonly Rule[] = [
  yamlSyntax,
  schema,
  duplicateId,
  missingDepartment,
  departmentConflict,
  capTextMismatch,
  capTierInversion,
  capPeriodConflict,
  capRateInvalid,
  capInconsistent,
  duplicateClause,
  similarClause,
  unknownDepartment,
  capOutlier,
  overlapsInForce,
  precedentUnresolved,
  largeDocument,
];

export function findRule(id: string): Rule | undefined {
  return RULES.find((rule) => rule.id === id);
}
