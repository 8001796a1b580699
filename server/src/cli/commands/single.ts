/** The one input file of `compare` / `precedents`. */
import type { CliArgs } from '../args';
import { expandInputs } from '../files';
import type { Io } from '../io';
import { readText } from '../readFiles';
import type { ReadFile } from '../readFiles';
import { UsageError } from '../../host/usageError';

export async function readSingleFile(args: CliArgs, io: Io): Promise<ReadFile> {
  if (args.inputs.length === 0) throw new UsageError('no files given (see --help)');
  const files = args.inputs.length === 1 ? expandInputs(args.inputs, io.cwd) : [];
  if (files.length !== 1) throw new UsageError(`'${args.command}' takes exactly one file`);
  return readText(files[0], io.cwd);
}
