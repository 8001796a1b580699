/**
 * Deterministic generator of Policy YAML drafts of any size, for benchmarks (lint throughput, LSP
 * latency, precedent search). Same options → same text, byte for byte: all variation comes from a
 * seeded PRNG, never from Math.random or the clock, so numbers from different runs are comparable.
 */
import { CLAUSE_POOL, DEPARTMENTS, NON_MEASURE_POOL } from './clausePool';
import type { PoolClause } from './clausePool';

export interface DraftOptions {
  /** Number of clauses (≥ 1). */
  readonly clauses: number;
  /** PRNG seed; default 2026. */
  readonly seed?: number;
  /** Clauses per chapter; default 12 (real 若干措施 have 3–5 chapters of 3–8 clauses; big drafts need more). */
  readonly clausesPerChapter?: number;
}

export interface GeneratedDraft {
  readonly text: string;
  readonly clauses: number;
  readonly chapters: number;
  /** UTF-8 size of `text`. */
  readonly bytes: number;
  /** Clause ids in document order ("1", "2", …). */
  readonly clauseIds: readonly string[];
}

/** mulberry32: tiny, fast, and good enough to vary text; returns floats in [0, 1). */
export function createRng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)];
}

/** Picks a key of `weights` with probability proportional to its weight. */
function weighted<K extends string>(rng: Rng, weights: Readonly<Record<K, number>>): K {
  const entries = Object.entries(weights) as [K, number][];
  let r = rng() * entries.reduce((sum, [, w]) => sum + w, 0);
  for (const [key, w] of entries) {
    r -= w;
    if (r < 0) return key;
  }
  return entries[entries.length - 1][0];
}

const CHAPTER_TITLES = [
  '促进产业集聚发展', '加快产业自主创新', '促进产业融合发展', '优化产业发展生态',
  '夯实算力基础设施', '深化应用场景开放', '强化人才支撑', '加大金融支持',
];
const TIERS = ['国家级', '省级', '市级'];
// Uniform per clause, so tier lists (国家级、省级、市级 分别…) keep their order.
const SCALES = [0.5, 1, 1, 1.5, 2, 3];
const DEPARTMENT_NAMES = Object.keys(DEPARTMENTS);
// An amount with its unit; bare 万 only before / or 、 (20万/项, 300万、200万元), as the seeds write it.
const AMOUNT = /(\d+(?:\.\d+)?)(\s*)(亿元|万元|万(?=\/|、))/g;
const CAP_AMOUNT = /(?:最高|不超过)(?:给予|奖励|补助|补贴|支持)?\s*(\d+(?:\.\d+)?)\s*(亿元|万元|万)(\s*\/\s*项)?/g;

function scaleAmounts(text: string, factor: number): string {
  return text.replace(AMOUNT, (_, digits: string, space: string, unit: string) => {
    const value = Number(digits) * factor;
    const shown = unit === '亿元' ? String(Math.round(value * 10) / 10) : String(Math.max(1, Math.round(value)));
    return `${shown}${space}${unit}`;
  });
}

/** `caps` entries the text states with a ceiling word, as a drafter would copy them. */
function capsOf(text: string, topic: string | undefined): string[] {
  const lines: string[] = [];
  for (const m of text.matchAll(CAP_AMOUNT)) {
    lines.push(`          - max: ${m[1]}${m[2] === '万' ? '万元' : m[2]}`);
    if (m[3]) lines.push('            per: 项');
    if (topic) lines.push(`            for: ${topic}`);
  }
  return lines;
}

function departmentsOf(rng: Rng): string[] {
  const n = 1 + Math.floor(rng() * 3);
  const names: string[] = [];
  while (names.length < n) {
    const name = pick(rng, DEPARTMENT_NAMES);
    if (!names.includes(name)) names.push(name);
  }
  return names;
}

const ZH_DIGITS = '零一二三四五六七八九';

/** 1 → 一, 12 → 十二, 105 → 一百零五: chapter ids as real documents number them. */
export function chineseNumeral(n: number): string {
  if (n < 10) return ZH_DIGITS[n];
  if (n < 20) return `十${n % 10 ? ZH_DIGITS[n % 10] : ''}`;
  const units: Array<[number, string]> = [[1000, '千'], [100, '百'], [10, '十']];
  let out = '';
  let rest = n;
  let zero = false;
  for (const [size, name] of units) {
    const digit = Math.floor(rest / size);
    rest %= size;
    if (digit > 0) {
      out += `${zero ? '零' : ''}${ZH_DIGITS[digit]}${name}`;
      zero = false;
    } else if (out) zero = true;
  }
  if (rest > 0) out += `${zero ? '零' : ''}${ZH_DIGITS[rest]}`;
  return out;
}

export function generateDraft(options: DraftOptions): GeneratedDraft {
  const total = Math.max(1, Math.floor(options.clauses));
  const perChapter = Math.max(1, Math.floor(options.clausesPerChapter ?? 12));
  const rng = createRng(options.seed ?? 2026);
  const out: string[] = [
    `policy: 苏州市促进人工智能产业创新发展的若干措施（基准测试稿，${total}条）`,
    'city: 苏州',
    'level: 市级',
    'issuer: 苏州市人民政府',
    'status: draft',
    'unit: 万元',
    'preamble: |',
    '  为深入贯彻国家人工智能发展战略，加快推进苏州人工智能科技创新和产业集聚发展，结合我市实际，特制定本措施。',
    'departments:',
    ...DEPARTMENT_NAMES.map((name) => `  ${name}: ${DEPARTMENTS[name]}`),
    'coResponsible:',
    '  - 各县级市（区）人民政府（管委会）',
    'chapters:',
  ];
  const clauseIds: string[] = [];
  const chapters = Math.ceil(total / perChapter);
  for (let c = 0; c < chapters; c++) {
    out.push(`  - id: ${chineseNumeral(c + 1)}`, `    title: ${CHAPTER_TITLES[c % CHAPTER_TITLES.length]}`, '    clauses:');
    for (let k = 0; k < perChapter && clauseIds.length < total; k++) {
      const id = String(clauseIds.length + 1);
      clauseIds.push(id);
      out.push(...clauseLines(rng, id));
    }
  }
  const text = `${out.join('\n')}\n`;
  return { text, clauses: total, chapters, bytes: Buffer.byteLength(text, 'utf8'), clauseIds };
}

function clauseLines(rng: Rng, id: string): string[] {
  if (rng() < 0.08) {
    const entry = pick(rng, NON_MEASURE_POOL);
    return [`      - id: "${id}"`, `        kind: ${entry.kind}`, `        title: ${JSON.stringify(entry.title)}`, '        text: |', `          ${entry.text}`];
  }
  const entry: PoolClause = pick(rng, CLAUSE_POOL);
  const factor = pick(rng, SCALES);
  let body = scaleAmounts(entry.text.replace('{tier}', pick(rng, TIERS)), factor);
  // A second sentence now and then, so that texts vary beyond the pool's 40 sentences.
  if (rng() < 0.4) body += scaleAmounts(pick(rng, CLAUSE_POOL).text.replace('{tier}', pick(rng, TIERS)), factor);
  const names = departmentsOf(rng);
  const lines = [`      - id: "${id}"`, `        title: ${JSON.stringify(entry.title)}`];
  const style = weighted(rng, { marker: 35, department: 10, leadSupport: 10, suffix: 5, field: 20, list: 10, none: 10 });
  switch (style) {
    case 'marker': body += `（责任单位：${names.join('、')}）`; break;
    case 'department': body += `(责任部门:${names.join('、')})`; break;
    case 'leadSupport':
      body += names.length > 1 ? `（牵头单位：${names[0]}；配合单位：${names.slice(1).join('、')}）` : `（牵头单位：${names[0]}）`;
      break;
    case 'suffix': body += `（${names.join('、')}负责）`; break;
    default: break;
  }
  lines.push('        text: |', `          ${body}`);
  if (style === 'field') {
    lines.push('        departments:', `          lead: [${names[0]}]`);
    if (names.length > 1) lines.push(`          support: [${names.slice(1).join(', ')}]`);
  } else if (style === 'list') {
    lines.push(`        departments: [${names.join(', ')}]`);
  }
  if (rng() < 0.25) {
    const caps = capsOf(body, entry.topic);
    if (caps.length > 0) lines.push('        caps:', ...caps);
  }
  if (entry.topic && rng() < 0.5) lines.push(`        topics: [${entry.topic}]`);
  return lines;
}
