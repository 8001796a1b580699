/**
 * The policy model: what a document says, with every value tied to the YAML node it came from, so
 * rules report model nodes and the engine turns them into exact ranges.
 */
import type { YMap, YNode, YScalar, YSeq, YamlParseResult } from '../yaml/nodes';
import type { CapMention, DepartmentMarker, MoneyUnit, Period, RateValue, Tier, AmountInText, RateMention } from '../normalise/types';

export type ClauseKind = 'measure' | 'principle' | 'goal' | 'safeguard';
export type PolicyStatus = 'draft' | 'in-force' | 'expired' | 'repealed';
export type PolicyLevel = '国家级' | '省级' | '市级' | '区县级' | '园区级';

/** A value read from the document, with the node it came from (and the key that introduced it). */
export interface Located<T> {
  readonly value: T;
  readonly node: YNode;
  readonly key?: YScalar;
}

export interface DepartmentRef {
  readonly name: string;
  readonly node: YNode;
}

/** The structured `departments` field of a clause. */
export interface ClauseDepartments {
  readonly node: YNode;
  readonly key: YScalar;
  readonly lead: readonly DepartmentRef[];
  readonly support: readonly DepartmentRef[];
}

export interface CapEntry {
  readonly node: YNode;
  readonly index: number;
  /** Amount in 元; undefined when `max` is absent or unreadable (the schema rule reports that). */
  readonly max?: Located<number>;
  readonly for?: Located<string>;
  readonly per?: Located<string>;
  readonly period?: Located<Period>;
  readonly rate?: Located<RateValue>;
  readonly tier?: Located<Tier>;
}

/** What the normalisers found in a clause's text; offsets are into `Clause.text.value`. */
export interface TextFacts {
  readonly departmentMarkers: readonly DepartmentMarker[];
  readonly capMentions: readonly CapMention[];
  readonly amounts: readonly AmountInText[];
  readonly rates: readonly RateMention[];
}

export interface Clause {
  readonly node: YMap;
  /** Position in document order, 0-based, across chapters. */
  readonly index: number;
  readonly chapter?: Chapter;
  readonly id?: Located<string>;
  readonly title?: Located<string>;
  readonly kind: ClauseKind;
  readonly text?: Located<string> & { readonly node: YScalar };
  readonly departments?: ClauseDepartments;
  readonly caps: readonly CapEntry[];
  readonly capsNode?: YSeq;
  readonly topics: readonly Located<string>[];
  readonly precedents: readonly Located<string>[];
  readonly facts: TextFacts;
}

export interface Chapter {
  readonly node: YMap;
  readonly index: number;
  readonly id?: Located<string>;
  readonly title?: Located<string>;
  readonly clauses: readonly Clause[];
}

export interface PolicyDocument {
  readonly uri: string;
  readonly yaml: YamlParseResult;
  readonly root?: YMap;
  readonly policy?: Located<string>;
  readonly city?: Located<string>;
  readonly level?: Located<PolicyLevel>;
  readonly issuer?: Located<string>;
  readonly docNumber?: Located<string>;
  readonly status: PolicyStatus;
  readonly effective?: Located<string>;
  readonly expires?: Located<string>;
  readonly unit: MoneyUnit;
  readonly preamble?: Located<string>;
  /** Short name → full name, from the document's `departments` map. */
  readonly departmentNames: ReadonlyMap<string, Located<string>>;
  readonly coResponsible: readonly Located<string>[];
  readonly chapters: readonly Chapter[];
  /** Every clause in document order, whether under chapters or top-level `clauses`. */
  readonly clauses: readonly Clause[];
}

/** The lead department of a clause: `departments` first, else the first text marker. */
export function leadDepartments(clause: Clause): readonly string[] {
  if (clause.departments && clause.departments.lead.length > 0) return clause.departments.lead.map((d) => d.name);
  for (const marker of clause.facts.departmentMarkers) {
    if (marker.lead.length > 0) return marker.lead.map((d) => d.name);
  }
  return [];
}
