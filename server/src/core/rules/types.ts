/** What a rule is and what it reports. Rules report model nodes; the engine turns them into ranges. */
import type { YNode } from '../yaml/nodes';
import type { TextSpan } from '../normalise/types';
import type { PolicyDocument } from '../model/types';
import type { PrecedentIndex } from '../precedents/types';
import type { LintConfig } from '../config';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** Text in both languages the product speaks; the adapters pick one by locale. */
export interface Message {
  readonly en: string;
  readonly zh: string;
}

/**
 * Where a finding points: a node, a span inside a scalar's decoded value, or (only for findings that
 * have no node, such as a YAML syntax error) raw source offsets.
 */
export type Target =
  | { readonly node: YNode; readonly span?: TextSpan }
  | { readonly offsets: TextSpan };

export interface RelatedFinding {
  readonly target: Target;
  readonly message: Message;
}

export interface Finding {
  readonly target: Target;
  readonly message: Message;
  /** Overrides the rule's configured severity for this finding (e.g. missing-department on a money clause). */
  readonly severity?: Severity;
  readonly related?: readonly RelatedFinding[];
  /** Machine-readable details for quick fixes (e.g. the amount the text states). */
  readonly data?: Readonly<Record<string, unknown>>;
}

export type RuleOptions = Readonly<Record<string, unknown>>;

export interface RuleContext {
  readonly document: PolicyDocument;
  /** The rule's options: its defaults merged with the user's settings. */
  readonly options: RuleOptions;
  /** The whole lint configuration (for settings shared by several rules, such as extra departments). */
  readonly config?: LintConfig;
  /** The precedent corpus; undefined when none is loaded (corpus rules then stay silent). */
  readonly corpus?: PrecedentIndex;
  /** Another rule's effective options (similar-clause must know where duplicate-clause starts). */
  optionsOf(ruleId: string): RuleOptions;
  report(finding: Finding): void;
}

export interface Rule {
  readonly id: string;
  readonly defaultSeverity: Severity;
  readonly description: Message;
  /** Default option values (thresholds), overridable in `.policylintrc.yaml`. */
  readonly defaultOptions?: RuleOptions;
  /**
   * 'clause': what the rule reports on a clause depends only on that clause (its source and position)
   * and the document's header (city, title, unit, departments map), settings and corpus, and every
   * finding lies inside its clause. The engine then re-runs it only on clauses that changed. Declared
   * where checking a clause costs more than looking its findings up (the corpus queries): for a
   * check of a few field reads the memo is slower than the check. Default 'document'.
   */
  readonly scope?: 'clause' | 'document';
  run(context: RuleContext): void;
}
