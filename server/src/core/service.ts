/**
 * The public interface of the analysis core: one factory, one service. The language server and the
 * CLI are thin adapters over it; the outside world (logging, later the corpus) comes in through `host`.
 */
import { lintParsed } from './engine';
import type { LintRun, ParsedPolicy } from './engine';
import type { Logger, PolicyDiagnostic } from './diagnostics';
import { buildModel } from './model/buildModel';
import { RULES } from './rules/registry';
import type { Rule } from './rules/types';
import { LineIndex } from './text/lineIndex';
import { parseYaml } from './yaml/parseYaml';

export interface PolicyServiceHost {
  readonly logger?: Logger;
  /** Rules to run instead of the built-in registry (tests, plug-ins). */
  readonly rules?: readonly Rule[];
}

export interface PolicyLanguageService {
  /** Parses once; share the result across diagnostics, hover, code lens and compare. */
  parse(text: string, uri?: string): ParsedPolicy;
  lint(parsed: ParsedPolicy, run?: LintRun): PolicyDiagnostic[];
  readonly rules: readonly Rule[];
}

export function createPolicyLanguageService(host: PolicyServiceHost = {}): PolicyLanguageService {
  const rules = host.rules ?? RULES;
  return {
    rules,
    parse(text, uri = 'untitled:policy.yaml') {
      const yaml = parseYaml(text);
      return { document: buildModel(uri, yaml), lines: new LineIndex(text) };
    },
    lint(parsed, run = {}) {
      return lintParsed(parsed, rules, { logger: host.logger, ...run });
    },
  };
}
