/** SPEC §3: one JSON array; lines and columns 1-based. */
import type { FileResult } from './types';

export function formatJson(results: readonly FileResult[]): string {
  const rows = results.flatMap(({ file, diagnostics }) => diagnostics.map((d) => ({
    file,
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
    severity: d.severity,
    code: d.code,
    message: d.message,
  })));
  return `${JSON.stringify(rows, null, 2)}\n`;
}
