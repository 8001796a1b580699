/** Reads input files (in parallel, bounded) and decodes them; failures become one-line usage errors. */
import { decodeBytes } from '../host/decode';
import { FileRefused, readBoundedSync } from '../host/readBounded';
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
    // A turn of the event loop per file, so that a thousand files do not block other work at once.
    await new Promise<void>((resolve) => setImmediate(resolve));
    bytes = readBoundedSync(file);
  } catch (err) {
    throw new UsageError(`cannot read '${shown}': ${readFailure(err)}`);
  }
  const { text, note } = decodeBytes(bytes, shown);
  return { file, text, note };
}

/** Why a file could not be read, in a few words. */
export function readFailure(err: unknown): string {
  if (err instanceof FileRefused) return err.message;
  const code = (err as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT': return 'no such file';
    case 'EISDIR': return 'it is a folder';
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'ELOOP': return 'too many symbolic links';
    case 'ENAMETOOLONG': return 'name too long';
    default: return code ?? 'unreadable';
  }
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
