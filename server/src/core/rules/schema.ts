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
    const markers = documentMarkers(yaml.text, yaml.root?.end ?? 0);
    for (const start of yaml.extraDocuments) report({ target: { offsets: markers(start) }, message: extraDocumentMessage() });
    if (!yaml.root) {
      report({ target: { offsets: { start: 0, end: 0 } }, message: emptyFileMessage() });
      return;
    }
    for (const problem of validateNode(yaml.root, POLICY_SCHEMA, { formats: POLICY_FORMATS, source: yaml.text })) {
      report({ target: problem.node ? { node: problem.node } : { offsets: problem }, message: problem.message });
    }
  },
};

const DOCUMENT_MARKER = /^---(?=\s|$)/gm;

/**
 * For the later documents' starts, in increasing order: the `---` line that opens each (the last one
 * at or before its content's start), else that content's start. One scan of the text for all of
 * them: 50 000 documents must not mean 50 000 scans.
 */
function documentMarkers(text: string, firstEnd: number): (start: number) => TextSpan {
  const marker = new RegExp(DOCUMENT_MARKER.source, 'gm'); // its own lastIndex
  marker.lastIndex = firstEnd;
  let at = -1;
  let next = marker.exec(text);
  return (start) => {
    while (next && next.index <= start) {
      at = next.index;
      next = marker.exec(text);
    }
    return at >= 0 ? { start: at, end: at + 3 } : { start, end: start };
  };
}
