/** The analysis core's public surface. Adapters import from here only. */
export { createPolicyLanguageService } from './service';
export type { PolicyLanguageService, PolicyServiceHost } from './service';
export type { ParsedPolicy, LintRun } from './engine';
export { LintCancelled, localize } from './engine';
export type { PolicyDiagnostic, RelatedDiagnostic, CancellationToken, Logger } from './diagnostics';
export type { LintConfig, Locale, RuleSetting, SeveritySetting } from './config';
export { parseConfigText, mergeConfigs, validateConfig } from './config';
export type { Rule, Severity, Message } from './rules/types';
export { RULES, findRule } from './rules/registry';
export type { Position, Range } from './text/lineIndex';
export type { PolicyDocument, Clause, Chapter, CapEntry } from './model/types';
export type { CorpusSource, ClausePrecedents } from './service';
export type { Precedent, PrecedentCap, PrecedentIndex, PrecedentQuery, PrecedentResult, CorpusDocument } from './precedents/types';
export type { CityComparison, ComparePair, ComparedClause } from './precedents/compare';
