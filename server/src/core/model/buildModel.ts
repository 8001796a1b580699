/**
 * Builds the policy model from the positioned YAML tree. Lenient by design: a value of the wrong type
 * is left out of the model (the `schema` rule reports it), so rules can trust what they find here.
 */
import { getPair, isMap, isScalar, isSeq } from '../yaml/nodes';
import type { YMap, YNode, YScalar, YamlParseResult } from '../yaml/nodes';
import { parseMoney } from '../normalise/money';
import { parseRate } from '../normalise/rates';
import { parsePeriod, parseTier } from '../normalise/tiers';
import { findDepartmentMarkers } from '../normalise/departments';
import { analyseMoney } from '../normalise/caps';
import { foldWidth } from '../normalise/width';
import { RecentCache } from '../text/recentCache';
import type { MoneyUnit } from '../normalise/types';
import type {
  CapEntry, Chapter, Clause, ClauseDepartments, ClauseKind, DepartmentRef, Located, PolicyDocument, PolicyLevel,
  PolicyStatus, TextFacts,
} from './types';
import { pushAll } from '../text/pushAll';

const CLAUSE_KINDS: readonly ClauseKind[] = ['measure', 'principle', 'goal', 'safeguard'];
const STATUSES: readonly PolicyStatus[] = ['draft', 'in-force', 'expired', 'repealed'];
const LEVELS: readonly PolicyLevel[] = ['国家级', '省级', '市级', '区县级', '园区级'];
const UNITS: readonly MoneyUnit[] = ['元', '千元', '万元', '亿元'];
const NO_FACTS: TextFacts = { departmentMarkers: [], capMentions: [], amounts: [], rates: [] };

/**
 * `previous`, the model of an earlier version: a chapter whose node the incremental parse handed over
 * unchanged (same object), at the same place and with the same unit, is taken over with its clauses
 * instead of being read again; so are such top-level clauses. The model is the same either way.
 */
export function buildModel(uri: string, yaml: YamlParseResult, previous?: PolicyDocument): PolicyDocument {
  const root = isMap(yaml.root) ? yaml.root : undefined;
  const unit = (root && enumField(root, 'unit', UNITS)?.value) ?? '万元';
  const chapters: Chapter[] = [];
  const clauses: Clause[] = [];
  const reuse = previous && previous.unit === unit ? previous : undefined;
  const oldChapters = new Map<YNode, Chapter>(reuse?.chapters.map((c) => [c.node, c]));
  const oldClauses = new Map<YNode, Clause>(reuse?.clauses.filter((c) => !c.chapter).map((c) => [c.node, c]));
  if (root) {
    const chaptersNode = getPair(root, 'chapters')?.value;
    if (isSeq(chaptersNode)) {
      chaptersNode.items.forEach((item, chapterIndex) => {
        if (!isMap(item)) return;
        const old = oldChapters.get(item);
        if (old && old.index === chapterIndex && old.clauses.every((c, k) => c.index === clauses.length + k)) {
          chapters.push(old);
          pushAll(clauses, old.clauses);
          return;
        }
        const chapterClauses: Clause[] = [];
        const chapter: Chapter = {
          node: item,
          index: chapterIndex,
          id: idField(item),
          title: stringField(item, 'title'),
          clauses: chapterClauses,
        };
        chapters.push(chapter);
        readClauses(item, unit, clauses, chapterClauses, chapter);
      });
    }
    readClauses(root, unit, clauses, undefined, undefined, oldClauses);
  }
  const departmentNames = new Map<string, Located<string>>();
  const departmentsNode = root && getPair(root, 'departments')?.value;
  if (isMap(departmentsNode)) {
    for (const pair of departmentsNode.pairs) {
      if (isScalar(pair.key) && isScalar(pair.value) && typeof pair.value.parsed === 'string') {
        departmentNames.set(pair.key.value, { value: pair.value.value, node: pair.value, key: pair.key });
      }
    }
  }
  return {
    uri,
    yaml,
    root,
    policy: root && stringField(root, 'policy'),
    city: root && stringField(root, 'city'),
    level: root && enumField(root, 'level', LEVELS),
    issuer: root && stringField(root, 'issuer'),
    docNumber: root && stringField(root, 'docNumber'),
    status: (root && enumField(root, 'status', STATUSES)?.value) ?? 'draft',
    effective: root && dateField(root, 'effective'),
    expires: root && dateField(root, 'expires'),
    unit,
    preamble: root && stringField(root, 'preamble'),
    departmentNames,
    coResponsible: root ? stringList(getPair(root, 'coResponsible')?.value) : [],
    chapters,
    clauses,
  };
}

function readClauses(
  owner: YMap, unit: MoneyUnit, all: Clause[], chapterClauses: Clause[] | undefined, chapter: Chapter | undefined,
  old?: ReadonlyMap<YNode, Clause>,
): void {
  const clausesNode = getPair(owner, 'clauses')?.value;
  if (!isSeq(clausesNode)) return;
  for (const item of clausesNode.items) {
    if (!isMap(item)) continue;
    const known = old?.get(item);
    const clause = known && known.index === all.length ? known : readClause(item, all.length, unit, chapter);
    all.push(clause);
    chapterClauses?.push(clause);
  }
}

function readClause(node: YMap, index: number, unit: MoneyUnit, chapter: Chapter | undefined): Clause {
  const textPair = getPair(node, 'text');
  const text = textPair && isScalar(textPair.value) && typeof textPair.value.parsed === 'string'
    ? { value: textPair.value.value, node: textPair.value, key: textPair.key as YScalar }
    : undefined;
  const capsNode = getPair(node, 'caps')?.value;
  return {
    node,
    index,
    chapter,
    id: idField(node),
    title: stringField(node, 'title'),
    kind: enumField(node, 'kind', CLAUSE_KINDS)?.value ?? 'measure',
    text,
    departments: readDepartments(node),
    caps: isSeq(capsNode) ? capsNode.items.map((item, i) => readCap(item, i, unit)) : [],
    capsNode: isSeq(capsNode) ? capsNode : undefined,
    topics: stringList(getPair(node, 'topics')?.value),
    precedents: stringList(getPair(node, 'precedents')?.value),
    facts: text ? analyseText(text.value) : NO_FACTS,
  };
}

/**
 * Facts of recent clause texts. The normalisers are pure functions of the text and their offsets are
 * into the text, so a clause whose text did not change since the last parse (every clause but the one
 * being typed in) shares its facts instead of being analysed again.
 */
const factsByText = new RecentCache<TextFacts>(20000);

/** Runs the normalisers over a clause text once; every rule reads the result. */
function analyseText(text: string): TextFacts {
  const known = factsByText.get(text);
  if (known) return known;
  const folded = foldWidth(text); // once per clause, shared by every normaliser
  const money = analyseMoney(text, folded);
  const facts: TextFacts = { departmentMarkers: findDepartmentMarkers(text, folded), capMentions: money.capMentions, amounts: money.amounts, rates: money.rates };
  factsByText.set(text, facts);
  return facts;
}

/** `departments: {lead: [...], support: [...]}` or a plain list whose first entry is the lead. */
function readDepartments(clause: YMap): ClauseDepartments | undefined {
  const pair = getPair(clause, 'departments');
  if (!pair || !isScalar(pair.key)) return undefined;
  const value = pair.value;
  if (isSeq(value) || isScalar(value)) {
    const names = departmentRefs(value);
    if (isScalar(value) && names.length === 0) return undefined;
    return { node: value, key: pair.key, lead: names.slice(0, 1), support: names.slice(1) };
  }
  if (isMap(value)) {
    return {
      node: value,
      key: pair.key,
      lead: departmentRefs(getPair(value, 'lead')?.value),
      support: departmentRefs(getPair(value, 'support')?.value),
    };
  }
  return undefined;
}

function departmentRefs(node: YNode | undefined): DepartmentRef[] {
  return stringList(node).map((item) => ({ name: item.value.trim(), node: item.node })).filter((d) => d.name !== '');
}

function readCap(node: YNode, index: number, unit: MoneyUnit): CapEntry {
  if (isScalar(node)) {
    // Shorthand: `- 100万元`.
    const yuan = parseMoney(node.parsed as string | number, unit);
    return { node, index, max: yuan === undefined ? undefined : { value: yuan, node } };
  }
  if (!isMap(node)) return { node, index };
  const located = <T>(key: string, read: (value: YScalar) => T | undefined): Located<T> | undefined => {
    const pair = getPair(node, key);
    if (!pair || !isScalar(pair.value) || pair.value.parsed === null) return undefined;
    const value = read(pair.value);
    return value === undefined ? undefined : { value, node: pair.value, key: pair.key as YScalar };
  };
  const asText = (s: YScalar): string | number | undefined =>
    typeof s.parsed === 'string' || typeof s.parsed === 'number' ? s.parsed : undefined;
  return {
    node,
    index,
    max: located('max', (s) => { const raw = asText(s); return raw === undefined ? undefined : parseMoney(raw, unit); }),
    for: located('for', (s) => (typeof s.parsed === 'string' ? s.value : undefined)),
    per: located('per', (s) => (typeof s.parsed === 'string' ? s.value : undefined)),
    period: located('period', (s) => parsePeriod(s.value)),
    rate: located('rate', (s) => { const raw = asText(s); return raw === undefined ? undefined : parseRate(raw); }),
    tier: located('tier', (s) => parseTier(s.value)),
  };
}

function stringField(map: YMap, key: string): Located<string> | undefined {
  const pair = getPair(map, key);
  if (!pair || !isScalar(pair.value) || typeof pair.value.parsed !== 'string') return undefined;
  return { value: pair.value.value, node: pair.value, key: pair.key as YScalar };
}

/** Ids may be written as numbers (`id: 2`); they are compared as written. */
function idField(map: YMap): Located<string> | undefined {
  const pair = getPair(map, 'id');
  if (!pair || !isScalar(pair.value)) return undefined;
  const parsed = pair.value.parsed;
  if (typeof parsed !== 'string' && typeof parsed !== 'number') return undefined;
  const value = pair.value.value.trim();
  return value === '' ? undefined : { value, node: pair.value, key: pair.key as YScalar };
}

function dateField(map: YMap, key: string): Located<string> | undefined {
  const field = stringField(map, key);
  return field && /^\d{4}-\d{2}-\d{2}$/.test(field.value) ? field : undefined;
}

function enumField<T extends string>(map: YMap, key: string, allowed: readonly T[]): Located<T> | undefined {
  const field = stringField(map, key);
  return field && (allowed as readonly string[]).includes(field.value) ? (field as Located<T>) : undefined;
}

/** A list of strings (a single string counts as a list of one). Non-string items are skipped. */
function stringList(node: YNode | undefined): Located<string>[] {
  node = scalarAlias(node);
  if (isScalar(node)) return typeof node.parsed === 'string' && node.value.trim() !== '' ? [{ value: node.value, node }] : [];
  if (!isSeq(node)) return [];
  const result: Located<string>[] = [];
  for (const raw of node.items) {
    const item = scalarAlias(raw);
    if (isScalar(item) && (typeof item.parsed === 'string' || typeof item.parsed === 'number')) result.push({ value: item.value, node: raw.kind === 'alias' ? raw : item });
  }
  return result;
}

/** An alias of a plain value (`lead: [*牵头]`) stands for that value; aliases of collections are never followed. */
function scalarAlias(node: YNode | undefined): YNode | undefined {
  return node?.kind === 'alias' && node.target?.kind === 'scalar' ? node.target : node;
}
