/**
 * Evaluation of the precedent engine and of the importer against hand labels (issue 3, item 7).
 *
 *   npm run eval        (= npm run build && node out/bench/eval.js)
 *
 * 1. Precedents: every query in test/eval/precedentQueries.json (a corpus clause) is run through the
 *    engine with its own city excluded ({ city }), and through a plain character-bigram TF-IDF
 *    cosine baseline (bench/baseline.ts) over the same candidate clauses. Prints hit@5, MRR@10 and
 *    recall@10, per measure and overall, and the queries each method misses.
 * 2. Import: for every clause in test/eval/importLabels.json, compares the departments (lead and
 *    support, exact sets) and the caps (exact set of amounts in 元) that the imported corpus YAML
 *    holds with the hand labels.
 *
 * Writes the tables to bench/EVAL.md.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createPolicyLanguageService } from '../server/src/core';
import type { Clause, PrecedentIndex } from '../server/src/core';
import { buildPrecedentIndex, DEFAULT_WEIGHTS } from '../server/src/core/precedents/precedentIndex';
import { buildBaselineIndex, type BaselineEntry } from './baseline';

const ROOT = path.resolve(__dirname, '..', __dirname.includes(`${path.sep}out${path.sep}`) ? '..' : '');
const CORPUS = path.join(ROOT, 'corpus');
const COMMAND = 'npm run eval   # = npm run build && node out/bench/eval.js';

export interface PrecedentLabel {
  readonly query: string;
  readonly relevant: readonly string[];
  readonly measure: string;
}

export interface ImportLabel {
  readonly clause: string;
  readonly lead: readonly string[];
  readonly support: readonly string[];
  readonly caps: readonly number[];
  readonly note?: string;
}

export function loadCorpusIndex(root = ROOT): PrecedentIndex {
  const dir = path.join(root, 'corpus');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.policy.yaml')).sort();
  const service = createPolicyLanguageService({
    corpus: () => files.map((f) => ({ id: f.replace(/\.policy\.yaml$/, ''), text: fs.readFileSync(path.join(dir, f), 'utf8') })),
  });
  return service.corpus();
}

export function loadPrecedentLabels(root = ROOT): PrecedentLabel[] {
  return JSON.parse(fs.readFileSync(path.join(root, 'test', 'eval', 'precedentQueries.json'), 'utf8')) as PrecedentLabel[];
}

export function loadImportLabels(root = ROOT): ImportLabel[] {
  return (JSON.parse(fs.readFileSync(path.join(root, 'test', 'eval', 'importLabels.json'), 'utf8')) as { labels: ImportLabel[] }).labels;
}

interface Ranked {
  readonly ids: readonly string[];
}

interface Scores {
  hit5: number;
  mrr: number;
  recall10: number;
  precision10: number;
}

function score(ranked: Ranked, relevant: readonly string[]): Scores & { firstRank?: number } {
  const rel = new Set(relevant);
  const top10 = ranked.ids.slice(0, 10);
  const firstIndex = top10.findIndex((id) => rel.has(id));
  const found = top10.filter((id) => rel.has(id)).length;
  return {
    hit5: firstIndex >= 0 && firstIndex < 5 ? 1 : 0,
    mrr: firstIndex >= 0 ? 1 / (firstIndex + 1) : 0,
    recall10: rel.size ? found / rel.size : 0,
    precision10: found / 10,
    firstRank: firstIndex >= 0 ? firstIndex + 1 : undefined,
  };
}

function mean(values: readonly number[]): number {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
}

const f3 = (x: number): string => x.toFixed(3);
const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;

function cityOf(id: string): string {
  return id.slice(0, id.indexOf('/'));
}

function main(): void {
  const out: string[] = [];
  const say = (line = ''): void => {
    console.log(line);
    out.push(line);
  };
  const index = loadCorpusIndex();
  const labels = loadPrecedentLabels();

  // The baseline indexes exactly the engine's candidates: measure clauses with text.
  const entries: BaselineEntry[] = [];
  for (const document of index.documents) {
    const city = document.document.city?.value ?? '';
    for (const clause of document.document.clauses) {
      if (!clause.text || clause.kind !== 'measure' || clause.id?.value === undefined) continue;
      entries.push({ id: `${city}/${document.id}#${clause.id.value}`, city, text: clause.text.value });
    }
  }
  const baseline = buildBaselineIndex(entries);

  // Ablations: the same engine without measure concepts, and without single characters.
  const noConcepts = buildPrecedentIndex(index.documents, { ...DEFAULT_WEIGHTS, measure: 0, topic: 0 });
  const noUnigrams = buildPrecedentIndex(index.documents, { ...DEFAULT_WEIGHTS, unigram: 0 });
  type Method = 'engine' | 'engineDefault' | 'noConcepts' | 'noUnigrams' | 'baseline';
  const methods: readonly Method[] = ['engine', 'engineDefault', 'noConcepts', 'noUnigrams', 'baseline'];
  const names: Record<Method, string> = {
    engine: 'engine (minScore 0)',
    engineDefault: 'engine (default minScore 0.1)',
    noConcepts: 'engine without measure concepts',
    noUnigrams: 'engine without single characters',
    baseline: 'baseline bigram TF-IDF',
  };
  const perQuery: { label: PrecedentLabel; results: Record<Method, ReturnType<typeof score> & { ids: readonly string[] }> }[] = [];
  for (const label of labels) {
    const hit = index.resolve(label.query);
    if (!hit) throw new Error(`query ${label.query} does not resolve`);
    const clause: Clause = hit.clause;
    const city = cityOf(label.query);
    const engineIds = index.query(clause, { city, top: 10, minScore: 0, excerpts: false }).precedents.map((p) => p.id);
    const defaultIds = index.query(clause, { city, top: 10, excerpts: false }).precedents.map((p) => p.id);
    const ablated = (i: PrecedentIndex): string[] => i.query(clause, { city, top: 10, minScore: 0, excerpts: false }).precedents.map((p) => p.id);
    const baselineIds = baseline.query(clause.text?.value ?? '', { city, top: 10 }).map((h) => h.id);
    const r = (ids: readonly string[]) => ({ ...score({ ids }, label.relevant), ids });
    perQuery.push({ label, results: { engine: r(engineIds), engineDefault: r(defaultIds), noConcepts: r(ablated(noConcepts)), noUnigrams: r(ablated(noUnigrams)), baseline: r(baselineIds) } });
  }

  const summary = (rows: typeof perQuery, m: Method): Scores => ({
    hit5: mean(rows.map((q) => q.results[m].hit5)),
    mrr: mean(rows.map((q) => q.results[m].mrr)),
    recall10: mean(rows.map((q) => q.results[m].recall10)),
    precision10: mean(rows.map((q) => q.results[m].precision10)),
  });

  say('# Evaluation: precedent search and import');
  say();
  say('Generated by `bench/eval.ts`. Command:');
  say();
  say('```');
  say(COMMAND);
  say('```');
  say();
  say(`Corpus: ${index.documents.length} documents, ${index.clauseCount} measure clauses indexed, ${index.cities.length} cities.`);
  say();
  say(`## Precedents (${labels.length} labelled queries, ${new Set(labels.map((l) => l.measure)).size} measures)`);
  say();
  say('Each query is a corpus clause; relevant = hand-labelled clauses of *other* cities with the same measure.');
  say('The query\'s own city is excluded (`query(clause, { city })`). MRR is over the top 10 (0 when no relevant clause is in the top 10).');
  const meanRelevant = mean(labels.map((l) => l.relevant.length));
  say(`Relevant sets average ${meanRelevant.toFixed(1)} clauses, so recall@10 cannot reach 1; precision@10 is the share of the top 10 that is relevant.`);
  say();
  say('| method | hit@5 | MRR | recall@10 | precision@10 |');
  say('|---|---:|---:|---:|---:|');
  for (const m of methods) {
    const s = summary(perQuery, m);
    say(`| ${names[m]} | ${f3(s.hit5)} | ${f3(s.mrr)} | ${f3(s.recall10)} | ${f3(s.precision10)} |`);
  }
  say();
  say('### Per measure (engine minScore 0 vs baseline)');
  say();
  say('| measure | queries | engine hit@5 | baseline hit@5 | engine MRR | baseline MRR | engine recall@10 | baseline recall@10 |');
  say('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const measure of [...new Set(labels.map((l) => l.measure))]) {
    const rows = perQuery.filter((q) => q.label.measure === measure);
    const e = summary(rows, 'engine');
    const b = summary(rows, 'baseline');
    say(`| ${measure} | ${rows.length} | ${f3(e.hit5)} | ${f3(b.hit5)} | ${f3(e.mrr)} | ${f3(b.mrr)} | ${f3(e.recall10)} | ${f3(b.recall10)} |`);
  }
  say();
  say('### Per-query misses (no relevant clause in the top 5)');
  say();
  for (const m of ['engine', 'baseline'] as const) {
    const misses = perQuery.filter((q) => q.results[m].hit5 === 0);
    say(`**${names[m]}: ${misses.length} of ${perQuery.length} queries missed**`);
    say();
    for (const q of misses) {
      const r = q.results[m];
      const rank = r.firstRank ? `first relevant at rank ${r.firstRank}` : 'no relevant in top 10';
      say(`- \`${q.label.query}\` (${q.label.measure}; ${rank}); top 3: ${r.ids.slice(0, 3).map((id) => `\`${id}\``).join(', ') || '(none)'}`);
    }
    say();
  }

  // ---- Import accuracy ----
  const importLabels = loadImportLabels();
  let leadOk = 0;
  let deptOk = 0;
  let capOk = 0;
  const deptMismatches: string[] = [];
  const capMismatches: string[] = [];
  const setEq = <T>(a: readonly T[], b: readonly T[]): boolean => {
    const sa = new Set(a);
    const sb = new Set(b);
    return sa.size === sb.size && [...sa].every((x) => sb.has(x));
  };
  const fmt = (xs: readonly (string | number)[]): string => `[${[...new Set(xs)].join(', ')}]`;
  for (const label of importLabels) {
    const hit = index.resolve(label.clause);
    if (!hit) throw new Error(`import label ${label.clause} does not resolve`);
    const clause = hit.clause;
    let lead: string[];
    let support: string[];
    let source: string;
    if (clause.departments) {
      lead = clause.departments.lead.map((d) => d.name);
      support = clause.departments.support.map((d) => d.name);
      source = 'departments';
    } else {
      lead = clause.facts.departmentMarkers.flatMap((m) => m.lead.map((d) => d.name));
      support = clause.facts.departmentMarkers.flatMap((m) => m.support.map((d) => d.name));
      source = 'text marker';
    }
    const caps = clause.caps.map((c) => c.max?.value).filter((v): v is number => v !== undefined);
    const leadMatch = setEq(lead, label.lead);
    const deptMatch = leadMatch && setEq(support, label.support);
    if (leadMatch) leadOk++;
    if (deptMatch) deptOk++;
    else deptMismatches.push(`- \`${label.clause}\` (${source}): expected lead ${fmt(label.lead)} support ${fmt(label.support)}; got lead ${fmt(lead)} support ${fmt(support)}`);
    if (setEq(caps, label.caps)) capOk++;
    else {
      const missing = [...new Set(label.caps)].filter((x) => !caps.includes(x));
      const extra = [...new Set(caps)].filter((x) => !label.caps.includes(x));
      capMismatches.push(`- \`${label.clause}\`: expected ${fmt(label.caps)}; got ${fmt(caps)} (missing ${fmt(missing)}, extra ${fmt(extra)})${label.note ? ` — label note: ${label.note}` : ''}`);
    }
  }
  const n = importLabels.length;
  say(`## Import (${n} hand-labelled clauses from seeds 001 and 003)`);
  say();
  say('Compared with what the imported corpus YAML holds (`departments` lead/support, `caps[].max`); exact set match per clause.');
  say();
  say('| check | correct | accuracy |');
  say('|---|---:|---:|');
  say(`| lead department | ${leadOk}/${n} | ${pct(leadOk / n)} |`);
  say(`| departments (lead and support) | ${deptOk}/${n} | ${pct(deptOk / n)} |`);
  say(`| caps (set of amounts in 元) | ${capOk}/${n} | ${pct(capOk / n)} |`);
  say();
  say(`### Department mismatches (${deptMismatches.length})`);
  say();
  for (const line of deptMismatches) say(line);
  say();
  say(`### Cap mismatches (${capMismatches.length})`);
  say();
  for (const line of capMismatches) say(line);
  fs.writeFileSync(path.join(ROOT, 'bench', 'EVAL.md'), out.join('\n') + '\n');
}

if (require.main === module) main();
