/** Bytes → text: UTF-8 (with or without BOM), UTF-16 with BOM, and GB18030 as a last resort. */
import { UsageError } from './usageError';

export const MAX_FILE_BYTES = 16 * 1024 * 1024;

export interface Decoded {
  readonly text: string;
  /** Set when the file was not UTF-8 and was read in another encoding. */
  readonly note?: string;
}

export function decodeBytes(bytes: Uint8Array, file: string): Decoded {
  if (bytes.length > MAX_FILE_BYTES) throw new UsageError(`${file}: file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB`);
  // UTF-32 (its BOM starts like UTF-16's): refused rather than read as garbled UTF-16.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0) || (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff)) {
    throw new UsageError(`${file}: UTF-32 text; save it as UTF-8`);
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)) };
  if (bytes.includes(0)) throw new UsageError(`${file}: binary file, not a policy document`);
  try {
    // The BOM is dropped, as editors do, so line 1 columns match what the user sees.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    try {
      return { text: new TextDecoder('gb18030', { fatal: true }).decode(bytes), note: `${file}: not UTF-8, read as GB18030` };
    } catch {
      throw new UsageError(`${file}: not valid UTF-8 or GB18030 text`);
    }
  }
}
