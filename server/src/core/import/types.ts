/** What the importer produces: a plain-text policy turned into the Policy YAML dialect's shape. */
import type { Period, Tier } from '../normalise/types';

export type ImportedKind = 'measure' | 'principle' | 'goal' | 'safeguard';
export type ImportedStatus = 'draft' | 'in-force' | 'expired' | 'repealed';
export type ImportedLevel = '国家级' | '省级' | '市级' | '区县级' | '园区级';

export interface ImportedCap {
  readonly max: string;
  readonly for?: string;
  readonly per?: string;
  readonly period?: Period;
  readonly rate?: string;
  readonly tier?: Tier;
}

export interface ImportedDepartments {
  readonly lead: readonly string[];
  readonly support: readonly string[];
}

export interface ImportedClause {
  readonly id: string;
  readonly title?: string;
  readonly kind: ImportedKind;
  readonly text: string;
  readonly departments?: ImportedDepartments;
  readonly caps?: readonly ImportedCap[];
}

export interface ImportedChapter {
  readonly id: string;
  readonly title?: string;
  readonly clauses: readonly ImportedClause[];
}

export interface ImportedDocument {
  readonly policy: string;
  readonly city: string;
  readonly level?: ImportedLevel;
  readonly issuer?: string;
  readonly docNumber?: string;
  readonly status?: ImportedStatus;
  readonly effective?: string;
  readonly expires?: string;
  readonly preamble?: string;
  /** Exactly one of chapters / clauses is set. */
  readonly chapters?: readonly ImportedChapter[];
  readonly clauses?: readonly ImportedClause[];
}

export interface ImportOptions {
  /** Written as `# source: …` on the first line. */
  readonly sourceName?: string;
  /** Jurisdiction (SPEC §4); derived from title / issuer / text when absent. */
  readonly city?: string;
  /** Title to use when the text itself starts without one (e.g. a search-result body). */
  readonly title?: string;
  /** Level label of a portal (苏州市级, 园区级 …) when the caller saw one outside the text. */
  readonly levelHint?: string;
}

export interface ImportResult {
  readonly yaml: string;
  readonly document: ImportedDocument;
  readonly warnings: string[];
}
