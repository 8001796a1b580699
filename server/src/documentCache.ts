/** One parse (and one lint) per document version, shared by every LSP feature. */
import type { LintRun, ParsedPolicy, PolicyDiagnostic, PolicyLanguageService } from './core';

interface Entry {
  readonly version: number;
  /** A client may reopen or change a document under the same version number: the text decides. */
  readonly text: string;
  readonly parsed: ParsedPolicy;
  diagnostics?: PolicyDiagnostic[];
}

export class DocumentCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly service: PolicyLanguageService) {}

  get(uri: string, version: number, text: () => string): ParsedPolicy {
    return this.entry(uri, version, text).parsed;
  }

  /** Diagnostics of this version, linted once. */
  diagnostics(uri: string, version: number, text: () => string, run: LintRun): PolicyDiagnostic[] {
    const entry = this.entry(uri, version, text);
    entry.diagnostics ??= this.service.lint(entry.parsed, run);
    return entry.diagnostics;
  }

  /** Settings changed: keep the parses, drop the lint results. */
  invalidateDiagnostics(): void {
    for (const entry of this.entries.values()) entry.diagnostics = undefined;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }

  private entry(uri: string, version: number, text: () => string): Entry {
    let entry = this.entries.get(uri);
    const current = text();
    if (!entry || entry.version !== version || entry.text !== current) {
      // The previous version's parse: an edit inside one clause re-parses only that clause.
      entry = { version, text: current, parsed: this.service.parse(current, uri, entry?.parsed) };
      this.entries.set(uri, entry);
    }
    return entry;
  }
}
