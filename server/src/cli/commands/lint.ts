/** The default command: lint files, folders and globs; print stylish, JSON or SARIF. */
import type { LintConfig, Locale, PolicyLanguageService } from '../../core';
import type { CliArgs } from '../args';
import { expandInputs } from '../files';
import { formatJson } from '../formatters/json';
import { formatSarif } from '../formatters/sarif';
import { formatStylish } from '../formatters/stylish';
import type { FileResult } from '../formatters/types';
import { warn } from '../io';
import type { Io } from '../io';
import { displayPath } from '../paths';
import { readAll } from '../readFiles';
import { packageVersion } from '../version';
import { UsageError } from '../../host/usageError';

export async function lintCommand(service: PolicyLanguageService, args: CliArgs, config: LintConfig | undefined, locale: Locale, io: Io): Promise<number> {
  const format = args.format ?? 'stylish';
  if (!['stylish', 'json', 'sarif'].includes(format)) throw new UsageError(`unknown format '${format}' (stylish, json or sarif)`);
  if (args.inputs.length === 0) throw new UsageError('no files given (see --help)');
  const files = expandInputs(args.inputs, io.cwd);
  const inputs = await readAll(files, io.cwd);
  for (const { note } of inputs) if (note) warn(io, note);
  // Sequential and in sorted order: the output is the same whatever order the reads finished in.
  const results: FileResult[] = inputs.map(({ file, text }) => {
    const diagnostics = service.lint(service.parse(text, file), { config, locale });
    return { file: displayPath(file, io.cwd), path: file, diagnostics: args.quiet ? diagnostics.filter((d) => d.severity === 'error') : diagnostics };
  });
  if (format === 'json') io.stdout(formatJson(results));
  else if (format === 'sarif') io.stdout(formatSarif(results, service.rules, { cwd: io.cwd, version: packageVersion() }));
  else io.stdout(formatStylish(results, io.isTty && !io.env.NO_COLOR));
  const all = results.flatMap((r) => r.diagnostics);
  const errors = all.filter((d) => d.severity === 'error').length;
  const warnings = all.filter((d) => d.severity === 'warning').length;
  return errors > 0 || (args.maxWarnings !== undefined && warnings > args.maxWarnings) ? 1 : 0;
}
