import { POLICY_SCHEMA } from '../schema/policySchema';
import { POLICY_FORMATS } from '../schema/formats';
import { emptyFileMessage, extraDocumentMessage } from '../schema/messages';
import { validateNode } from '../schema/validateNode';
import type { TextSpan } from '../normalise/types';
import type { Rule } from './types';

/**
 * The document must have the dialect's shape (schema/policy.schema.json): required keys, known keys,
 * types, enum values, dates, amounts and rates that can be read, no duplicate keys, no aliases of
 * collections, one document.
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
      report({ target: { offsets: documentMarker(yaml.text, start, yaml.root?.end ?? 0) }, message: extraDocumentMessage() });
    }
    if (!yaml.root) {
      report({ target: { offsets: { start: 0, end: 0 } }, message: emptyFileMessage() });
      return;
    }
    for (const problem of validateNode(yaml.root, POLICY_SCHEMA, { formats: POLICY_FORMATS })) {
      report({ target: { node: problem.node }, message: problem.message });
    }
  },
};

const DOCUMENT_MARKER = /^---(?=\s|$)/gm;

/** The `---` line that opens a later document (its content starts at `start`), else that content's start. */
function documentMarker(text: string, start: number, firstEnd: number): TextSpan {
  let at = -1;
  DOCUMENT_MARKER.lastIndex = firstEnd;
  for (let m = DOCUMENT_MARKER.exec(text); m && m.index <= start; m = DOCUMENT_MARKER.exec(text)) at = m.index;
  return at >= 0 ? { start: at, end: at + 3 } : { start, end: start };
}
