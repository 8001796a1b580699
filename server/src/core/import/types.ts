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
  /**
   * Section headings above this clause that have no text of their own (（一）培育人工智能科创产业,
   * 专栏1 …), as written, outermost first: emitted as comments above the clause.
   */
  readonly headings?: readonly string[];
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
  /**
   * Source paragraphs the dialect has no field for (a cover letter, a 文号 line's other words, the
   * signature and dateline, a chapter without text), as written: emitted as `# 原文：` comments.
   */
  readonly notes?: readonly string[];
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

/** Source text the importer leaves out of the YAML altogether: page furniture, never policy text. */
export interface DroppedText {
  /** The line (or the part of it) as written, trimmed. */
  readonly text: string;
  /**
   * chrome: portal/compilation chrome, page numbers, TOC entries (chrome.ts); contents: a table of
   * contents' entry without dot leaders (known only from the 目录 above it); portal-label: 【苏州市级】
   * before a title; preamble-heading: 前言.
   */
  readonly reason: 'chrome' | 'contents' | 'portal-label' | 'preamble-heading';
}

export interface ImportResult {
  readonly yaml: string;
  readonly document: ImportedDocument;
  readonly warnings: string[];
  /** Everything else of the source is in the YAML: as values, or as comments (headings, notes). */
  readonly dropped: readonly DroppedText[];
}
