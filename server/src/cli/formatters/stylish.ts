/** ESLint-like output: a header per file, aligned rows, a summary; colour only on a TTY. */
import type { Severity } from '../../core';
import { printable } from './printable';
import type { OutputStream } from './stream';
import type { FileResult } from './types';

const COLOURS: Record<Severity, string> = { error: '31', warning: '33', information: '36', hint: '90' };

/** ESLint-like output written file by file; the summary at the end (nothing at all when clean). */
export function stylishStream(write: (text: string) => void, colour: boolean): OutputStream {
  const paint = (code: string, text: string): string => (colour ? `\u001b[${code}m${text}\u001b[0m` : text);
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  return {
    file({ file, diagnostics }) {
      if (diagnostics.length === 0) return;
      const out: string[] = [paint('4', printable(file))];
      const rows = diagnostics.map((d) => [`${d.range.start.line + 1}:${d.range.start.character + 1}`, d.severity, printable(d.message), d.code] as const);
      const widths = [0, 1].map((i) => rows.reduce((max, r) => Math.max(max, r[i].length), 0));
      for (const [position, severity, message, code] of rows) {
        counts[severity]++;
        out.push(`  ${position.padEnd(widths[0])}  ${paint(COLOURS[severity], severity.padEnd(widths[1]))}  ${message}  ${paint('90', code)}`);
      }
      out.push('');
      write(`${out.join('\n')}\n`);
    },
    end() {
      const total = counts.error + counts.warning + counts.information + counts.hint;
      if (total === 0) return;
      const summary = `✖ ${total} problem${total === 1 ? '' : 's'} (${counts.error} error${counts.error === 1 ? '' : 's'}, ${counts.warning} warning${counts.warning === 1 ? '' : 's'}, ${counts.information} info${counts.information === 1 ? '' : 's'}, ${counts.hint} hint${counts.hint === 1 ? '' : 's'})`;
      write(`${paint(counts.error > 0 ? '31;1' : '33;1', summary)}\n`);
    },
  };
}

export function formatStylish(results: readonly FileResult[], colour: boolean): string {
  let out = '';
  const stream = stylishStream((text) => (out += text), colour);
  results.forEach((r) => stream.file(r));
  stream.end();
  return out;
}
