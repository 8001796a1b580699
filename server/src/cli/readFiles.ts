/** Reads input files (in parallel, bounded) and decodes them; failures become one-line usage errors. */
import { promises as fsp } from 'node:fs';
import { decodeBytes } from '../host/decode';
import { UsageError } from '../host/usageError';
import { displayPath } from './paths';

/** Enough to overlap disk latency without running out of file handles on huge trees. */
const PARALLEL_READS = 32;

export interface ReadFile {
  readonly file: string;
  readonly text: string;
  /** A one-line warning to show, e.g. the file was read as GB18030. */
  readonly note?: string;
}

export async function readText(file: string, cwd: string): Promise<ReadFile> {
  const shown = displayPath(file, cwd);
  let bytes: Buffer;
  try {
    bytes = await fsp.readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? ': no such file' : code === 'EISDIR' ? ': it is a folder' : code === 'EACCES' || code === 'EPERM' ? ': permission denied' : '';
    throw new UsageError(`cannot read '${shown}'${why}`);
  }
  const { text, note } = decodeBytes(bytes, shown);
  return { file, text, note };
}

/**
 * All files in the given order. Reads run concurrently, but when several fail the error reported is
 * the first file's in that order, so the one line on stderr is the same on every run.
 */
export async function readAll(files: readonly string[], cwd: string): Promise<ReadFile[]> {
  const settled: Array<PromiseSettledResult<ReadFile>> = new Array(files.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const i = next++;
      settled[i] = await readText(files[i], cwd).then(
        (value): PromiseFulfilledResult<ReadFile> => ({ status: 'fulfilled', value }),
        (reason: unknown): PromiseRejectedResult => ({ status: 'rejected', reason }),
      );
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_READS, files.length) }, worker));
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<ReadFile>).value);
}
