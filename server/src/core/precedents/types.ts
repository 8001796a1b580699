/** Precedent search: comparable clauses from other cities' policies (SPEC §5 identifiers). */
import type { Clause, PolicyDocument } from '../model/types';
import type { Period, RateValue, Tier } from '../normalise/types';

/** A corpus document: its stable id (file name without `.policy.yaml`) and its parsed model. */
export interface CorpusDocument {
  readonly id: string;
  readonly document: PolicyDocument;
  /** Where the document lives (a file URI), for links that open it. */
  readonly uri?: string;
}

export interface PrecedentCap {
  readonly yuan: number;
  readonly text: string;
  readonly per?: string;
  readonly period?: Period;
  readonly tier?: Tier;
  readonly for?: string;
  readonly rate?: RateValue;
}

export interface Precedent {
  /** `CITY/DOCUMENT#CLAUSE`. */
  readonly id: string;
  readonly city: string;
  /** Corpus document id. */
  readonly document: string;
  readonly documentTitle: string;
  readonly status: string;
  readonly clause: string;
  readonly clauseTitle?: string;
  /** Cosine similarity of the wording, 0–1. */
  readonly score: number;
  readonly caps: readonly PrecedentCap[];
  /** The precedent clause's full text. */
  readonly text: string;
  /** The passage that matches best, and where it sits in `text`. */
  readonly excerpt: string;
  readonly excerptStart: number;
  readonly excerptEnd: number;
  /** The corpus document's URI and the clause's 0-based line in it, when known. */
  readonly uri?: string;
  readonly line: number;
}

/**
 * Score levels. Scores are cosines of clause wordings: about 1 for a copy, typically 0.12–0.35 for
 * the same measure worded by another city, under 0.12 for most unrelated clauses (bench/EVAL.md).
 */
export const PRECEDENT_SCORE = {
  /** Listed as a precedent (hover, code lens, `policy-lint precedents`). */
  listed: 0.1,
  /** Close enough to compare caps or pair clauses (compare with city, cap statistics, cap-outlier). */
  comparable: 0.12,
  /** Close enough to act on unasked (pinning a precedent, taking its lead department). */
  confident: 0.3,
} as const;

export interface PrecedentQuery {
  /** Results to return (default 5). */
  readonly top?: number;
  /** The draft's city: its clauses are not precedents of other cities. */
  readonly city?: string;
  /** Only clauses of this city (compare with city). */
  readonly onlyCity?: string;
  /** Minimum score (default 0.1). */
  readonly minScore?: number;
  /** Compute excerpts (alignment) for the results; default true. */
  readonly excerpts?: boolean;
}

export interface PrecedentResult {
  /** Best first, from other cities. */
  readonly precedents: readonly Precedent[];
  /** Clauses of in-force documents of the same city, best first (就高不重复). */
  readonly sameCityInForce: readonly Precedent[];
}

export interface PrecedentIndex {
  readonly documents: readonly CorpusDocument[];
  /** The built index as data, for a build-time snapshot (`buildPrecedentIndex(…, prebuilt)`). */
  data(): import('./precedentIndex').PrecedentIndexData;
  readonly clauseCount: number;
  readonly cities: readonly string[];
  /** Precedents of a draft clause (or of free text). */
  query(clause: Clause | string, options?: PrecedentQuery): PrecedentResult;
  /** The measure clauses of a city's documents, in corpus order. */
  clausesOf(city: string): ReadonlyArray<{ readonly document: CorpusDocument; readonly clause: Clause }>;
  /** Resolves a `CITY/DOCUMENT#CLAUSE` id. */
  resolve(id: string): { readonly document: CorpusDocument; readonly clause: Clause } | undefined;
}
