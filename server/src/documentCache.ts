/** One parse per document version, shared by every LSP feature. */
import type { ParsedPolicy, PolicyLanguageService } from './core';

interface Entry {
  readonly version: number;
  readonly parsed: ParsedPolicy;
}

export class DocumentCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly service: PolicyLanguageService) {}

  get(uri: string, version: number, text: () => string): ParsedPolicy {
    const entry = this.entries.get(uri);
    if (entry && entry.version === version) return entry.parsed;
    const parsed = this.service.parse(text(), uri);
    this.entries.set(uri, { version, parsed });
    return parsed;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }
}
