/**
 * Huge documents degrade gracefully. Precedent work is one corpus query per clause (cap-outlier,
 * overlaps-in-force, precedent hovers and code lenses); beyond a size (UTF-8 bytes or clause count)
 * it is skipped and the `large-document` rule says so once, at the start of the document. Every
 * other rule still runs. The limits are that rule's options, so they are set like any threshold:
 *
 *   rules:
 *     large-document: { maxBytes: 4194304, maxClauses: 5000 }   # 0 = no limit on that measure
 *     large-document: off                                        # no guard: full checks at any size
 */
import { ruleSetting } from './config';
import type { LintConfig } from './config';
import type { PolicyDocument } from './model/types';

export const LARGE_DOCUMENT = 'large-document';

export interface SizeLimits {
  /** UTF-8 bytes of the text; 0 = no limit. */
  readonly maxBytes: number;
  /** Clauses of the document; 0 = no limit. */
  readonly maxClauses: number;
}

/** 12× the largest policy of the corpus (82 KB, 114 clauses) in bytes and about 9× in clauses. */
export const DEFAULT_SIZE_LIMITS: SizeLimits = { maxBytes: 1024 * 1024, maxClauses: 1000 };

/** The rules whose work is a precedent query per clause: skipped beyond the limits. */
export const PRECEDENT_RULES: ReadonlySet<string> = new Set(['cap-outlier', 'overlaps-in-force']);

export interface SizeVerdict {
  readonly bytes: number;
  readonly clauses: number;
  readonly limits: SizeLimits;
}

const byteLengths = new WeakMap<PolicyDocument, number>();

/** UTF-8 length of a JS string (lone surrogates count as the 3 bytes of U+FFFD, as encoders write them). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function limit(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.floor(value) : fallback;
}

/** The limits a configuration sets; undefined when the guard is off (`large-document: off`). */
export function sizeLimitsOf(config: LintConfig | undefined): SizeLimits | undefined {
  const setting = ruleSetting(config, LARGE_DOCUMENT);
  if (setting.severity === 'off') return undefined;
  return {
    maxBytes: limit(setting.options.maxBytes, DEFAULT_SIZE_LIMITS.maxBytes),
    maxClauses: limit(setting.options.maxClauses, DEFAULT_SIZE_LIMITS.maxClauses),
  };
}

/** Whether the document is over a limit (then precedent work is skipped), with its measures. */
export function oversized(document: PolicyDocument, limits: SizeLimits | undefined): SizeVerdict | undefined {
  if (!limits) return undefined;
  const clauses = document.clauses.length;
  const text = document.yaml.text;
  // A UTF-16 unit is at most 3 UTF-8 bytes: most drafts are below the limit without counting them.
  if ((limits.maxBytes <= 0 || text.length * 3 <= limits.maxBytes) && (limits.maxClauses <= 0 || clauses <= limits.maxClauses)) return undefined;
  let bytes = byteLengths.get(document);
  if (bytes === undefined) {
    bytes = utf8Length(text);
    byteLengths.set(document, bytes);
  }
  const over = (limits.maxBytes > 0 && bytes > limits.maxBytes) || (limits.maxClauses > 0 && clauses > limits.maxClauses);
  return over ? { bytes, clauses, limits } : undefined;
}

/** Precedent work is skipped for this document under this configuration. */
export function precedentsSkipped(document: PolicyDocument, config: LintConfig | undefined): boolean {
  return oversized(document, sizeLimitsOf(config)) !== undefined;
}

/** 6.0 MiB, 812 KiB, 900 B. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KiB`;
  return `${bytes} B`;
}
