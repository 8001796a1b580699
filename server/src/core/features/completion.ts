/**
 * Completion while typing: keys of the mapping the cursor is in (with their docs), and values for the
 * key on the line (cities, the city's departments, tiers, periods, kinds …). Works on half-typed YAML:
 * the context is read from the text's indentation, not from a tree that may not parse.
 */
import type { ParsedPolicy } from '../engine';
import { registryOf } from '../departments/registryOf';
import type { PrecedentIndex } from '../precedents/types';
import { POLICY_SCHEMA } from '../schema/policySchema';
import type { JsonSchema } from '../schema/validateNode';

export interface CompletionEntry {
  readonly label: string;
  readonly kind: 'key' | 'value' | 'city' | 'department';
  readonly detail?: string;
  readonly documentation?: string;
  readonly insertText?: string;
}

const definitions = POLICY_SCHEMA.definitions ?? {};
const SCOPES: Record<string, JsonSchema | undefined> = {
  '': POLICY_SCHEMA,
  chapters: definitions.chapter,
  clauses: definitions.clause,
  caps: definitions.cap?.anyOf?.[1],
  departments: definitions.clause?.properties?.departments?.anyOf?.[1],
};

/** The key whose block holds a key starting at column `column`: the nearest key above that starts further left. */
function parentKey(lines: readonly string[], line: number, column: number): string {
  for (let i = line - 1; i >= 0; i--) {
    const match = /^(\s*(?:-\s+)?)([A-Za-z][\w-]*):/.exec(lines[i]);
    if (match && match[1].length < column) return match[2];
  }
  return '';
}

function enumValues(schema: JsonSchema | undefined): string[] {
  if (!schema) return [];
  const resolved = schema.$ref ? definitions[schema.$ref.replace('#/definitions/', '')] : schema;
  return (resolved?.enum ?? []).map(String);
}

export function completionsAt(parsed: ParsedPolicy, offset: number, corpus: PrecedentIndex | undefined): CompletionEntry[] {
  const text = parsed.document.yaml.text;
  const position = parsed.lines.positionAt(offset);
  const lines = text.split(/\r?\n/);
  const lineText = lines[position.line] ?? '';
  const before = lineText.slice(0, position.character);
  const city = parsed.document.city?.value;

  // A value after `key: ` (or inside a flow list after it).
  const valueMatch = /^\s*(?:-\s+)?([A-Za-z][\w-]*):\s*(\[[^\]]*)?[^\[\]]*$/.exec(before);
  if (valueMatch) {
    const key = valueMatch[1];
    const parent = parentKey(lines, position.line, /^\s*(?:-\s+)?/.exec(lineText)![0].length);
    return valueCompletions(key, parent, city, corpus);
  }
  // Inside a list under departments / lead / support: `- 市…`.
  const itemMatch = /^(\s*)-\s+[^:]*$/.exec(before);
  if (itemMatch) {
    const parent = parentKey(lines, position.line, itemMatch[1].length + 1);
    if (['departments', 'lead', 'support', 'coResponsible'].includes(parent)) return departmentCompletions(city, corpus);
  }
  // Inside a text marker: （责任单位：…
  if (/[（(](?:责任单位|责任部门|牵头单位|配合单位)[：:][^）)]*$/.test(before)) return departmentCompletions(city, corpus);
  // A key at the start of a line (possibly after `- `).
  const keyMatch = /^(\s*)(-\s+)?([A-Za-z][\w-]*)?$/.exec(before);
  if (keyMatch) {
    const parent = parentKey(lines, position.line, keyMatch[1].length + (keyMatch[2]?.length ?? 0));
    const scope = SCOPES[parent] ?? (parent === '' ? POLICY_SCHEMA : undefined);
    return Object.entries(scope?.properties ?? {}).map(([key, property]) => ({
      label: key,
      kind: 'key' as const,
      documentation: property.description ?? (property.$ref ? definitions[property.$ref.replace('#/definitions/', '')]?.description : undefined),
      insertText: `${key}: `,
    }));
  }
  return [];
}

function valueCompletions(key: string, parent: string, city: string | undefined, corpus: PrecedentIndex | undefined): CompletionEntry[] {
  if (key === 'city') return (corpus?.cities ?? []).map((c) => ({ label: c, kind: 'city' as const, detail: `${corpus!.documents.filter((d) => d.document.city?.value === c).length} documents` }));
  if (['departments', 'lead', 'support', 'coResponsible'].includes(key)) return departmentCompletions(city, corpus);
  const scope = SCOPES[parent];
  const property = scope?.properties?.[key] ?? POLICY_SCHEMA.properties?.[key] ?? definitions.clause?.properties?.[key] ?? definitions.cap?.anyOf?.[1]?.properties?.[key];
  return enumValues(property).map((value) => ({ label: value, kind: 'value' as const, documentation: property?.description }));
}

function departmentCompletions(city: string | undefined, corpus: PrecedentIndex | undefined): CompletionEntry[] {
  if (!corpus) return [];
  return registryOf(corpus).namesFor(city).map((name) => ({ label: name, kind: 'department' as const, detail: city ? `${city}` : undefined }));
}
