/**
 * Validates the positioned YAML tree against the subset of JSON Schema the dialect's schema uses
 * (type, enum, pattern, format, minLength, minItems, properties, required, additionalProperties, items,
 * anyOf, oneOf, $ref to #/definitions), so every problem comes with the exact node to report on. Also
 * reports what JSON Schema cannot see: duplicate keys and aliases. Runs on every keystroke: refs are
 * resolved once per schema object, patterns compiled once per pattern.
 */
import type { YMap, YNode, YScalar } from '../yaml/nodes';
import type { Message } from '../rules/types';
import type { FormatCheck } from './formats';
import { RecentCache } from '../text/recentCache';
import { nodeSourceKey } from '../text/sourceKey';
import {
  aliasMessage, ambiguousMessage, duplicateKeyMessage, emptyMessage, enumMessage, keyKindMessage, missingKeyMessage,
  needsOneOfMessage, tooFewItemsMessage, typeMessage, unknownKeyMessage, valueMessage,
} from './messages';
import { pushAll } from '../text/pushAll';

export interface JsonSchema {
  readonly $ref?: string;
  readonly $comment?: string;
  readonly type?: string | readonly string[];
  readonly enum?: readonly unknown[];
  readonly pattern?: string;
  readonly format?: string;
  readonly minLength?: number;
  readonly minItems?: number;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean | JsonSchema;
  readonly items?: JsonSchema;
  readonly anyOf?: readonly JsonSchema[];
  readonly oneOf?: readonly JsonSchema[];
  readonly description?: string;
  readonly definitions?: Readonly<Record<string, JsonSchema>>;
}

export interface SchemaProblem {
  /** The node reported on; undefined for a problem remembered from an earlier parse (see checkItem). */
  readonly node?: YNode;
  readonly start: number;
  readonly end: number;
  readonly message: Message;
}

function problemAt(node: YNode, message: Message): SchemaProblem {
  return { node, start: node.start, end: node.end, message };
}

export interface ValidateOptions {
  /** Checkers for `format` values; a format with a checker replaces the pattern next to it. */
  readonly formats?: Readonly<Record<string, FormatCheck>>;
  /**
   * The text the tree was parsed from. Given, the problems of each mapping in a list (a clause, a cap)
   * are remembered by its source, and an unchanged one is not validated again on the next keystroke.
   */
  readonly source?: string;
}

interface Context {
  readonly root: JsonSchema;
  readonly formats: Readonly<Record<string, FormatCheck>>;
  readonly problems: SchemaProblem[];
  /** The source, when list items may be memoised (no aliases: an alias reads a node elsewhere). */
  readonly source?: string;
  /** Identifies root schema and formats in memo keys. */
  readonly memoPrefix: string;
}

export function validateNode(node: YNode, schema: JsonSchema, options: ValidateOptions = {}): SchemaProblem[] {
  const formats = options.formats ?? {};
  const source = options.source !== undefined && !options.source.includes('*') ? options.source : undefined;
  const context: Context = { root: schema, formats, problems: [], source, memoPrefix: `${identity(schema)}:${identity(formats)}` };
  checkKeys(node, context.problems);
  check(node, schema, '', undefined, context);
  return context.problems;
}

/**
 * Keys JSON Schema cannot see: duplicates (the later one is reported; only the first counts) and keys
 * that are not plain scalars. Checked once per mapping, outside the schema's anyOf branches.
 */
function checkKeys(node: YNode, problems: SchemaProblem[]): void {
  if (node.kind === 'seq') node.items.forEach((item) => checkKeys(item, problems));
  if (node.kind !== 'map') return;
  const seen = new Set<string>();
  for (const pair of node.pairs) {
    if (pair.key.kind !== 'scalar') problems.push(problemAt(pair.key, keyKindMessage()));
    else if (seen.has(pair.key.value)) problems.push(problemAt(pair.key, duplicateKeyMessage(pair.key.value)));
    else seen.add(pair.key.value);
    checkKeys(pair.value, problems);
  }
}

const resolved = new WeakMap<JsonSchema, JsonSchema>();

/** Follows a `$ref`; the referring schema's own keywords (its description) win. */
function resolve(schema: JsonSchema, root: JsonSchema): JsonSchema {
  if (schema.$ref === undefined) return schema;
  let result = resolved.get(schema);
  if (!result) {
    const target = root.definitions?.[schema.$ref.replace('#/definitions/', '')];
    result = target ? { ...resolve(target, root), ...schema, $ref: undefined, description: schema.description ?? target.description } : schema;
    resolved.set(schema, result);
  }
  return result;
}

const patterns = new Map<string, RegExp>();

function patternOf(source: string): RegExp {
  let pattern = patterns.get(source);
  if (!pattern) {
    pattern = new RegExp(source, 'u');
    patterns.set(source, pattern);
  }
  return pattern;
}

/** The JSON type of a node: YAML 1.2 core-schema scalars map onto JSON types. */
function kindOf(node: YNode): string {
  if (node.kind === 'map') return 'object';
  if (node.kind === 'seq') return 'array';
  if (node.kind === 'alias') return 'alias';
  const value = node.parsed;
  if (value === null) return 'null';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return 'string';
}

function typesOf(schema: JsonSchema): readonly string[] | undefined {
  return schema.type === undefined ? undefined : typeof schema.type === 'string' ? [schema.type] : schema.type;
}

function typeMatches(kind: string, types: readonly string[]): boolean {
  return types.includes(kind) || (kind === 'integer' && types.includes('number'));
}

/**
 * `holder` is the key of the pair whose value `node` is (undefined for list items and the root): a
 * missing key is reported there, else on the mapping's first key — never on the whole mapping.
 */
function check(node: YNode, raw: JsonSchema, path: string, holder: YNode | undefined, context: Context): void {
  if (node.kind === 'alias') {
    // Never expanded (alias bombs): an alias of a scalar stands for that scalar, anything else is refused.
    if (node.target?.kind === 'scalar') check({ ...node.target, start: node.start, end: node.end }, raw, path, holder, context);
    else context.problems.push(problemAt(node, aliasMessage(path, node.name, node.target !== undefined)));
    return;
  }
  const schema = resolve(raw, context.root);
  if (schema.anyOf) checkBranches(node, schema.anyOf, false, path, holder, context);
  if (schema.oneOf) checkBranches(node, schema.oneOf, true, path, holder, context);
  const types = typesOf(schema);
  if (types && !typeMatches(kindOf(node), types)) {
    // A root of the wrong kind would underline the whole file: point at where it starts instead.
    const at = path === '' ? firstLeaf(node) : node;
    // `expires: 20231231`: say what the value should look like (a date), not just "text".
    const shaped = node.kind === 'scalar' && node.parsed !== null && (schema.pattern !== undefined || schema.format !== undefined);
    context.problems.push(problemAt(at, shaped ? valueMessage(path, node.value) : typeMessage(path, types, kindOf(node), node.kind === 'scalar')));
    return;
  }
  if (schema.enum && !(node.kind === 'scalar' && schema.enum.includes(node.parsed))) {
    context.problems.push(problemAt(node, enumMessage(path, schema.enum, node.kind === 'scalar' ? node.value : undefined)));
    return;
  }
  if (node.kind === 'scalar') checkScalar(node, schema, path, context);
  else if (node.kind === 'seq') {
    if (schema.minItems !== undefined && node.items.length < schema.minItems) {
      context.problems.push(problemAt(node, tooFewItemsMessage(path, schema.minItems)));
    }
    if (schema.items) node.items.forEach((item, i) => checkItem(item, schema.items!, `${path}[${i}]`, context));
  } else checkMap(node, schema, path, holder, context);
}

/** Problems of list items by schema, path and source, relative to the item's start. */
const itemProblems = new RecentCache<ReadonlyArray<{ readonly start: number; readonly end: number; readonly message: Message }>>(20000);
/**
 * Items longer than the maximum (a whole chapter) change on every keystroke inside them; items shorter
 * than the minimum (a cap, a department) validate faster than their key is made. Neither is remembered.
 */
const MAX_MEMO_ITEM = 16384;
const MIN_MEMO_ITEM = 200;

/** A list item, its problems remembered by its source: a mapping's depend on nothing outside it. */
function checkItem(item: YNode, schema: JsonSchema, path: string, context: Context): void {
  const { source } = context;
  if (source === undefined || item.kind !== 'map' || item.end - item.start > MAX_MEMO_ITEM || item.end - item.start < MIN_MEMO_ITEM) {
    check(item, schema, path, undefined, context);
    return;
  }
  const key = `${context.memoPrefix}:${identity(schema)}:${path}:${nodeSourceKey(source, item)}`;
  const known = itemProblems.get(key);
  if (known) {
    for (const p of known) context.problems.push({ start: item.start + p.start, end: item.start + p.end, message: p.message });
    return;
  }
  const before = context.problems.length;
  check(item, schema, path, undefined, context);
  itemProblems.set(key, context.problems.slice(before).map((p) => ({ start: p.start - item.start, end: p.end - item.start, message: p.message })));
}

const identities = new WeakMap<object, number>();
let nextIdentity = 1;

function identity(value: object): number {
  let id = identities.get(value);
  if (id === undefined) {
    id = nextIdentity++;
    identities.set(value, id);
  }
  return id;
}

function checkScalar(node: YScalar, schema: JsonSchema, path: string, context: Context): void {
  if (schema.minLength !== undefined && typeof node.parsed === 'string' && node.value.trim().length < schema.minLength) {
    context.problems.push(problemAt(node, emptyMessage(path)));
    return;
  }
  const format = schema.format === undefined ? undefined : context.formats[schema.format];
  if (format) {
    const value = typeof node.parsed === 'number' ? node.parsed : node.value;
    if (!format(value)) context.problems.push(problemAt(node, valueMessage(path, node.value)));
  } else if (schema.pattern !== undefined && typeof node.parsed === 'string' && !patternOf(schema.pattern).test(node.value)) {
    context.problems.push(problemAt(node, valueMessage(path, node.value)));
  }
}

/** anyOf / oneOf: quiet when a branch fits; otherwise the problems of the branch meant for this kind of node. */
function checkBranches(node: YNode, branches: readonly JsonSchema[], exactlyOne: boolean, path: string, holder: YNode | undefined, context: Context): void {
  const results = branches.map((branch) => {
    const inner: Context = { ...context, problems: [] };
    check(node, branch, path, holder, inner);
    return inner.problems;
  });
  const fitting = results.filter((r) => r.length === 0).length;
  if (fitting === 1 || (fitting > 1 && !exactlyOne)) return;
  if (fitting > 1) {
    context.problems.push(problemAt(node, ambiguousMessage(path)));
    return;
  }
  const resolvedBranches = branches.map((b) => resolve(b, context.root));
  if (resolvedBranches.every((b) => b.required && !b.type && !b.properties)) {
    // `anyOf: [{required: [chapters]}, {required: [clauses]}]`: one of these keys must be there.
    context.problems.push(problemAt(holder ?? firstKey(node), needsOneOfMessage(path, resolvedBranches.flatMap((b) => b.required ?? []))));
    return;
  }
  const kind = kindOf(node);
  const meant = resolvedBranches.findIndex((b) => {
    const types = typesOf(b);
    return types === undefined || typeMatches(kind, types);
  });
  if (meant >= 0) pushAll(context.problems, results[meant]);
  else {
    const types = [...new Set(resolvedBranches.flatMap((b) => typesOf(b) ?? []))];
    context.problems.push(problemAt(node, typeMessage(path, types, kind, node.kind === 'scalar')));
  }
}

function checkMap(node: YMap, schema: JsonSchema, path: string, holder: YNode | undefined, context: Context): void {
  const { problems } = context;
  const seen = new Set<string>();
  for (const pair of node.pairs) {
    // Odd and duplicate keys are reported by checkKeys; a duplicate's value is ignored, as the model does.
    if (pair.key.kind !== 'scalar' || seen.has(pair.key.value)) continue;
    const key = pair.key.value;
    seen.add(key);
    const keyPath = path ? `${path}.${key}` : key;
    const property = schema.properties?.[key];
    const before = problems.length;
    if (property) check(pair.value, property, keyPath, pair.key, context);
    else if (schema.additionalProperties === false) problems.push(problemAt(pair.key, unknownKeyMessage(key, Object.keys(schema.properties ?? {}), path)));
    else if (typeof schema.additionalProperties === 'object') check(pair.value, schema.additionalProperties, keyPath, pair.key, context);
    // An empty value (`key:`) has no characters to underline: report it on its key.
    if (pair.value.start === pair.value.end) {
      for (let i = before; i < problems.length; i++) {
        if (problems[i].node === pair.value) problems[i] = problemAt(pair.key, problems[i].message);
      }
    }
  }
  for (const key of schema.required ?? []) {
    if (seen.has(key)) continue;
    const property = schema.properties?.[key];
    const description = property === undefined ? undefined : resolve(property, context.root).description;
    problems.push(problemAt(holder ?? firstKey(node), missingKeyMessage(path, key, description)));
  }
}

function firstKey(node: YNode): YNode {
  return node.kind === 'map' && node.pairs.length > 0 ? node.pairs[0].key : node;
}

function firstLeaf(node: YNode): YNode {
  if (node.kind === 'map' && node.pairs.length > 0) return node.pairs[0].key;
  if (node.kind === 'seq' && node.items.length > 0) return firstLeaf(node.items[0]);
  return node;
}
