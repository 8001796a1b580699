/**
 * Reads a file of at most `limit` bytes, refusing anything else before reading it: a FIFO or a
 * device (/dev/zero never ends, a FIFO blocks until someone writes), or a file bigger than the limit
 * (checked from its size, and again while reading, since /proc files and growing files lie about it).
 * Opened non-blocking so that opening a FIFO does not wait for a writer.
 */
import * as fs from 'node:fs';
import { MAX_FILE_BYTES } from './decode';

export class FileRefused extends Error {}

const NONBLOCK = fs.constants.O_NONBLOCK ?? 0;

export function readBoundedSync(file: string, limit = MAX_FILE_BYTES): Buffer {
  const fd = fs.openSync(file, fs.constants.O_RDONLY | NONBLOCK);
  try {
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory()) throw Object.assign(new Error('it is a folder'), { code: 'EISDIR' });
    if (!stat.isFile()) throw new FileRefused('not a regular file');
    if (stat.size > limit) throw new FileRefused(`file is larger than ${limit / 1024 / 1024} MiB`);
    const chunks: Buffer[] = [];
    let total = 0;
    // The whole file in one read when its size is true; one byte more to see a file that grew.
    let want = Math.min(stat.size, limit) + 1;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(want, limit + 1 - total));
      const read = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      total += read;
      if (total > limit) throw new FileRefused(`file is larger than ${limit / 1024 / 1024} MiB`);
      chunks.push(chunk.subarray(0, read));
      want = 64 * 1024;
    }
    return Buffer.concat(chunks, total);
  } finally {
    fs.closeSync(fd);
  }
}
