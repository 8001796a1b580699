/** The default command: lint files, folders and globs; print stylish, JSON or SARIF. */
import type { LintConfig, Locale, PolicyLanguageService } from '../../core';
import type { CliArgs } from '../args';
import { expandInputs } from '../files';
import { jsonStream } from '../formatters/json';
import { formatSarif } from '../formatters/sarif';
import { stylishStream } from '../formatters/stylish';
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
  const colour = io.isTty && !io.env.NO_COLOR;
  // SARIF is one document with every result; the others are written as each file is linted, so that
  // only one file's parse and findings are held at a time.
  const sarif: FileResult[] | undefined = format === 'sarif' ? [] : undefined;
  const stream = format === 'json' ? jsonStream(io.stdout) : format === 'stylish' ? stylishStream(io.stdout, colour) : undefined;
  let errors = 0;
  let warnings = 0;
  // Sequential and in sorted order: the output is the same whatever order the reads finished in.
  for (let i = 0; i < inputs.length; i++) {
    const { file, text } = inputs[i];
    const all = service.lint(service.parse(text, file), { config, locale });
    const diagnostics = args.quiet ? all.filter((d) => d.severity === 'error') : all;
    const result: FileResult = { file: displayPath(file, io.cwd), path: file, diagnostics };
    for (const d of diagnostics) {
      if (d.severity === 'error') errors++;
      else if (d.severity === 'warning') warnings++;
    }
    if (sarif) sarif.push(result);
    else stream!.file(result);
  }
  if (sarif) io.stdout(formatSarif(sarif, service.rules, { cwd: io.cwd, version: packageVersion() }));
  else stream!.end();
  return errors > 0 || (args.maxWarnings !== undefined && warnings > args.maxWarnings) ? 1 : 0;
}
