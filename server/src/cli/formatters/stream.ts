/**
 * A formatter that writes as files are linted, so that the CLI holds one file's parse and findings at a
 * time: two 16 MiB drafts linted into one string ran out of memory.
 */
import type { FileResult } from './types';

export interface OutputStream {
  file(result: FileResult): void;
  end(): void;
}
