/**
 * Validates a positioned YAML tree against the subset of JSON Schema the dialect's schema uses (type,
 * enum, pattern, minLength, properties, required, additionalProperties, items, anyOf, $ref), so that
 * every problem comes with the exact node to report on. Also reports duplicate keys, which JSON Schema
 * cannot see.
 */
import type { YMap, YNode } from '../yaml/nodes';
import type { Message } from '../rules/types';
import { editDistance } from '../departments/registry';

export interface JsonSchema {
  readonly $ref?: string;
  readonly type?: string | readonly string[];
  readonly enum?: readonly unknown[];
  readonly pattern?: string;
  readonly minLength?: number;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean | JsonSchema;
  readonly items?: JsonSchema;
  readonly anyOf?: readonly JsonSchema[];
  readonly description?: string;
  readonly definitions?: Readonly<Record<string, JsonSchema>>;
}

export interface SchemaProblem {
  readonly node: YNode;
  readonly message: Message;
}

const patternCache = new Map<string, RegExp>();

export function validateNode(node: YNode, schema: JsonSchema, root: JsonSchema = schema, path = ''): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  check(node, schema, root, path, problems);
  return problems;
}

const resolved = new WeakMap<JsonSchema, JsonSchema>();

/** Follows a `$ref`; memoised because the same sub-schemas are resolved for every clause. */
function resolve(schema: JsonSchema, root: JsonSchema): JsonSchema {
  if (!schema.$ref) return schema;
  let result = resolved.get(schema);
  if (!result) {
    result = resolveRef(schema, root);
    resolved.set(schema, result);
  }
  return result;
}

function resolveRef(schema: JsonSchema, root: JsonSchema): JsonSchema {
  const name = (schema.$ref ?? "").replace('#/definitions/', '');
  const target = root.definitions?.[name];
  return target ? { ...target, ...schema, $ref: undefined, description: schema.description ?? target.description } : schema;
}

function kindOf(node: YNode): string {
  switch (node.kind) {
    case 'map': return 'object';
    case 'seq': return 'array';
    case 'alias': return 'alias';
    case 'scalar': {
      const v = node.parsed;
      if (v === null) return 'null';
      if (typeof v === 'boolean') return 'boolean';
      if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
      return 'string';
    }
  }
}

const TYPE_NAMES: Record<string, Message> = {
  object: { en: 'a mapping', zh: '映射（键: 值）' },
  array: { en: 'a list', zh: '列表' },
  string: { en: 'text', zh: '文本' },
  integer: { en: 'a whole number', zh: '整数' },
  number: { en: 'a number', zh: '数字' },
  boolean: { en: 'true or false', zh: '布尔值' },
  null: { en: 'nothing', zh: '空值' },
};

function typeMatches(kind: string, types: readonly string[]): boolean {
  return types.includes(kind) || (kind === 'integer' && types.includes('number'));
}

function where(path: string): Message {
  return path ? { en: `'${path}'`, zh: `“${path}”` } : { en: 'The document', zh: '文件' };
}

function check(node: YNode, raw: JsonSchema, root: JsonSchema, path: string, problems: SchemaProblem[]): void {
  const schema = resolve(raw, root);
  if (node.kind === 'alias') {
    // Aliases are never expanded (alias bombs); only an alias of a scalar stands for its value.
    if (node.target?.kind === 'scalar') check({ ...node.target, start: node.start, end: node.end }, schema, root, path, problems);
    else problems.push({ node, message: { en: `${where(path).en}: aliases (*${node.name}) of mappings or lists are not supported in policy documents.`, zh: `${where(path).zh}：不支持引用映射或列表的别名（*${node.name}）。` } });
    return;
  }
  if (schema.anyOf) {
    const branches = schema.anyOf.map((branch) => {
      const found: SchemaProblem[] = [];
      check(node, branch, root, path, found);
      return found;
    });
    if (branches.some((b) => b.length === 0)) {
      // One branch fits; still apply this schema's own keywords below.
    } else if (schema.anyOf.every((b) => b.required && !b.type && !b.properties)) {
      const keys = schema.anyOf.flatMap((b) => b.required ?? []);
      problems.push({ node: firstKey(node), message: { en: `${where(path).en} needs ${keys.map((k) => `\`${k}\``).join(' or ')}.`, zh: `${where(path).zh}须包含 ${keys.join(' 或 ')}。` } });
    } else {
      // Report the problems of the branch whose type fits the node, else a type mismatch.
      const kind = kindOf(node);
      const fitting = schema.anyOf.findIndex((b) => {
        const r = resolve(b, root);
        return r.type === undefined || typeMatches(kind, typeof r.type === 'string' ? [r.type] : r.type);
      });
      if (fitting >= 0) problems.push(...branches[fitting]);
      else {
        const types = [...new Set(schema.anyOf.flatMap((b) => { const r = resolve(b, root); return r.type === undefined ? [] : typeof r.type === 'string' ? [r.type] : [...r.type]; }))];
        problems.push(typeProblem(node, path, types));
      }
    }
  }
  if (schema.type !== undefined) {
    const types = typeof schema.type === 'string' ? [schema.type] : schema.type;
    if (!typeMatches(kindOf(node), types)) {
      problems.push(typeProblem(node, path, types));
      return;
    }
  }
  if (schema.enum && !(node.kind === 'scalar' && schema.enum.includes(node.parsed))) {
    problems.push({ node, message: {
      en: `${where(path).en} must be one of ${schema.enum.map((v) => String(v)).join(', ')}${node.kind === 'scalar' ? `, not '${node.value}'` : ''}.`,
      zh: `${where(path).zh}应为 ${schema.enum.map((v) => String(v)).join('、')} 之一${node.kind === 'scalar' ? `，而不是“${node.value}”` : ''}。`,
    } });
    return;
  }
  if (node.kind === 'scalar') {
    if (schema.minLength !== undefined && node.value.trim().length < schema.minLength) {
      problems.push({ node, message: { en: `${where(path).en} is empty.`, zh: `${where(path).zh}为空。` } });
    }
    if (schema.pattern !== undefined && !patternOf(schema.pattern).test(node.value)) {
      problems.push({ node, message: patternMessage(path, node.value) });
    }
    return;
  }
  if (node.kind === 'seq' && schema.items) {
    node.items.forEach((item, i) => check(item, schema.items!, root, `${path}[${i}]`, problems));
    return;
  }
  if (node.kind === 'map') checkMap(node, schema, root, path, problems);
}

function checkMap(node: YMap, schema: JsonSchema, root: JsonSchema, path: string, problems: SchemaProblem[]): void {
  const seen = new Set<string>();
  for (const pair of node.pairs) {
    if (pair.key.kind !== 'scalar') {
      problems.push({ node: pair.key, message: { en: 'Keys must be plain words.', zh: '键必须是普通文本。' } });
      continue;
    }
    const key = pair.key.value;
    const keyPath = path ? `${path}.${key}` : key;
    if (seen.has(key)) {
      problems.push({ node: pair.key, message: { en: `Duplicate key '${key}': only the first one counts.`, zh: `键“${key}”重复，只有第一个生效。` } });
      continue;
    }
    seen.add(key);
    const property = schema.properties?.[key];
    const before = problems.length;
    if (property) check(pair.value, property, root, keyPath, problems);
    else if (schema.additionalProperties === false) problems.push({ node: pair.key, message: unknownKeyMessage(key, Object.keys(schema.properties ?? {}), path) });
    else if (typeof schema.additionalProperties === 'object') check(pair.value, schema.additionalProperties, root, keyPath, problems);
    // An empty value has no characters to underline: report it on its key.
    for (let i = before; i < problems.length; i++) {
      if (problems[i].node === pair.value && pair.value.start === pair.value.end) problems[i] = { ...problems[i], node: pair.key };
    }
  }
  for (const key of schema.required ?? []) {
    if (seen.has(key)) continue;
    const description = resolve(schema.properties?.[key] ?? {}, root).description;
    problems.push({ node: firstKey(node), message: {
      en: `${where(path).en} is missing the required key \`${key}\`${description ? ` (${description.split('. ')[0]})` : ''}.`,
      zh: `${where(path).zh}缺少必填键 ${key}${description ? `（${description.split('. ').slice(1).join('. ').trim() || description}）` : ''}。`,
    } });
  }
}

/** Missing keys are reported on the mapping's first key (a clause's `id`), never on the whole mapping. */
function firstKey(node: YNode): YNode {
  return node.kind === 'map' && node.pairs.length > 0 ? node.pairs[0].key : node;
}

function typeProblem(node: YNode, path: string, types: readonly string[]): SchemaProblem {
  const expected = types.map((t) => TYPE_NAMES[t] ?? { en: t, zh: t });
  const actual = TYPE_NAMES[kindOf(node)] ?? { en: kindOf(node), zh: kindOf(node) };
  const hint = types.includes('string') && node.kind === 'scalar' ? { en: ' Quote it if it is meant as text.', zh: '如为文本请加引号。' } : { en: '', zh: '' };
  if (node.kind === 'scalar' && node.parsed === null) {
    return { node, message: { en: `${where(path).en} has no value; expected ${expected.map((e) => e.en).join(' or ')}.`, zh: `${where(path).zh}没有值，应为${expected.map((e) => e.zh).join('或')}。` } };
  }
  return { node, message: {
    en: `${where(path).en} should be ${expected.map((e) => e.en).join(' or ')}, not ${actual.en}.${hint.en}`,
    zh: `${where(path).zh}应为${expected.map((e) => e.zh).join('或')}，而不是${actual.zh}。${hint.zh}`,
  } };
}

function patternOf(source: string): RegExp {
  let pattern = patternCache.get(source);
  if (!pattern) {
    pattern = new RegExp(source, 'u');
    patternCache.set(source, pattern);
  }
  return pattern;
}

function patternMessage(path: string, value: string): Message {
  const last = path.replace(/\[\d+\]$/, '').split('.').pop() ?? path;
  const what: Record<string, Message> = {
    effective: { en: 'a date written YYYY-MM-DD', zh: 'YYYY-MM-DD 格式的日期' },
    expires: { en: 'a date written YYYY-MM-DD', zh: 'YYYY-MM-DD 格式的日期' },
    max: { en: 'an amount such as 100万元, 1亿元, 2000元 or a bare number', zh: '金额，如 100万元、1亿元、2000元 或数字' },
    caps: { en: 'an amount such as 100万元', zh: '金额，如 100万元' },
    rate: { en: 'a rate such as 20% or 10%~30%', zh: '比例，如 20% 或 10%~30%' },
    precedents: { en: 'a precedent id CITY/DOCUMENT#CLAUSE', zh: '先例编号 城市/文件#条款' },
  };
  const expected = what[last] ?? { en: 'a valid value', zh: '合法的值' };
  return { en: `${where(path).en} should be ${expected.en}, not '${value}'.`, zh: `${where(path).zh}应为${expected.zh}，而不是“${value}”。` };
}

function unknownKeyMessage(key: string, allowed: readonly string[], path: string): Message {
  const near = allowed.map((a) => ({ a, d: editDistance(key.toLowerCase(), a.toLowerCase()) })).filter((x) => x.d <= Math.max(2, Math.floor(x.a.length / 3))).sort((x, y) => x.d - y.d)[0];
  const scope = path ? { en: ` in '${path}'`, zh: `（${path}）` } : { en: '', zh: '' };
  return {
    en: `Unknown key '${key}'${scope.en}.${near ? ` Did you mean '${near.a}'?` : ''} Allowed: ${allowed.join(', ')}.`,
    zh: `未知的键“${key}”${scope.zh}。${near ? `是否为“${near.a}”？` : ''}可用的键：${allowed.join('、')}。`,
  };
}
