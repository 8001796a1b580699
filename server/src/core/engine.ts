/**
 * Runs the rules over a parsed document and turns their findings (model nodes) into diagnostics
 * (exact source ranges), applying severities, options and suppression comments.
 */
import { ruleSetting } from './config';
import type { ClauseFindingsMemo, ResolvedFinding } from './clauseMemo';
import type { LintConfig, Locale } from './config';
import type { CancellationToken, Logger, PolicyDiagnostic, RelatedDiagnostic } from './diagnostics';
import type { PolicyDocument } from './model/types';
import type { PrecedentIndex } from './precedents/types';
import type { Finding, Message, Rule, Target } from './rules/types';
import { PRECEDENT_RULES, precedentsSkipped } from './sizeGuard';
import { findSuppressions, isSuppressed } from './suppressions';
import type { LineIndex, Range } from './text/lineIndex';
import { scalarSpanToSource } from './yaml/scalarSpans';
import type { SourceSpan } from './yaml/scalarSpans';

export interface ParsedPolicy {
  readonly document: PolicyDocument;
  readonly lines: LineIndex;
}

export interface LintRun {
  readonly config?: LintConfig;
  readonly locale?: Locale;
  readonly token?: CancellationToken;
  readonly logger?: Logger;
  /** The precedent corpus, for the rules that need one. */
  readonly corpus?: PrecedentIndex;
  /** Findings of clause-scoped rules from earlier lints, reused for the clauses that did not change. */
  readonly memo?: ClauseFindingsMemo;
}

export class LintCancelled extends Error {
  constructor() {
    super('lint cancelled');
  }
}

export function lintParsed(parsed: ParsedPolicy, rules: readonly Rule[], run: LintRun = {}): PolicyDiagnostic[] {
  const { document, lines } = parsed;
  const text = document.yaml.text;
  const locale = run.locale ?? run.config?.locale ?? 'en';
  const diagnostics: PolicyDiagnostic[] = [];
  // Beyond the size limits the per-clause precedent queries are skipped; large-document says so.
  const skipPrecedents = run.corpus !== undefined && precedentsSkipped(document, run.config);
  const rangeOf = (start: number, end: number): Range => lines.rangeOf(start, end);
  for (const rule of rules) {
    if (run.token?.isCancellationRequested) throw new LintCancelled();
    const setting = ruleSetting(run.config, rule.id);
    if (setting.severity === 'off') continue;
    if (skipPrecedents && PRECEDENT_RULES.has(rule.id)) continue;
    const runOn = (target: PolicyDocument): ResolvedFinding[] => {
      const findings: Finding[] = [];
      rule.run({
        document: target,
        options: { ...rule.defaultOptions, ...setting.options },
        corpus: run.corpus,
        config: run.config,
        optionsOf: (id) => ({ ...rules.find((r) => r.id === id)?.defaultOptions, ...ruleSetting(run.config, id).options }),
        report: (finding) => findings.push(finding),
      });
      return findings.map((finding) => resolveFinding(text, finding));
    };
    let resolved: ResolvedFinding[];
    try {
      resolved = rule.scope === 'clause' && run.memo ? run.memo.findings(rule, document, run, runOn) : runOn(document);
    } catch (err) {
      // A rule that throws must not take the others down: skip its findings, say why.
      run.logger?.error(`rule ${rule.id} failed on ${document.uri}: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
      continue;
    }
    for (const finding of resolved) {
      diagnostics.push({
        code: rule.id,
        severity: setting.severity ?? finding.severity ?? rule.defaultSeverity,
        message: localize(finding.message, locale),
        messages: finding.message,
        start: finding.start,
        end: finding.end,
        range: rangeOf(finding.start, finding.end),
        related: finding.related.map((r): RelatedDiagnostic => ({ start: r.start, end: r.end, range: rangeOf(r.start, r.end), message: localize(r.message, locale) })),
        data: finding.data,
      });
    }
  }
  const suppressions = findSuppressions(text, lines, document.yaml.root);
  return diagnostics
    .filter((d) => !isSuppressed(suppressions, d.code, d.start))
    .sort((a, b) => a.start - b.start || a.end - b.end || a.code.localeCompare(b.code));
}

/** A finding's targets as source offsets. */
function resolveFinding(text: string, finding: Finding): ResolvedFinding {
  const span = resolveTarget(text, finding.target);
  return {
    start: span.start,
    end: span.end,
    message: finding.message,
    severity: finding.severity,
    related: (finding.related ?? []).map((r) => ({ ...resolveTarget(text, r.target), message: r.message })),
    data: finding.data,
  };
}

export function localize(message: Message, locale: Locale): string {
  return locale === 'zh-CN' ? message.zh : message.en;
}

/** Exact source offsets of a target, clamped inside the text. */
export function resolveTarget(text: string, target: Target): SourceSpan {
  let span: SourceSpan;
  if ('offsets' in target) span = target.offsets;
  else if (target.span && target.node.kind === 'scalar') span = scalarSpanToSource(text, target.node, target.span.start, target.span.end);
  else span = { start: target.node.start, end: target.node.end };
  const start = Math.max(0, Math.min(span.start, text.length));
  const end = Math.max(start, Math.min(span.end, text.length));
  return { start, end };
}
