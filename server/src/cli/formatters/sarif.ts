/** SARIF 2.1.0, for code-scanning tools and CI annotations. */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Range, Rule, Severity } from '../../core';
import { isOutside } from '../paths';
import type { FileResult } from './types';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };
const SRCROOT = '%SRCROOT%';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

export interface SarifOptions {
  readonly cwd: string;
  readonly version: string;
}

/** Files under the cwd get a relative URI against %SRCROOT% (what code scanning expects); others a file: URI. */
function artifactLocation(result: FileResult, cwd: string): { uri: string; uriBaseId?: string } {
  const relative = path.relative(cwd, result.path);
  if (isOutside(relative)) return { uri: pathToFileURL(result.path).href };
  // A URI reference must percent-encode spaces, '#', '?' and non-ASCII; '/' separates segments.
  const uri = relative.split(path.sep).map(encodeURIComponent).join('/');
  return { uri, uriBaseId: SRCROOT };
}

// SARIF lines and columns are 1-based, columns in UTF-16 code units like LSP; endColumn is exclusive.
function region(range: Range): { startLine: number; startColumn: number; endLine: number; endColumn: number } {
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

export function formatSarif(results: readonly FileResult[], rules: readonly Rule[], options: SarifOptions): string {
  const ruleIndex = new Map(rules.map((rule, i) => [rule.id, i]));
  const locations = results.map((r) => artifactLocation(r, options.cwd));
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'policy-lint',
          version: options.version,
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
      // The base must end with '/' (SARIF §3.14.14) so relative URIs resolve inside it.
      originalUriBaseIds: { [SRCROOT]: { uri: `${pathToFileURL(options.cwd).href.replace(/\/?$/, '/')}` } },
      columnKind: 'utf16CodeUnits',
      artifacts: locations.map((location) => ({ location })),
      results: results.flatMap((result, index) => result.diagnostics.map((d) => {
        const artifact = { ...locations[index], index };
        // relatedLocations must hold unique items; two identical related notes say nothing more.
        const related = [...new Map(d.related.map((r) => [`${r.start}:${r.end}:${r.message}`, r])).values()];
        return {
          ruleId: d.code,
          ...(ruleIndex.has(d.code) ? { ruleIndex: ruleIndex.get(d.code) } : {}),
          level: LEVEL[d.severity],
          message: { text: d.message },
          locations: [{ physicalLocation: { artifactLocation: artifact, region: region(d.range) } }],
          ...(related.length > 0 ? {
            relatedLocations: related.map((r, id) => ({ id, message: { text: r.message }, physicalLocation: { artifactLocation: artifact, region: region(r.range) } })),
          } : {}),
        };
      })),
    }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
