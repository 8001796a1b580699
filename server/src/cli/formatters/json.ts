/** SPEC §3: one JSON array; lines and columns 1-based. Written file by file (see ./stream.ts). */
import type { FileResult } from './types';
import type { OutputStream } from './stream';

function rowsOf({ file, diagnostics }: FileResult): object[] {
  return diagnostics.map((d) => ({
    file,
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
    severity: d.severity,
    code: d.code,
    message: d.message,
  }));
}

/** The text `JSON.stringify(allRows, null, 2)` would give, one file's rows at a time. */
export function jsonStream(write: (text: string) => void): OutputStream {
  let rows = 0;
  write('[');
  return {
    file(result) {
      for (const row of rowsOf(result)) write(`${rows++ === 0 ? '\n' : ',\n'}  ${JSON.stringify(row, null, 2).replace(/\n/g, '\n  ')}`);
    },
    end() {
      write(rows === 0 ? ']\n' : '\n]\n');
    },
  };
}

export function formatJson(results: readonly FileResult[]): string {
  let out = '';
  const stream = jsonStream((text) => (out += text));
  results.forEach((r) => stream.file(r));
  stream.end();
  return out;
}
