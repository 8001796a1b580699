import type { PolicyDiagnostic } from '../../core';

export interface FileResult {
  /** As shown to the user: relative to the current folder when inside it, forward slashes. */
  readonly file: string;
  /** Absolute path, for formats that need a real URI (SARIF). */
  readonly path: string;
  readonly diagnostics: readonly PolicyDiagnostic[];
}
