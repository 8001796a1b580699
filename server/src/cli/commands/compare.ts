/** `policy-lint compare FILE --city CITY [--format md|html|json]`. */
import type { PolicyLanguageService } from '../../core';
import type { CliArgs } from '../args';
import { warn } from '../io';
import type { Io } from '../io';
import { displayPath } from '../paths';
import { readSingleFile } from './single';
import { compareHtml, compareJson, compareMarkdown } from '../../host/compareFormat';
import { UsageError } from '../../host/usageError';
import { printable } from '../formatters/printable';

export async function compareCommand(service: PolicyLanguageService, args: CliArgs, io: Io): Promise<number> {
  const format = args.format ?? 'md';
  if (!['md', 'html', 'json'].includes(format)) throw new UsageError(`unknown format '${format}' (md, html or json)`);
  if (!args.city) throw new UsageError("'compare' needs --city CITY");
  const { file, text, note } = await readSingleFile(args, io);
  const parsed = service.parse(text, file);
  const result = service.compare(parsed, args.city);
  if (!result) {
    const cities = service.corpus().cities;
    throw new UsageError(`unknown city '${args.city}'; the corpus knows: ${cities.length ? cities.join(', ') : '(no cities: the corpus is empty)'}`);
  }
  // Warnings only on success, so a failure stays exactly one line.
  if (note) warn(io, note);
  const title = parsed.document.policy?.value ?? displayPath(file, io.cwd);
  io.stdout(format === 'json' ? compareJson(result) : format === 'html' ? compareHtml(result, title) : printable(compareMarkdown(result, title)));
  return 0;
}
