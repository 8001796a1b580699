/**
 * Lint configuration: severities (including off) and rule options, as written in `.policylintrc.yaml`
 * or sent by an editor through `workspace/configuration` (same keys).
 *
 *   rules:
 *     missing-department: error
 *     duplicate-clause: { threshold: 0.9 }
 *     similar-clause: off
 */
import { parseYaml } from './yaml/parseYaml';
import { toPlainValue } from './yaml/toPlainValue';
import type { Severity } from './rules/types';

export type SeveritySetting = Severity | 'off';

export interface RuleSetting {
  readonly severity?: SeveritySetting;
  readonly [option: string]: unknown;
}

export interface LintConfig {
  readonly rules?: Readonly<Record<string, SeveritySetting | RuleSetting>>;
  /** Extra corpus folders (resolved by the adapter, relative to the config file). */
  readonly corpus?: readonly string[];
  /** Extra known departments per city. */
  readonly departments?: Readonly<Record<string, readonly string[]>>;
  readonly locale?: Locale;
}

export type Locale = 'en' | 'zh-CN';

const SEVERITY_WORDS: Record<string, SeveritySetting> = {
  error: 'error', warning: 'warning', warn: 'warning', information: 'information', info: 'information',
  hint: 'hint', off: 'off', none: 'off', false: 'off',
};

export function parseSeverity(value: unknown): SeveritySetting | undefined {
  if (value === false) return 'off';
  return typeof value === 'string' ? SEVERITY_WORDS[value.trim().toLowerCase()] : undefined;
}

/** The effective setting of one rule: severity (undefined = the rule's default) and options. */
export function ruleSetting(config: LintConfig | undefined, ruleId: string): { severity?: SeveritySetting; options: Record<string, unknown> } {
  const raw = config?.rules?.[ruleId];
  if (raw === undefined || raw === null) return { options: {} };
  if (typeof raw === 'string' || typeof raw === 'boolean') return { severity: parseSeverity(raw), options: {} };
  if (typeof raw === 'object') {
    const { severity, ...options } = raw as RuleSetting;
    return { severity: parseSeverity(severity), options };
  }
  return { options: {} };
}

/** Reads a config file's text. Problems come back as messages; the config is whatever was readable. */
export function parseConfigText(text: string): { config: LintConfig; errors: string[] } {
  const parsed = parseYaml(text);
  if (parsed.error) return { config: {}, errors: [`invalid YAML: ${parsed.error.message}`] };
  const value = parsed.root ? toPlainValue(parsed.root) : {};
  if (value === null || value === undefined) return { config: {}, errors: [] };
  if (typeof value !== 'object' || Array.isArray(value)) return { config: {}, errors: ['the config must be a mapping'] };
  return validateConfig(value as Record<string, unknown>);
}

export function validateConfig(value: Record<string, unknown>): { config: LintConfig; errors: string[] } {
  const errors: string[] = [];
  const config: { -readonly [K in keyof LintConfig]: LintConfig[K] } = {};
  for (const [key, v] of Object.entries(value)) {
    if (key === 'rules') {
      if (v && typeof v === 'object' && !Array.isArray(v)) {
        const rules: Record<string, SeveritySetting | RuleSetting> = {};
        for (const [id, setting] of Object.entries(v as Record<string, unknown>)) {
          if (typeof setting === 'string' || typeof setting === 'boolean') {
            const severity = parseSeverity(setting);
            if (severity) rules[id] = severity;
            else errors.push(`rules.${id}: unknown severity '${String(setting)}'`);
          } else if (setting && typeof setting === 'object' && !Array.isArray(setting)) {
            const { severity } = setting as RuleSetting;
            if (severity !== undefined && !parseSeverity(severity)) errors.push(`rules.${id}.severity: unknown severity '${String(severity)}'`);
            else rules[id] = setting as RuleSetting;
          } else {
            errors.push(`rules.${id}: expected a severity or a mapping`);
          }
        }
        config.rules = rules;
      } else errors.push('rules: expected a mapping');
    } else if (key === 'corpus') {
      const list = Array.isArray(v) ? v : [v];
      if (list.every((item) => typeof item === 'string')) config.corpus = list as string[];
      else errors.push('corpus: expected a folder or a list of folders');
    } else if (key === 'departments') {
      if (v && typeof v === 'object' && !Array.isArray(v)) {
        const departments: Record<string, string[]> = {};
        for (const [city, names] of Object.entries(v as Record<string, unknown>)) {
          const list = typeof names === 'string' ? [names] : names;
          if (Array.isArray(list) && list.every((name) => typeof name === 'string')) departments[city] = list as string[];
          else errors.push(`departments.${city}: expected a list of department names`);
        }
        config.departments = departments;
      } else errors.push('departments: expected a mapping of city to department names');
    } else if (key === 'locale') {
      if (v === 'en' || v === 'zh-CN') config.locale = v;
      else errors.push("locale: expected 'en' or 'zh-CN'");
    } else {
      errors.push(`unknown key '${key}'`);
    }
  }
  return { config, errors };
}

/** Later configs win, rule by rule. */
export function mergeConfigs(...configs: ReadonlyArray<LintConfig | undefined>): LintConfig {
  const rules: Record<string, SeveritySetting | RuleSetting> = {};
  const corpus: string[] = [];
  const departments: Record<string, string[]> = {};
  let locale: Locale | undefined;
  for (const config of configs) {
    if (!config) continue;
    Object.assign(rules, config.rules ?? {});
    corpus.push(...(config.corpus ?? []));
    for (const [city, names] of Object.entries(config.departments ?? {})) {
      departments[city] = [...(departments[city] ?? []), ...names];
    }
    locale = config.locale ?? locale;
  }
  return { rules, corpus, departments, locale };
}
