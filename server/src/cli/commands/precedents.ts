/** `policy-lint precedents FILE [--clause ID] [--top N] [--format text|json]` (SPEC §3). */
import type { ClausePrecedents, PolicyLanguageService } from '../../core';
import type { CliArgs } from '../args';
import { warn } from '../io';
import type { Io } from '../io';
import { displayPath } from '../paths';
import { readSingleFile } from './single';
import { printable } from '../formatters/printable';
import { UsageError } from '../../host/usageError';

export async function precedentsCommand(service: PolicyLanguageService, args: CliArgs, io: Io): Promise<number> {
  const format = args.format ?? 'text';
  if (!['text', 'json'].includes(format)) throw new UsageError(`unknown format '${format}' (text or json)`);
  const { file, text, note } = await readSingleFile(args, io);
  const parsed = service.parse(text, file);
  if (args.clause !== undefined && !parsed.document.clauses.some((c) => c.id?.value === args.clause)) {
    throw new UsageError(`no clause with id '${args.clause}' in ${displayPath(file, io.cwd)}`);
  }
  const results = service.precedents(parsed, { clause: args.clause, top: args.top ?? 5 });
  if (note) warn(io, note);
  io.stdout(format === 'json' ? precedentsJson(results) : printable(precedentsText(results)));
  return 0;
}

function precedentsJson(results: readonly ClausePrecedents[]): string {
  return `${JSON.stringify(results.map((r) => ({
    clause: r.clause,
    precedents: r.precedents.map((p) => ({ id: p.id, city: p.city, document: p.document, clause: p.clause, score: p.score, caps: p.caps, text: p.text, excerpt: p.excerpt })),
  })), null, 2)}\n`;
}

function precedentsText(results: readonly ClausePrecedents[]): string {
  const lines: string[] = [];
  for (const r of results) {
    lines.push(`clause ${r.clause}:`);
    if (r.precedents.length === 0) lines.push('  (no precedent found)');
    for (const p of r.precedents) {
      const capText = p.caps.map((c) => `${c.tier ? `${c.tier} ` : ''}${c.text}`).join('、');
      lines.push(`  ${p.score.toFixed(2)}  ${p.id}  ${p.documentTitle}${capText ? `  [${capText}]` : ''}`);
      lines.push(`        ${p.excerpt.replace(/\s+/g, ' ')}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
