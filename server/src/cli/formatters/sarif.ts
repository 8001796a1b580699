/** SARIF 2.1.0, for code-scanning tools and CI annotations. */
import type { Rule, Severity } from '../../core';
import type { FileResult } from './types';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

export function formatSarif(results: readonly FileResult[], rules: readonly Rule[], version: string): string {
  const ruleIndex = new Map(rules.map((rule, i) => [rule.id, i]));
  const region = (range: { start: { line: number; character: number }; end: { line: number; character: number } }) => ({
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'policy-lint',
          version,
          informationUri: 'https://github.com/policy-lint/policy-lint',
          rules: rules.map((rule) => ({
            id: rule.id,
            name: rule.id,
            shortDescription: { text: rule.description.en },
            fullDescription: { text: `${rule.description.en} ${rule.description.zh}` },
            defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
          })),
        },
      },
      artifacts: results.map(({ file }) => ({ location: { uri: file } })),
      results: results.flatMap(({ file, diagnostics }, artifactIndex) => diagnostics.map((d) => ({
        ruleId: d.code,
        ...(ruleIndex.has(d.code) ? { ruleIndex: ruleIndex.get(d.code) } : {}),
        level: LEVEL[d.severity],
        message: { text: d.message },
        locations: [{ physicalLocation: { artifactLocation: { uri: file, index: artifactIndex }, region: region(d.range) } }],
        ...(d.related.length > 0 ? {
          relatedLocations: d.related.map((r, id) => ({ id, message: { text: r.message }, physicalLocation: { artifactLocation: { uri: file, index: artifactIndex }, region: region(r.range) } })),
        } : {}),
      }))),
    }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
