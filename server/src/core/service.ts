/**
 * The public interface of the analysis core: one factory, one service. The language server and the
 * CLI are thin adapters over it; the outside world comes in through `host` (logging, corpus texts).
 */
import { lintParsed } from './engine';
import { ClauseFindingsMemo } from './clauseMemo';
import type { LintRun, ParsedPolicy } from './engine';
import type { Logger, PolicyDiagnostic } from './diagnostics';
import { buildModel } from './model/buildModel';
import type { PolicyDocument } from './model/types';
import { compareWithCity } from './precedents/compare';
import type { CityComparison } from './precedents/compare';
import { buildPrecedentIndex } from './precedents/precedentIndex';
import type { PrecedentIndexData } from './precedents/precedentIndex';
import type { CorpusDocument, PrecedentIndex, PrecedentQuery, PrecedentResult } from './precedents/types';
import { RULES } from './rules/registry';
import type { Locale } from './config';
import { codeLenses } from './features/codeLens';
import type { ClauseLens } from './features/codeLens';
import { completionsAt } from './features/completion';
import type { CompletionEntry } from './features/completion';
import { clauseAt, hoverAt } from './features/hover';
import type { HoverResult } from './features/hover';
import { pinPrecedentFix, quickFixes } from './features/quickFixes';
import type { QuickFix } from './features/quickFixes';
import { documentSymbols, foldingRanges } from './features/symbols';
import type { FoldingRange, PolicySymbol } from './features/symbols';
import type { Rule } from './rules/types';
import { precedentsSkipped } from './sizeGuard';
import type { LintConfig } from './config';
import { LineIndex } from './text/lineIndex';
import { parseYaml } from './yaml/parseYaml';
import { reparseYaml } from './yaml/reparse';

/** A corpus document as the adapter read it: its id (file name without `.policy.yaml`) and text. */
export interface CorpusSource {
  readonly id: string;
  readonly text: string;
  /** Where it was read from (a file URI), for links that open it. */
  readonly uri?: string;
  /**
   * Its model when the adapter already has it (a build-time snapshot, server/src/host/corpusSnapshot.ts):
   * equal to `parse(text, 'corpus:' + id).document`, so the text is not parsed again.
   */
  readonly document?: PolicyDocument;
}

export interface PolicyServiceHost {
  readonly logger?: Logger;
  /** Rules to run instead of the built-in registry (tests, plug-ins). */
  readonly rules?: readonly Rule[];
  /** Precedent corpus texts; parsed and indexed once, on first use. */
  readonly corpus?: () => readonly CorpusSource[];
  /**
   * A precedent index built ahead (a build-time snapshot of the bundled corpus), asked for after
   * `corpus()`; used only when it was built from exactly the clauses read, else the index is built.
   */
  readonly corpusIndex?: () => PrecedentIndexData | undefined;
}

export interface ClausePrecedents extends PrecedentResult {
  readonly clause: string;
}

export interface PolicyLanguageService {
  /** Parses once; share the result across diagnostics, hover, code lens and compare. */
  /**
   * `previous`, the parse of an earlier version of the same document, lets an edit inside one clause
   * re-parse only that clause (yaml/reparse.ts); the result is the same as without it.
   */
  parse(text: string, uri?: string, previous?: ParsedPolicy): ParsedPolicy;
  lint(parsed: ParsedPolicy, run?: LintRun): PolicyDiagnostic[];
  /** Precedents of every measure clause (or one clause by id). */
  precedents(parsed: ParsedPolicy, options?: PrecedentQuery & { clause?: string }): ClausePrecedents[];
  /** Lines the draft up against one city's policies; undefined when the corpus does not know the city. */
  compare(parsed: ParsedPolicy, city: string): CityComparison | undefined;
  /** The precedent index (built on first call). */
  corpus(): PrecedentIndex;
  /** `config` sets the size limits beyond which precedent hovers and code lenses are skipped. */
  hover(parsed: ParsedPolicy, offset: number, locale?: Locale, config?: LintConfig): HoverResult | undefined;
  codeLenses(parsed: ParsedPolicy, locale?: Locale, config?: LintConfig): ClauseLens[];
  completions(parsed: ParsedPolicy, offset: number): CompletionEntry[];
  symbols(parsed: ParsedPolicy): PolicySymbol[];
  folding(parsed: ParsedPolicy): FoldingRange[];
  /** Fixes for a diagnostic, plus pinning a precedent for the clause at `offset`. */
  quickFixes(parsed: ParsedPolicy, diagnostics: readonly PolicyDiagnostic[], offset: number, locale?: Locale, config?: LintConfig): QuickFix[];
  /** Where a pinned precedent at `offset` lives in the corpus. */
  definition(parsed: ParsedPolicy, offset: number): { uri: string; line: number } | undefined;
  readonly rules: readonly Rule[];
}

export function createPolicyLanguageService(host: PolicyServiceHost = {}): PolicyLanguageService {
  const rules = host.rules ?? RULES;
  // Clause-scoped findings of the last lint of each document, reused for unchanged clauses.
  const memo = new ClauseFindingsMemo();
  const parse = (text: string, uri = 'untitled:policy.yaml', previous?: ParsedPolicy): ParsedPolicy => {
    const yaml = previous ? reparseYaml(previous.document.yaml, text) : parseYaml(text);
    return { document: buildModel(uri, yaml, previous?.document), lines: previous ? LineIndex.after(previous.lines, text) : new LineIndex(text) };
  };
  let index: PrecedentIndex | undefined;
  const corpus = (): PrecedentIndex => {
    if (!index) {
      const documents: CorpusDocument[] = [];
      // A corpus that cannot be read or a document that cannot be read as a policy is logged and left
      // out: without this, one bad corpus folder would stop every lint.
      let sources: readonly CorpusSource[] = [];
      try {
        sources = host.corpus?.() ?? [];
      } catch (err) {
        host.logger?.error(`the corpus could not be read: ${err instanceof Error ? err.message : String(err)}`);
      }
      for (const source of sources) {
        let document: PolicyDocument;
        try {
          document = source.document ?? parse(source.text, `corpus:${source.id}`).document;
        } catch (err) {
          host.logger?.error(`corpus document ${source.id} could not be read: ${err instanceof Error ? err.message : String(err)}`);
          continue;
        }
        if (document.yaml.error) {
          host.logger?.error(`corpus document ${source.id} is not valid YAML: ${document.yaml.error.message}`);
          continue;
        }
        documents.push({ id: source.id, document, uri: source.uri });
      }
      let prebuilt: PrecedentIndexData | undefined;
      try {
        prebuilt = host.corpusIndex?.();
      } catch {
        prebuilt = undefined; // then it is built
      }
      index = buildPrecedentIndex(documents, undefined, prebuilt);
    }
    return index;
  };
  return {
    rules,
    parse,
    lint(parsed, run = {}) {
      return lintParsed(parsed, rules, { logger: host.logger, corpus: host.corpus ? corpus() : undefined, memo, ...run });
    },
    precedents(parsed, options = {}) {
      const city = parsed.document.city?.value;
      return parsed.document.clauses
        .filter((c) => c.text && (options.clause !== undefined ? c.id?.value === options.clause : c.kind === 'measure'))
        .map((clause) => ({ clause: clause.id?.value ?? String(clause.index + 1), ...corpus().query(clause, { city, ...options }) }));
    },
    compare(parsed, city) {
      const known = corpus();
      return known.cities.includes(city) ? compareWithCity(parsed.document, known, city) : undefined;
    },
    corpus,
    hover: (parsed, offset, locale = 'en', config) =>
      hoverAt(parsed, offset, host.corpus ? corpus() : undefined, locale, { precedents: !precedentsSkipped(parsed.document, config) }),
    codeLenses: (parsed, locale = 'en', config) => (host.corpus && !precedentsSkipped(parsed.document, config) ? codeLenses(parsed, corpus(), locale) : []),
    completions: (parsed, offset) => completionsAt(parsed, offset, host.corpus ? corpus() : undefined),
    symbols: documentSymbols,
    folding: foldingRanges,
    quickFixes(parsed, diagnostics, offset, locale = 'en', config) {
      const index = host.corpus && !precedentsSkipped(parsed.document, config) ? corpus() : undefined;
      const fixes = diagnostics.flatMap((d) => quickFixes(parsed, d, index, locale));
      const clause = clauseAt(parsed, offset);
      const pin = index && clause && clause.kind === 'measure' ? pinPrecedentFix(parsed, clause, index, locale) : undefined;
      return pin ? [...fixes, pin] : fixes;
    },
    definition(parsed, offset) {
      const clause = clauseAt(parsed, offset);
      const pinned = clause?.precedents.find((p) => offset >= p.node.start && offset <= p.node.end);
      if (!pinned || !host.corpus) return undefined;
      const hit = corpus().resolve(pinned.value.trim());
      if (!hit?.document.uri) return undefined;
      const text = hit.document.document.yaml.text;
      const at = (hit.clause.id?.node ?? hit.clause.node).start;
      return { uri: hit.document.uri, line: text.slice(0, at).split('\n').length - 1 };
    },
  };
}
