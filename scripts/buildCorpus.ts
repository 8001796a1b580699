/**
 * Builds the bundled corpus from the raw seed texts:
 *
 *   node out/scripts/buildCorpus.js [SEEDS_DIR]      (default: $POLICY_SEEDS or /work/shared/seeds)
 *
 * Splits every seed file into its documents (core/import/split), imports each one, keeps every
 * distinct document once — from the copy with the fuller text, then the one with more metadata —
 * and writes corpus/<id>.policy.yaml plus corpus/index.json. Ids are `<city pinyin>-<year>-<kind>`;
 * a topic (ai, ic, biomed …) is added only where two documents would otherwise share an id.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { importPolicyText, splitDocuments } from '../server/src/core/import';
import type { ImportedClause, ImportedDocument } from '../server/src/core/import';
import { analysisCopy } from '../server/src/core/import/paragraphs';

const ROOT = path.resolve(__dirname, '..', '..');
const CORPUS = path.join(ROOT, 'corpus');

const CITY_SLUG: Record<string, string> = {
  北京: 'beijing', 北京海淀区: 'beijing-haidian', 上海: 'shanghai', 上海闵行区: 'shanghai-minhang', 天津: 'tianjin', 深圳: 'shenzhen',
  杭州: 'hangzhou', 合肥: 'hefei', 德清县: 'deqing', 重庆: 'chongqing', 成都: 'chengdu', 西安: 'xian', 济南: 'jinan', 广州: 'guangzhou',
  广州黄埔区: 'guangzhou-huangpu', 武汉: 'wuhan', 苏州: 'suzhou', 苏州工业园区: 'suzhou-sip', 长沙: 'changsha', 郑州: 'zhengzhou',
  沈阳: 'shenyang', 哈尔滨: 'harbin',
};

/** Document kind from the title, most specific first. */
const KIND_SLUG: ReadonlyArray<[RegExp, string]> = [
  [/行动计划/, 'action-plan'],
  [/行动方案/, 'action-plan'],
  [/工作方案/, 'work-plan'],
  [/实施方案/, 'implementation-plan'],
  [/细则/, 'implementation-rules'],
  [/指导意见/, 'guidance'],
  [/意见/, 'opinions'],
  [/措施/, 'measures'],
  [/政策/, 'policies'],
  [/规划/, 'development-plan'],
  [/导则/, 'guidelines'],
  [/办法/, 'procedures'],
];

/** Topic words, used only to tell apart documents that would share an id. */
const TOPIC_SLUG: ReadonlyArray<[RegExp, string]> = [
  [/集成电路/, 'ic'],
  [/生物医药|生物药/, 'biomed'],
  [/开放创新平台/, 'open-platform'],
  [/智能制造/, 'smart-manufacturing'],
  [/试验区/, 'pilot-zone'],
  [/产业链/, 'industry-chain'],
  [/人工智能/, 'ai'],
];

interface Candidate {
  readonly source: string;
  readonly document: ImportedDocument;
  readonly yaml: string;
  readonly warnings: string[];
  readonly group?: string;
  readonly fingerprint: Set<string>;
  readonly size: number;
}

function clausesOf(document: ImportedDocument): ImportedClause[] {
  return document.chapters ? document.chapters.flatMap((c) => [...c.clauses]) : [...(document.clauses ?? [])];
}

/** Character bigrams of the clause text, punctuation and spacing aside. */
function fingerprintOf(document: ImportedDocument): { set: Set<string>; size: number } {
  const text = analysisCopy(clausesOf(document).map((c) => c.text).join('')).replace(/[\s\p{P}]/gu, '');
  const set = new Set<string>();
  for (let i = 0; i + 1 < text.length; i++) set.add(text.slice(i, i + 2));
  return { set, size: text.length };
}

function overlap(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / Math.max(1, Math.min(a.size, b.size));
}

function metadataScore(d: ImportedDocument): number {
  return (d.docNumber ? 4 : 0) + (d.issuer ? 2 : 0) + (d.status ? 1 : 0) + (d.level ? 1 : 0);
}

/** The better copy: fuller text (by more than 2 %), else more metadata, else the earlier source. */
function better(a: Candidate, b: Candidate): Candidate {
  if (Math.abs(a.size - b.size) > 0.02 * Math.max(a.size, b.size)) return a.size > b.size ? a : b;
  return metadataScore(b.document) > metadataScore(a.document) ? b : a;
}

function yearOf(d: ImportedDocument, text: string): string {
  const explicit = d.effective?.slice(0, 4) ?? /〔(\d{4})〕/.exec(d.docNumber ?? '')?.[1];
  if (explicit) return explicit;
  // Not stated: the latest year among the documents it cites (〔2019〕12号) and the dates it gives
  // (2019年5月, but not targets such as 到2022年), which the document cannot predate.
  const cited = [...text.matchAll(/[〔[]\s*(20\d\d)\s*[〕\]]/g)].map((m) => Number(m[1]));
  const dated = [...text.matchAll(/(?<![到至前])\s*(20\d\d)\s*年\s*\d{1,2}\s*月/g)].map((m) => Number(m[1]));
  const years = [...cited, ...dated].filter((y) => y <= 2025);
  return years.length > 0 ? String(Math.max(...years)) : 'undated';
}

function slugOf(c: Candidate, text: string, withTopic: boolean): string {
  const d = c.document;
  const city = CITY_SLUG[d.city] ?? 'city';
  const kind = KIND_SLUG.find(([p]) => p.test(d.policy))?.[1] ?? 'policy';
  const topic = withTopic ? TOPIC_SLUG.find(([p]) => p.test(d.policy))?.[1] : undefined;
  return [city, yearOf(d, text), topic, kind].filter(Boolean).join('-');
}

export interface CorpusEntry {
  readonly id: string;
  readonly city: string;
  readonly title: string;
  readonly source: string;
  readonly clauses: number;
  readonly status?: string;
}

export interface BuiltCorpus {
  /** File name (`<id>.policy.yaml`, then `index.json`) → content. */
  readonly files: ReadonlyMap<string, string>;
  readonly index: readonly CorpusEntry[];
  /** Documents found twice, with the copy kept. */
  readonly duplicates: readonly string[];
  readonly warnings: ReadonlyArray<{ source: string; warnings: readonly string[] }>;
}

/** The corpus the seed texts in `seeds` make, in memory. */
export function buildCorpus(seeds: string): BuiltCorpus {
  const files = fs.readdirSync(seeds).filter((f) => f.endsWith('.txt')).sort();
  const kept: Array<Candidate & { text: string }> = [];
  const dropped: string[] = [];
  for (const file of files) {
    const raw = fs.readFileSync(path.join(seeds, file), 'utf8');
    for (const part of splitDocuments(raw)) {
      const source = `${file}:${part.line + 1}`;
      const result = importPolicyText(part.text, { sourceName: `seeds/${source}`, title: part.title, levelHint: part.levelHint });
      let { document } = result;
      let yaml = result.yaml;
      // A compilation lists a document under its pilot-zone city: the fallback when the text names none.
      if (!document.city && part.group) {
        const again = importPolicyText(part.text, { sourceName: `seeds/${source}`, title: part.title, levelHint: part.levelHint, city: part.group });
        document = again.document;
        yaml = again.yaml;
      }
      const { set, size } = fingerprintOf(document);
      const candidate = { source, document, yaml, warnings: result.warnings, group: part.group, fingerprint: set, size, text: part.text };
      const twin = kept.findIndex((k) => overlap(k.fingerprint, set) >= 0.8);
      if (twin < 0) {
        kept.push(candidate);
        continue;
      }
      const winner = better(kept[twin], candidate) as typeof candidate;
      const loser = winner === candidate ? kept[twin] : candidate;
      dropped.push(`${loser.source} ${loser.document.policy} (same as ${winner.source})`);
      kept[twin] = winner;
    }
  }

  // Ids: city-year-kind, with a topic where that is not unique, and a counter as the last resort.
  // A topic is added for every document of a city that shares its kind with another (苏州 has AI and
  // IC 若干措施), so that ids do not depend on how the years of two such documents compare.
  const cityKind = kept.map((k) => `${k.document.city}/${KIND_SLUG.find(([p]) => p.test(k.document.policy))?.[1]}`);
  const ids = kept.map((k, i) => slugOf(k, k.text, cityKind.filter((ck) => ck === cityKind[i]).length > 1));
  ids.forEach((id, i) => {
    const same = ids.slice(0, i).filter((x) => x === id).length;
    if (same > 0) ids[i] = `${id}-${same + 1}`;
  });

  const out = new Map<string, string>();
  const index: CorpusEntry[] = kept.map((k, i) => {
    out.set(`${ids[i]}.policy.yaml`, k.yaml);
    return {
      id: ids[i],
      city: k.document.city,
      title: k.document.policy,
      source: k.source,
      clauses: clausesOf(k.document).length,
      ...(k.document.status ? { status: k.document.status } : {}),
    };
  });
  out.set('index.json', `${JSON.stringify(index, null, 2)}\n`);
  return { files: out, index, duplicates: dropped, warnings: kept.filter((k) => k.warnings.length > 0).map((k) => ({ source: k.source, warnings: k.warnings })) };
}

function main(): void {
  const seeds = process.argv[2] ?? process.env.POLICY_SEEDS ?? '/work/shared/seeds';
  const built = buildCorpus(seeds);
  fs.mkdirSync(CORPUS, { recursive: true });
  for (const stale of fs.readdirSync(CORPUS).filter((f) => f.endsWith('.policy.yaml'))) fs.unlinkSync(path.join(CORPUS, stale));
  for (const [name, content] of built.files) fs.writeFileSync(path.join(CORPUS, name), content);
  const rows = built.index.map((e, i) => `${String(i + 1).padStart(2)}  ${e.id.padEnd(44)} ${e.city.padEnd(8, '　')} ${String(e.clauses).padStart(4)}  ${e.source.padEnd(34)} ${e.title}`);
  console.log(rows.join('\n'));
  console.log(`\n${built.index.length} documents written to ${path.relative(process.cwd(), CORPUS) || '.'}`);
  if (built.duplicates.length > 0) console.log(`\nDuplicates kept once:\n  ${built.duplicates.join('\n  ')}`);
  if (built.warnings.length > 0 && process.env.VERBOSE) {
    console.log('\nWarnings:');
    for (const k of built.warnings) console.log(`  ${k.source}: ${k.warnings.join('; ')}`);
  }
}

if (require.main === module) main();
