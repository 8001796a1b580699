/** `policy-lint import TEXT_FILE [-o OUT] [--force]`: published plain text → the dialect. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { importPolicyText } from '../../core/import';
import type { CliArgs } from '../args';
import { warn } from '../io';
import type { Io } from '../io';
import { displayPath } from '../paths';
import { readText } from '../readFiles';
import { UsageError } from '../../host/usageError';

/**
 * Whether the decoded file can hold a policy: some Chinese text, and not mostly the replacement and
 * control characters a binary file decodes to (a PDF copy may have a few). An empty file would
 * otherwise become `policy: ""`.
 */
function hasPolicyText(text: string): boolean {
  if (!/\p{Script=Han}/u.test(text)) return false;
  // eslint-disable-next-line no-control-regex
  const bad = text.match(/[\ufffd\u0000-\u0008\u000e-\u001f]/g)?.length ?? 0;
  return bad * 20 < text.replace(/\s/g, '').length;
}

export async function importCommand(args: CliArgs, io: Io): Promise<number> {
  if (args.inputs.length !== 1) throw new UsageError("'import' takes exactly one text file");
  const input = path.resolve(io.cwd, args.inputs[0]);
  const out = args.output ? path.resolve(io.cwd, args.output) : undefined;
  // Never overwrite a drafter's file by accident: checked before the work, and again atomically ('wx').
  if (out && fs.existsSync(out) && !args.force) throw new UsageError(`'${args.output}' exists; use --force to overwrite it`);
  const { text, note } = await readText(input, io.cwd);
  if (!hasPolicyText(text)) throw new UsageError(`no policy text found in '${displayPath(input, io.cwd)}'`);
  const { yaml, warnings } = importPolicyText(text, { sourceName: path.basename(input) });
  if (out) {
    try {
      fs.writeFileSync(out, yaml, { flag: args.force ? 'w' : 'wx' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new UsageError(`'${args.output}' exists; use --force to overwrite it`);
      throw new UsageError(`cannot write '${args.output}'`);
    }
  } else io.stdout(yaml);
  // Warnings only once the output exists, so a failure is still exactly one line.
  for (const message of [...(note ? [note] : []), ...warnings]) warn(io, message);
  return 0;
}
