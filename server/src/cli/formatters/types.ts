import type { PolicyDiagnostic } from '../../core';

/** Diagnostics of one file; `file` is relative to the current folder, with forward slashes. */
export interface FileResult {
  readonly file: string;
  readonly diagnostics: readonly PolicyDiagnostic[];
}
