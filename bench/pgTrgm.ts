/**
 * The precedent library on PostgreSQL + pg_trgm, measured against the in-memory engine on the same
 * synthetic corpus (bench/syntheticCorpus.ts, seed 2026, as bench/precedentScale.ts) and the same 300
 * drafts (seed 7): load (COPY), index builds (GIN and GiST gin_trgm_ops / gist_trgm_ops on the
 * comparable wording), size on disk, query latency, the server's memory, and how often its top 5
 * agrees with the in-memory engine's top 5 — alone, and as the candidate source for an exact
 * re-ranking with our own terms and weights in process.
 *
 *   npx tsc -p . && node out/bench/pgTrgm.js [size …]      (default 100000 1000000)
 *
 * It talks to a running server through `psql` and the usual libpq variables (PGHOST, PGPORT, PGUSER);
 * it creates (and at the end drops) the database policy_lint_trgm with a UTF-8 ctype, since under
 * ctype C pg_trgm sees no word characters in Chinese. Without psql or a server it prints one line and
 * exits 0. Not part of npm test or npm run bench; writes the pg-trgm section of bench/RESULTS.md.
 */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { textTerms } from '../server/src/core/precedents/precedentIndex';
import { DEFAULT_WEIGHTS, termBoost } from '../server/src/core/precedents/search';
import { comparableWording } from '../server/src/core/precedents/terms';
import type { TermKey } from '../server/src/core/precedents/terms';
import { machine, writeSection } from './lspReport';
import { addInParallel, buildSyntheticSearch } from './parallelTerms';
import { baseClauses, quantile } from './precedentScale';
import { syntheticClause } from './syntheticCorpus';
import type { BaseClause, SyntheticClause } from './syntheticCorpus';

const SEED = 2026;
const QUERY_SEED = 7;
const QUERIES = 300;
const TOP = 5;
const MIN_SCORE = 0.1;
const DEFAULT_SIZES = [100_000, 1_000_000];
const DATABASE = process.env.PGTRGM_DATABASE ?? 'policy_lint_trgm';
/** Thresholds tried for `wording % $1` (pg_trgm.similarity_threshold). */
const THRESHOLDS = [0.5, 0.4, 0.3];
/** Candidates fetched from pg_trgm for the in-process re-ranking. */
const CANDIDATES = [20, 50];
/** The threshold for the candidate queries. */
const CANDIDATE_THRESHOLD = 0.3;
/**
 * gist_trgm_ops signature lengths in bytes (default 12, at most 2024) tried up to 100k clauses; the
 * last one also at larger sizes, and as a candidate source for the re-ranking.
 */
const GIST_SIGLENS = (process.env.PGTRGM_SIGLENS ?? '64,256,1024,2024').split(',').map(Number);
const GIST_CANDIDATES = 50;
/** Clauses added to the indexed table afterwards (an office publishing new policies). */
const UPDATE_ROWS = 1000;

const sortedTimes = (times: readonly number[]): number[] => [...times].sort((a, b) => a - b);

// ---------------------------------------------------------------------------------------------
// psql

const PSQL = process.env.PSQL ?? 'psql';
const psqlArgs = (database: string): string[] => ['-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-d', database];

/** One statement through a psql of its own; throws with psql's message. */
function psqlOnce(database: string, sql: string, stdin?: number): string {
  const run = spawnSync(PSQL, [...psqlArgs(database), '-c', sql], { encoding: 'utf8', stdio: [stdin ?? 'ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });
  if (run.error) throw run.error;
  if (run.status !== 0) throw new Error(`psql: ${sql.slice(0, 120)}: ${run.stderr.trim()}`);
  return run.stdout.trim();
}

const literal = (s: string): string => `'${s.replace(/'/g, "''")}'`;

const MARK = '__policy_lint_done__';

/** A psql kept open (one backend): statements in, output up to a marker out. */
class Session {
  private readonly proc: ChildProcessWithoutNullStreams;
  private lines: string[] = [];
  private partial = '';
  private stderr = '';
  private waiting: { resolve: (out: string) => void; reject: (e: Error) => void } | undefined;
  private exited: Error | undefined;

  constructor(database: string) {
    this.proc = spawn(PSQL, psqlArgs(database), { stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stdout.setEncoding('utf8');
    this.proc.stdout.on('data', (chunk: string) => {
      const parts = (this.partial + chunk).split('\n');
      this.partial = parts.pop()!;
      for (const line of parts) {
        if (line === MARK) {
          const out = this.lines.join('\n');
          this.lines = [];
          const waiting = this.waiting;
          this.waiting = undefined;
          waiting?.resolve(out);
        } else this.lines.push(line);
      }
    });
    this.proc.stderr.setEncoding('utf8');
    this.proc.stderr.on('data', (chunk: string) => { this.stderr += chunk; });
    this.proc.on('exit', (code) => {
      this.exited = new Error(`psql exited (${code}): ${this.stderr.trim()}`);
      this.waiting?.reject(this.exited);
      this.waiting = undefined;
    });
  }

  /** Runs `sql` (one or more statements, each ending in ;) and returns what it printed. */
  run(sql: string): Promise<string> {
    if (this.exited) return Promise.reject(this.exited);
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.proc.stdin.write(`${sql}\n\\echo ${MARK}\n`);
    });
  }

  async close(): Promise<void> {
    if (this.exited) return;
    const done = new Promise<void>((resolve) => this.proc.on('exit', () => resolve()));
    this.proc.stdin.end('\\q\n');
    await done;
  }
}

/** Why the bench cannot run here, or undefined when psql reaches a server with pg_trgm. */
function unavailable(): string | undefined {
  const version = spawnSync(PSQL, ['--version'], { encoding: 'utf8' });
  if (version.error || version.status !== 0) return 'psql not found (apt-get install postgresql postgresql-contrib, start a server, set PGHOST/PGPORT/PGUSER)';
  const ping = spawnSync(PSQL, [...psqlArgs(process.env.PGDATABASE ?? 'postgres'), '-c', 'SELECT 1'], { encoding: 'utf8' });
  if (ping.status !== 0) return `no PostgreSQL server reachable (${(ping.stderr || '').trim().split('\n')[0]})`;
  const trgm = spawnSync(PSQL, [...psqlArgs(process.env.PGDATABASE ?? 'postgres'), '-c', "SELECT count(*) FROM pg_available_extensions WHERE name = 'pg_trgm'"], { encoding: 'utf8' });
  if (trgm.status !== 0 || trgm.stdout.trim() !== '1') return 'the pg_trgm extension is not installed (postgresql-contrib)';
  return undefined;
}

/**
 * A fresh database whose ctype makes CJK characters word characters (pg_trgm takes trigrams of
 * "words" only: under ctype C, show_trgm('支持企业上市融资') is empty). Returns the ctype that works
 * and what ctype C gave.
 */
function createDatabase(): { ctype: string; trigrams: string; underC: string } {
  const admin = process.env.PGDATABASE ?? 'postgres';
  psqlOnce(admin, `DROP DATABASE IF EXISTS ${DATABASE}`);
  psqlOnce(admin, `CREATE DATABASE ${DATABASE}_c TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`);
  let underC: string;
  try {
    psqlOnce(`${DATABASE}_c`, 'CREATE EXTENSION pg_trgm');
    underC = psqlOnce(`${DATABASE}_c`, "SELECT show_trgm('支持企业上市融资')");
  } finally {
    psqlOnce(admin, `DROP DATABASE ${DATABASE}_c`);
  }
  for (const ctype of ['C.UTF-8', 'C.utf8', 'en_US.UTF-8', 'zh_CN.UTF-8']) {
    try {
      psqlOnce(admin, `CREATE DATABASE ${DATABASE} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE '${ctype}'`);
    } catch {
      continue;
    }
    psqlOnce(DATABASE, 'CREATE EXTENSION pg_trgm');
    const trigrams = psqlOnce(DATABASE, "SELECT show_trgm('支持企业上市融资')");
    if (trigrams !== '{}') return { ctype, trigrams, underC };
    psqlOnce(admin, `DROP DATABASE ${DATABASE}`);
  }
  throw new Error('no UTF-8 ctype available under which pg_trgm takes trigrams of Chinese text');
}

// ---------------------------------------------------------------------------------------------
// Server memory (/proc; only when the server runs on this machine and we may read it)

interface ServerMemory {
  readonly processes: number;
  /** Proportional set size of the postmaster and all its children (shared memory counted once). */
  readonly pssMb: number;
  /** Peak RSS of one backend (includes the shared buffers it touched). */
  readonly backendPeakMb: number;
}

function procStatus(pid: number, field: string): number {
  const match = fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'));
  return match ? Number(match[1]) / 1024 : NaN;
}

function parentOf(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
}

function serverMemory(backendPid: number): ServerMemory | undefined {
  try {
    const postmaster = parentOf(backendPid);
    const pids = [postmaster];
    for (const entry of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        if (parentOf(Number(entry)) === postmaster) pids.push(Number(entry));
      } catch { /* gone */ }
    }
    let pss = 0;
    for (const pid of pids) {
      try {
        const match = fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8').match(/^Pss:\s+(\d+) kB/m);
        if (match) pss += Number(match[1]) / 1024;
      } catch { /* gone */ }
    }
    const backendPeakMb = procStatus(backendPid, 'VmHWM');
    if (!pss || !Number.isFinite(backendPeakMb)) return undefined;
    return { processes: pids.length, pssMb: pss, backendPeakMb };
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// The in-memory engine (a child process, so its peak RSS is its own) and the exact re-ranking

interface MemoryRun {
  readonly buildSeconds: number;
  readonly queryP50: number;
  readonly queryP99: number;
  readonly peakRssMb: number;
  readonly provenShare: number;
  readonly threads: number;
  readonly top: ReadonlyArray<ReadonlyArray<{ doc: number; score: number }>>;
}

interface Draft {
  readonly clause: SyntheticClause;
  readonly wording: string;
  readonly terms: Map<TermKey, number>;
}

function drafts(base: readonly BaseClause[]): Draft[] {
  return Array.from({ length: QUERIES }, (_, i) => {
    const clause = syntheticClause(base, i, QUERY_SEED);
    return { clause, wording: comparableWording(clause.text), terms: textTerms(clause.text, clause.title) };
  });
}

async function memoryChild(size: number): Promise<void> {
  const base = baseClauses();
  const threads = os.availableParallelism();
  const started = performance.now();
  const search = await buildSyntheticSearch(base, size, SEED, threads);
  const buildSeconds = (performance.now() - started) / 1000;
  const queries = drafts(base);
  let proven = 0;
  let top: MemoryRun['top'] = [];
  const run = (): number[] => {
    proven = 0;
    const times: number[] = [];
    top = queries.map((d) => {
      const t0 = performance.now();
      const hits = search.search(d.terms, { top: TOP, minScore: MIN_SCORE, city: d.clause.city });
      times.push(performance.now() - t0);
      if (search.lastSearch.exact) proven++;
      return hits.others.map((h) => ({ doc: h.doc, score: h.score }));
    });
    return sortedTimes(times);
  };
  run(); // warm-up
  const times = run();
  const result: MemoryRun = {
    buildSeconds, queryP50: quantile(times, 0.5), queryP99: quantile(times, 0.99), peakRssMb: process.resourceUsage().maxRSS / 1024,
    provenShare: proven / queries.length, threads, top,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

function runMemory(size: number): MemoryRun {
  const child = spawnSync(process.execPath, ['--max-old-space-size=4096', __filename, '--memory', String(size)], { encoding: 'utf8', maxBuffer: 16 << 20 });
  if (child.status !== 0) throw new Error(`in-memory engine at ${size} failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as MemoryRun;
}

const TF_WEIGHT = (count: number): number => 1 + Math.log(Math.max(1, Math.min(255, Math.round(count))));

/**
 * The in-memory engine's cosine, computed from document frequencies alone (what a re-ranker next to
 * a shared library keeps in process: one number a term): w(t, d) = (1 + ln tf) · ln(1 + N / df) · boost.
 */
class Reranker {
  private readonly boost = termBoost(DEFAULT_WEIGHTS);

  constructor(private readonly df: ReadonlyMap<TermKey, number>, private readonly n: number) {}

  static async count(base: readonly BaseClause[], size: number): Promise<Reranker> {
    const df = new Map<TermKey, number>();
    await addInParallel(base, size, SEED, (_city, _inForce, keys, counts, from, to) => {
      for (let i = from; i < to; i++) if (counts[i] > 0) df.set(keys[i], (df.get(keys[i]) ?? 0) + 1);
    }, Math.max(1, os.availableParallelism()));
    return new Reranker(df, size);
  }

  get vocabulary(): number {
    return this.df.size;
  }

  private weight(term: TermKey): number {
    const df = this.df.get(term);
    return (df === undefined ? Math.log(1 + this.n / 0.5) : Math.log(1 + this.n / df)) * this.boost(term);
  }

  query(terms: ReadonlyMap<TermKey, number>): Map<TermKey, number> {
    const weights = new Map<TermKey, number>();
    let norm = 0;
    for (const [term, count] of terms) {
      if (count <= 0) continue;
      const w = (1 + Math.log(count)) * this.weight(term);
      norm += w * w;
      if (this.df.has(term)) weights.set(term, w);
    }
    norm = Math.sqrt(norm) || 1;
    for (const [term, w] of weights) weights.set(term, w / norm);
    return weights;
  }

  /**
   * The exact top 5 of every draft by brute force: every clause of the corpus scored by our cosine
   * (terms made on worker threads, in clause order), other cities only, score ≥ MIN_SCORE, ties by
   * clause number — what the in-memory engine would return without pruning.
   */
  async exactTop(base: readonly BaseClause[], size: number, queries: readonly Draft[]): Promise<Array<Array<{ doc: number; score: number }>>> {
    const postings = new Map<TermKey, Array<[number, number]>>();
    queries.forEach((d, q) => {
      for (const [term, w] of this.query(d.terms)) {
        let list = postings.get(term);
        if (!list) postings.set(term, (list = []));
        list.push([q, w]);
      }
    });
    const lists = new Map<TermKey, { qs: Int32Array; ws: Float64Array }>();
    for (const [term, list] of postings) lists.set(term, { qs: Int32Array.from(list, (e) => e[0]), ws: Float64Array.from(list, (e) => e[1]) });
    const top = queries.map(() => [] as Array<{ doc: number; score: number }>);
    const dots = new Float64Array(queries.length);
    const touched: number[] = [];
    let doc = 0;
    await addInParallel(base, size, SEED, (city, _inForce, keys, counts, from, to) => {
      let norm = 0;
      for (let i = from; i < to; i++) {
        if (counts[i] <= 0) continue;
        const w = TF_WEIGHT(counts[i]) * this.weight(keys[i]);
        norm += w * w;
        const list = lists.get(keys[i]);
        if (!list) continue;
        for (let j = 0; j < list.qs.length; j++) {
          const q = list.qs[j];
          if (dots[q] === 0) touched.push(q);
          dots[q] += list.ws[j] * w;
        }
      }
      norm = Math.sqrt(norm) || 1;
      for (const q of touched) {
        const score = dots[q] / norm;
        dots[q] = 0;
        if (score < MIN_SCORE || score <= 0 || city === queries[q].clause.city) continue;
        const best = top[q];
        if (best.length === TOP && score <= best[TOP - 1].score) continue;
        let at = best.length;
        while (at > 0 && best[at - 1].score < score) at--;
        best.splice(at, 0, { doc, score });
        if (best.length > TOP) best.pop();
      }
      touched.length = 0;
      doc++;
    }, Math.max(1, os.availableParallelism()));
    return top;
  }

  score(query: ReadonlyMap<TermKey, number>, doc: ReadonlyMap<TermKey, number>): number {
    let dot = 0;
    let norm = 0;
    for (const [term, count] of doc) {
      if (count <= 0) continue;
      const w = TF_WEIGHT(count) * this.weight(term);
      norm += w * w;
      const q = query.get(term);
      if (q !== undefined) dot += q * w;
    }
    return dot / (Math.sqrt(norm) || 1);
  }
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL

const copyField = (s: string): string => s.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));

/** Clauses from … to − 1 as COPY text rows in a file; returns its size in bytes. */
function writeCopyFile(file: string, base: readonly BaseClause[], from: number, to: number): number {
  const fd = fs.openSync(file, 'w');
  let bytes = 0;
  let chunk: string[] = [];
  const flush = (): void => {
    const buffer = Buffer.from(chunk.join(''), 'utf8');
    fs.writeSync(fd, buffer);
    bytes += buffer.length;
    chunk = [];
  };
  for (let i = from; i < to; i++) {
    const c = syntheticClause(base, i, SEED);
    chunk.push(`${i}\t${copyField(c.city)}\t${c.inForce ? 't' : 'f'}\t${copyField(c.title)}\t${copyField(c.text)}\t${copyField(comparableWording(c.text))}\n`);
    if (chunk.length === 5000) flush();
  }
  flush();
  fs.closeSync(fd);
  return bytes;
}

function copyIn(file: string): number {
  const fd = fs.openSync(file, 'r');
  const t0 = performance.now();
  try {
    psqlOnce(DATABASE, 'COPY clauses (id, city, in_force, title, text, wording) FROM STDIN', fd);
  } finally {
    fs.closeSync(fd);
  }
  return (performance.now() - t0) / 1000;
}

async function timed(session: Session, sql: string): Promise<number> {
  const t0 = performance.now();
  await session.run(sql);
  return (performance.now() - t0) / 1000;
}

interface Method {
  readonly name: string;
  readonly p50: number;
  readonly p99: number;
  /** Queries that got a full top 5. */
  readonly full: number;
  /** Share of the in-memory top 5 (by clause id) in this method's top 5. */
  readonly agreement: number;
  /**
   * The same with ties counted: a result scoring (by our cosine) at least the in-memory 5th is as
   * good as the in-memory result it displaces (near-copies in many cities tie; which of them is
   * listed is arbitrary).
   */
  readonly asGood: number;
  /** The same against the exact top 5 (brute force over every clause with our cosine); absent in results saved before it was measured. */
  readonly asGoodExact?: number;
  /** Results outside the in-memory top 5 that score strictly above its 5th (the in-memory search is pruned). */
  readonly better: number;
  /** Share of the in-memory top 5 among the candidates (re-ranking only). */
  readonly recall?: number;
}

/** What a method returned for each draft, judged against the in-memory top 5 by our own cosine. */
class Judge {
  constructor(
    private readonly base: readonly BaseClause[], private readonly queries: readonly Draft[], private readonly memory: MemoryRun,
    private readonly exact: ReadonlyArray<ReadonlyArray<{ doc: number; score: number }>>, private readonly reranker: Reranker,
  ) {}

  judge(name: string, times: readonly number[], results: ReadonlyArray<readonly number[]>, recall?: number): Method {
    let shared = 0;
    let wanted = 0;
    let better = 0;
    const good = { memory: 0, exact: 0, wantedExact: 0 };
    this.queries.forEach((d, q) => {
      const got = results[q];
      const truth = this.memory.top[q];
      const ids = new Set(got);
      shared += truth.filter((h) => ids.has(h.doc)).length;
      wanted += truth.length;
      const exact = this.exact[q];
      good.wantedExact += exact.length;
      const vector = this.reranker.query(d.terms);
      const scores = got.map((id) => {
        const c = syntheticClause(this.base, id, SEED);
        return this.reranker.score(vector, textTerms(c.text, c.title));
      });
      if (truth.length > 0) {
        const known = new Set(truth.map((h) => h.doc));
        const last = truth[truth.length - 1].score;
        good.memory += Math.min(truth.length, scores.filter((s) => s >= last - 1e-9).length);
        if (truth.length >= TOP) better += got.filter((id, i) => !known.has(id) && scores[i] > last + 1e-9).length;
      }
      if (exact.length > 0) good.exact += Math.min(exact.length, scores.filter((s) => s >= exact[exact.length - 1].score - 1e-9).length);
    });
    const sorted = sortedTimes(times);
    return {
      name, p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99), full: results.filter((r) => r.length >= TOP).length,
      agreement: wanted ? shared / wanted : 1, asGood: wanted ? good.memory / wanted : 1, asGoodExact: good.wantedExact ? good.exact / good.wantedExact : 1, better, recall,
    };
  }
}

interface SizeResult {
  readonly size: number;
  readonly copyFileMb: number;
  readonly generateSeconds: number;
  readonly copySeconds: number;
  readonly keySeconds: number;
  readonly vacuumSeconds: number;
  readonly ginSeconds: number;
  /** The GiST indexes tried (the last one stays for the size and update measures). */
  readonly gist: ReadonlyArray<{ siglen: number; seconds: number; mb: number }>;
  readonly emptyDrafts: number;
  readonly heapMb: number;
  readonly tableMb: number;
  readonly pkMb: number;
  readonly ginMb: number;
  readonly gistMb: number;
  readonly totalMb: number;
  readonly updateSeconds: number;
  readonly memory: MemoryRun;
  readonly methods: readonly Method[];
  readonly vocabulary: number;
  readonly rerankCheck: number;
  /** The in-memory engine's own results judged against the exact top 5 (absent in older saved results). */
  readonly memoryJudged?: Method;
  readonly serverAfterBuild?: ServerMemory;
  readonly serverAfterQueries?: ServerMemory;
  readonly similarityOfTruth: { p10: number; p50: number; p90: number };
}

type Hit = { id: number; s: number };

async function measureQueries(session: Session, name: string, queries: readonly Draft[], sql: (d: Draft) => string, judge: Judge, warm: boolean): Promise<Method> {
  const pass = async (): Promise<{ times: number[]; results: number[][] }> => {
    const times: number[] = [];
    const results: number[][] = [];
    for (const d of queries) {
      if (!d.wording) { // no trigrams: an empty pattern would make the index return every row
        results.push([]);
        continue;
      }
      const t0 = performance.now();
      const out = await session.run(sql(d));
      times.push(performance.now() - t0);
      results.push((JSON.parse(out || '[]') as Hit[]).map((h) => h.id));
    }
    return { times, results };
  };
  if (warm) await pass();
  const { times, results } = await pass();
  if (process.env.PGTRGM_DEBUG) {
    const slow = times.map((t, i) => ({ t, i })).sort((a, b) => b.t - a.t).slice(0, 5);
    process.stderr.write(`    slowest: ${slow.map(({ t, i }) => `${t.toFixed(0)} ms (${queries.filter((d) => d.wording)[i].wording.length} chars)`).join(', ')}\n`);
  }
  return judge.judge(name, times, results);
}

const hitsJson = (inner: string): string => `SELECT coalesce(jsonb_agg(jsonb_build_object('id', id, 's', s) ORDER BY s DESC, id), '[]') FROM (${inner}) t;`;

/** Candidates from `candidates(d, k)` (id, title, text), re-ranked in process by our cosine. */
async function measureRerank(session: Session, name: string, k: number, candidatesSql: (d: Draft, k: number) => string, queries: readonly Draft[], reranker: Reranker, memory: MemoryRun, judge: Judge, warm: boolean): Promise<Method> {
  const times: number[] = [];
  const results: number[][] = [];
  let recalled = 0;
  let wanted = 0;
  const pass = async (record: boolean): Promise<void> => {
    for (const [q, d] of queries.entries()) {
      const t0 = performance.now();
      const out = d.wording ? await session.run(`SELECT coalesce(jsonb_agg(jsonb_build_array(id, title, text)), '[]') FROM (${candidatesSql(d, k)}) t;`) : '[]';
      const candidates = JSON.parse(out || '[]') as Array<[number, string, string]>;
      const vector = reranker.query(d.terms);
      const scored = candidates.map(([id, title, text]) => ({ id, s: reranker.score(vector, textTerms(text, title)) }))
        .filter((h) => h.s >= MIN_SCORE && h.s > 0)
        .sort((a, b) => b.s - a.s || a.id - b.id)
        .slice(0, TOP);
      const elapsed = performance.now() - t0;
      if (!record) continue;
      if (d.wording) times.push(elapsed);
      results.push(scored.map((h) => h.id));
      const ids = new Set(candidates.map((c) => c[0]));
      recalled += memory.top[q].filter((h) => ids.has(h.doc)).length;
      wanted += memory.top[q].length;
    }
  };
  if (warm) await pass(false);
  await pass(true);
  return judge.judge(name, times, results, wanted ? recalled / wanted : 1);
}

async function measureSize(size: number, base: readonly BaseClause[]): Promise<SizeResult> {
  const log = (message: string): void => { process.stderr.write(`  pg-trgm ${size}: ${message}\n`); };
  log('in-memory engine …');
  const memory = runMemory(size);
  log(`in-memory build ${memory.buildSeconds.toFixed(1)} s, p99 ${memory.queryP99.toFixed(2)} ms; document frequencies for the re-ranker …`);
  const reranker = await Reranker.count(base, size);
  const queries = drafts(base);
  log('exact top 5 by brute force …');
  const exact = await reranker.exactTop(base, size, queries);
  const judge = new Judge(base, queries, memory, exact, reranker);
  const memoryJudged = judge.judge('in-memory engine', [memory.queryP50], memory.top.map((t) => t.map((h) => h.doc)));
  // The re-ranker must give the in-memory engine's own scores.
  let rerankCheck = 0;
  for (const [q, d] of queries.entries()) {
    const vector = reranker.query(d.terms);
    for (const hit of memory.top[q]) {
      const c = syntheticClause(base, hit.doc, SEED);
      rerankCheck = Math.max(rerankCheck, Math.abs(reranker.score(vector, textTerms(c.text, c.title)) - hit.score));
    }
  }

  const file = path.join(os.tmpdir(), `policy-lint-pgtrgm-${size}.tsv`);
  const t0 = performance.now();
  const bytes = writeCopyFile(file, base, 0, size);
  const generateSeconds = (performance.now() - t0) / 1000;
  log(`COPY file ${(bytes / 2 ** 20).toFixed(0)} MB in ${generateSeconds.toFixed(1)} s; loading …`);
  psqlOnce(DATABASE, 'DROP TABLE IF EXISTS clauses');
  psqlOnce(DATABASE, 'CREATE TABLE clauses (id integer NOT NULL, city text NOT NULL, in_force boolean NOT NULL, title text NOT NULL, text text NOT NULL, wording text NOT NULL)');
  const copySeconds = copyIn(file);
  fs.rmSync(file);
  const admin = new Session(DATABASE);
  const adminPid = Number(await admin.run('SELECT pg_backend_pid();'));
  const keySeconds = await timed(admin, 'ALTER TABLE clauses ADD PRIMARY KEY (id);');
  const vacuumSeconds = await timed(admin, 'VACUUM ANALYZE clauses;');
  log(`COPY ${copySeconds.toFixed(1)} s; GIN index …`);
  const ginSeconds = await timed(admin, 'CREATE INDEX clauses_wording_gin ON clauses USING gin (wording gin_trgm_ops);');
  const serverAfterBuild = serverMemory(adminPid);
  const emptyDrafts = queries.filter((d) => !d.wording).length;

  const similarityOfTruth = (() => {
    const values: number[] = [];
    return { values, done: (): SizeResult['similarityOfTruth'] => { const s = sortedTimes(values); return { p10: quantile(s, 0.1), p50: quantile(s, 0.5), p90: quantile(s, 0.9) }; } };
  })();
  // pg_trgm similarity of the in-memory top 5: where a threshold would cut them off.
  for (const [q, d] of queries.entries()) {
    const ids = memory.top[q].map((h) => h.doc);
    if (ids.length === 0 || !d.wording) continue;
    const out = await admin.run(`SELECT coalesce(jsonb_agg(similarity(wording, ${literal(d.wording)})), '[]') FROM clauses WHERE id IN (${ids.join(',')});`);
    similarityOfTruth.values.push(...(JSON.parse(out) as number[]));
  }

  const session = new Session(DATABASE);
  const sessionPid = Number(await session.run('SELECT pg_backend_pid();'));
  const methods: Method[] = [];
  log(`GIN ${ginSeconds.toFixed(1)} s; queries …`);
  for (const [i, threshold] of THRESHOLDS.entries()) {
    await session.run(`SET pg_trgm.similarity_threshold = ${threshold};`);
    methods.push(await measureQueries(session, `GIN \`wording % $1\`, threshold ${threshold}, ORDER BY similarity LIMIT 5`, queries,
      (d) => hitsJson(`SELECT id, similarity(wording, ${literal(d.wording)}) AS s FROM clauses WHERE wording % ${literal(d.wording)} AND city <> ${literal(d.clause.city)} ORDER BY s DESC, id LIMIT ${TOP}`), judge, i === 0));
    log(`${methods[methods.length - 1].name}: p99 ${methods[methods.length - 1].p99.toFixed(1)} ms`);
  }
  await session.run(`SET pg_trgm.similarity_threshold = ${CANDIDATE_THRESHOLD};`);
  for (const k of CANDIDATES) {
    methods.push(await measureRerank(session, `GIN \`%\` (threshold ${CANDIDATE_THRESHOLD}) ORDER BY similarity LIMIT ${k}, re-ranked in process by our cosine`, k,
      (d, limit) => `SELECT id, title, text FROM clauses WHERE wording % ${literal(d.wording)} AND city <> ${literal(d.clause.city)} ORDER BY similarity(wording, ${literal(d.wording)}) DESC, id LIMIT ${limit}`,
      queries, reranker, memory, judge, false));
    log(`${methods[methods.length - 1].name}: p99 ${methods[methods.length - 1].p99.toFixed(1)} ms`);
  }
  const gist: Array<{ siglen: number; seconds: number; mb: number }> = [];
  const siglens = size <= 100_000 ? GIST_SIGLENS : GIST_SIGLENS.slice(-1);
  for (const [i, siglen] of siglens.entries()) {
    log(`GiST index (siglen ${siglen}) …`);
    if (i > 0) await admin.run('DROP INDEX clauses_wording_gist;');
    const seconds = await timed(admin, `CREATE INDEX clauses_wording_gist ON clauses USING gist (wording gist_trgm_ops(siglen=${siglen}));`);
    gist.push({ siglen, seconds, mb: Number(await admin.run("SELECT pg_relation_size('clauses_wording_gist');")) / 2 ** 20 });
    log(`GiST ${seconds.toFixed(1)} s; KNN queries …`);
    methods.push(await measureQueries(session, `GiST (siglen ${siglen}) \`ORDER BY wording <-> $1 LIMIT 5\``, queries,
      (d) => hitsJson(`SELECT id, 1 - (wording <-> ${literal(d.wording)}) AS s FROM clauses WHERE city <> ${literal(d.clause.city)} ORDER BY wording <-> ${literal(d.wording)} LIMIT ${TOP}`), judge, true));
    log(`${methods[methods.length - 1].name}: p99 ${methods[methods.length - 1].p99.toFixed(1)} ms`);
  }
  const siglen = siglens[siglens.length - 1];
  methods.push(await measureRerank(session, `GiST (siglen ${siglen}) \`ORDER BY wording <-> $1 LIMIT ${GIST_CANDIDATES}\`, re-ranked in process by our cosine`, GIST_CANDIDATES,
    (d, limit) => `SELECT id, title, text FROM clauses WHERE city <> ${literal(d.clause.city)} ORDER BY wording <-> ${literal(d.wording)} LIMIT ${limit}`,
    queries, reranker, memory, judge, false));
  log(`${methods[methods.length - 1].name}: p99 ${methods[methods.length - 1].p99.toFixed(1)} ms`);
  const serverAfterQueries = serverMemory(sessionPid);

  const sizes = JSON.parse(await admin.run(`SELECT jsonb_build_object('heap', pg_relation_size('clauses'), 'table', pg_table_size('clauses'), 'pk', pg_relation_size('clauses_pkey'),
    'gin', pg_relation_size('clauses_wording_gin'), 'gist', pg_relation_size('clauses_wording_gist'), 'total', pg_total_relation_size('clauses'));`)) as Record<string, number>;
  const mb = (b: number): number => b / 2 ** 20;

  // An office publishes new policies: rows into the indexed table (both trigram indexes present).
  const updateFile = path.join(os.tmpdir(), `policy-lint-pgtrgm-${size}-update.tsv`);
  writeCopyFile(updateFile, base, size, size + UPDATE_ROWS);
  const updateSeconds = copyIn(updateFile);
  fs.rmSync(updateFile);

  await session.close();
  await admin.close();
  psqlOnce(DATABASE, 'DROP TABLE clauses');
  return {
    size, copyFileMb: bytes / 2 ** 20, generateSeconds, copySeconds, keySeconds, vacuumSeconds, ginSeconds, gist, emptyDrafts,
    heapMb: mb(sizes.heap), tableMb: mb(sizes.table), pkMb: mb(sizes.pk), ginMb: mb(sizes.gin), gistMb: mb(sizes.gist), totalMb: mb(sizes.total),
    updateSeconds, memory, methods, vocabulary: reranker.vocabulary, rerankCheck, memoryJudged, serverAfterBuild, serverAfterQueries, similarityOfTruth: similarityOfTruth.done(),
  };
}

// ---------------------------------------------------------------------------------------------
// Report

const f = (x: number, digits = 1): string => (Number.isFinite(x) ? x.toFixed(digits) : '—');
const pct = (x: number | undefined): string => (x === undefined ? '—' : `${(100 * x).toFixed(1)} %`);

interface Setup {
  readonly version: string;
  readonly settings: string;
  readonly ctype: string;
  readonly trigrams: string;
  readonly underC: string;
}

function report({ machine: machineLine, setup, sizes, results }: Saved): string[] {
  const lines: string[] = [
    '## Precedent library on PostgreSQL + pg_trgm (bench/pgTrgm.ts)',
    '',
    'The same synthetic corpus as the in-memory scale bench (`syntheticClause(base, i, 2026)`) loaded into PostgreSQL',
    '(`id, city, in_force, title, text, wording`; `wording` = `comparableWording(text)`: amounts, punctuation and boilerplate',
    'stripped), with trigram indexes on `wording`, and the same 300 drafts (`syntheticClause(base, i, 7)`) asking for the top 5',
    'clauses of other cities. "= in-memory top 5" is the share of the in-memory engine\'s top 5 (run in a child process on the',
    'same corpus, same drafts) that the method returns; "as good as" counts ties: a result counts when our cosine of it is at',
    'least the 5th score of the reference (a clause copied into many cities gives many equal scores, and which of them is listed',
    'is arbitrary). The exact top 5 is a brute-force scan of every clause with our cosine (the in-memory ranking without its',
    'pruning; a re-implementation from document frequencies that reproduces the engine\'s scores, see below).',
    ...(results.some((r) => r.memoryJudged) ? [] : ['(These saved results predate the exact comparison: its column shows — ; rerun the bench to fill it.)']),
    'Latency is measured in the bench process around a persistent `psql`',
    '(a query goes through the psql client and back), warm cache: a warm-up pass over the 300 drafts after each index build.',
    '',
    `- machine: ${machineLine}`,
    `- ${setup.version}, local socket; ${setup.settings}`,
    `- locale: under \`LC_CTYPE 'C'\` \`show_trgm('支持企业上市融资')\` = \`${setup.underC}\` (CJK are not word characters, nothing is indexed);`,
    `  under \`LC_CTYPE '${setup.ctype}'\` it gives ${setup.trigrams.split(',').length} trigrams (\`${setup.trigrams}\`; multibyte trigrams are stored as 3-byte hashes).`,
    '  The bench creates its database with `TEMPLATE template0 ENCODING \'UTF8\' LC_COLLATE \'C\' LC_CTYPE \'C.UTF-8\'` (falls back to en_US.UTF-8).',
    '',
    'Commands:',
    '',
    '```sh',
    'apt-get install -y postgresql postgresql-contrib            # Debian 12: PostgreSQL 15',
    'mkdir -p /tmp/pgtrgm && chown postgres /tmp/pgtrgm',
    "su postgres -c '/usr/lib/postgresql/15/bin/initdb -D /tmp/pgtrgm/data --encoding=UTF8 --locale=C.UTF-8 -U postgres'",
    '# postgresql.conf: port 54329, unix_socket_directories /tmp/pgtrgm, and the settings listed above',
    "su postgres -c '/usr/lib/postgresql/15/bin/pg_ctl -D /tmp/pgtrgm/data -l /tmp/pgtrgm/log start -w'",
    'npx tsc -p .',
    `PGHOST=/tmp/pgtrgm PGPORT=54329 PGUSER=postgres node out/bench/pgTrgm.js ${sizes.join(' ')}`,
    "su postgres -c '/usr/lib/postgresql/15/bin/pg_ctl -D /tmp/pgtrgm/data stop'",
    '```',
    '',
    '### Load, build and size',
    '',
    '| clauses | COPY file MB | generate s | COPY s | primary key s | VACUUM ANALYZE s | GIN build s | heap MB | table MB | pkey MB | GIN MB | GiST MB (last siglen) | total on disk MB | +1000 clauses into the indexed table (COPY) s | in-memory build s | in-memory peak RSS MB |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...results.map((r) => `| ${r.size} | ${f(r.copyFileMb, 0)} | ${f(r.generateSeconds)} | ${f(r.copySeconds)} | ${f(r.keySeconds)} | ${f(r.vacuumSeconds)} | ${f(r.ginSeconds)} | ${f(r.heapMb, 0)} | ${f(r.tableMb, 0)} | ${f(r.pkMb, 0)} | ${f(r.ginMb, 0)} | ${f(r.gistMb, 0)} | ${f(r.totalMb, 0)} | ${f(r.updateSeconds, 2)} | ${f(r.memory.buildSeconds)} (terms on ${r.memory.threads} threads) | ${f(r.memory.peakRssMb, 0)} |`),
    '',
    'GiST `gist_trgm_ops(siglen=N)` (one at a time; N bytes of signature, default 12, at most 2024):',
    '',
    '| clauses | siglen | GiST build s | GiST MB |',
    '| ---: | ---: | ---: | ---: |',
    ...results.flatMap((r) => r.gist.map((g) => `| ${r.size} | ${g.siglen} | ${f(g.seconds)} | ${f(g.mb, 0)} |`)),
    '',
    '"generate" = making the synthetic clauses and their comparable wording into a COPY file (bench work, not the database\'s);',
    'the database\'s load is COPY + primary key + VACUUM ANALYZE + index builds.',
    '',
    '### Queries (300 drafts, top 5 of other cities)',
    '',
    '| clauses | method | p50 ms | p99 ms | drafts with a full top 5 | = in-memory top 5 (same clauses) | as good as the in-memory top 5 | as good as the exact top 5 |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of results) {
    lines.push(`| ${r.size} | in-memory engine (bench/precedentScale.ts path; top 5 proven exact for ${Math.round(100 * r.memory.provenShare)} %) | ${f(r.memory.queryP50, 2)} | ${f(r.memory.queryP99, 2)} | ${r.memory.top.filter((t) => t.length >= TOP).length} | 100 % | 100 % | ${pct(r.memoryJudged?.asGoodExact)} |`);
    for (const m of r.methods) lines.push(`| ${r.size} | ${m.name} | ${f(m.p50, 1)} | ${f(m.p99, 1)} | ${m.full} | ${pct(m.agreement)} | ${pct(m.asGood)} | ${pct(m.asGoodExact)} |`);
  }
  lines.push('');
  for (const r of results) {
    lines.push(`- ${r.size} clauses: pg_trgm \`similarity(wording, draft)\` of the in-memory top 5: p10 ${f(r.similarityOfTruth.p10, 2)}, median ${f(r.similarityOfTruth.p50, 2)}, p90 ${f(r.similarityOfTruth.p90, 2)}`
      + ` (a threshold above a precedent's similarity hides it). Re-ranker: document frequencies of ${r.vocabulary} terms;`
      + ` it reproduces the in-memory cosines of the in-memory top 5 to ${r.rerankCheck.toExponential(1)}.`
      + (r.emptyDrafts ? ` ${r.emptyDrafts} drafts have no comparable wording left (only boilerplate/amounts; the in-memory engine ranks them by their title): they are not sent to PostgreSQL (an empty pattern makes the GIN index return every row: 3.5 s each at 100k), count as answered with nothing, and are left out of the latency.` : ''));
    const mem = (m: ServerMemory | undefined): string => (m ? `${f(m.pssMb, 0)} MB PSS over ${m.processes} processes (backend peak RSS ${f(m.backendPeakMb, 0)} MB)` : 'not measured');
    lines.push(`  Server memory: after the GIN build ${mem(r.serverAfterBuild)}; after all queries ${mem(r.serverAfterQueries)}.`);
  }
  return lines;
}

interface Saved {
  readonly machine: string;
  readonly setup: Setup;
  readonly sizes: readonly number[];
  readonly results: readonly SizeResult[];
}

/** Every measurement is kept here, so the report can be rewritten without measuring again (--report). */
const SAVED = process.env.PGTRGM_RESULTS ?? path.join(os.tmpdir(), 'policy-lint-pgtrgm-results.json');

function publish(saved: Saved): void {
  const lines = [...report(saved), ...design(saved.results)];
  console.log(lines.join('\n'));
  if (!process.env.PGTRGM_NO_WRITE) console.error(`wrote ${writeSection('pg-trgm', lines)}`);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--memory') return memoryChild(Number(args[1]));
  if (args[0] === '--report') return publish(JSON.parse(fs.readFileSync(args[1] ?? SAVED, 'utf8')) as Saved);
  const why = unavailable();
  if (why) {
    console.log(`pg-trgm bench skipped: ${why}`);
    return;
  }
  const sizes = args.length > 0 ? args.map(Number) : DEFAULT_SIZES;
  const created = createDatabase();
  const version = psqlOnce(DATABASE, 'SELECT version()').replace(/ on .*/, '');
  const settings = psqlOnce(DATABASE, "SELECT string_agg(name || '=' || current_setting(name), ', ' ORDER BY name) FROM pg_settings WHERE name IN ('shared_buffers', 'maintenance_work_mem', 'work_mem', 'effective_cache_size', 'max_parallel_maintenance_workers', 'max_parallel_workers_per_gather', 'wal_level', 'max_wal_size', 'random_page_cost', 'fsync', 'synchronous_commit')");
  const base = baseClauses();
  const results: SizeResult[] = [];
  try {
    for (const size of sizes) results.push(await measureSize(size, base));
  } finally {
    if (!process.env.PGTRGM_KEEP) psqlOnce(process.env.PGDATABASE ?? 'postgres', `DROP DATABASE IF EXISTS ${DATABASE}`);
  }
  const saved: Saved = { machine: machine(), setup: { version, settings, ...created }, sizes, results };
  fs.writeFileSync(SAVED, JSON.stringify(saved));
  console.error(`measurements saved to ${SAVED}`);
  publish(saved);
}

/** The design section: the measured numbers it argues from are read from the results. */
function design(results: readonly SizeResult[]): string[] {
  const r = results.reduce((a, b) => (b.size > a.size ? b : a));
  const n = r.size.toLocaleString('en-US');
  const gin = r.methods.filter((m) => m.name.startsWith('GIN `wording %'));
  const ginRerank = r.methods.filter((m) => m.name.startsWith('GIN') && m.recall !== undefined).pop();
  const gistTop = r.methods.filter((m) => m.name.startsWith('GiST') && m.recall === undefined).pop();
  const gistRerank = r.methods.filter((m) => m.name.startsWith('GiST') && m.recall !== undefined).pop();
  const gist = r.gist[r.gist.length - 1];
  const lat = (m: Method | undefined): string => (m ? `p50 ${f(m.p50)} ms / p99 ${f(m.p99)} ms` : 'not measured');
  const quality = (m: Method | undefined): string => (m ? `${pct(m.asGood)} as good as the in-memory top 5 (${pct(m.agreement)} the same clauses)` : '');
  const load = r.copySeconds + r.keySeconds + r.vacuumSeconds + r.ginSeconds + (gist?.seconds ?? 0);
  const memory = r.serverAfterQueries ? `${f(r.serverAfterQueries.pssMb, 0)} MB PSS for the whole server (shared_buffers included; one query backend peaked at ${f(r.serverAfterQueries.backendPeakMb, 0)} MB RSS)` : 'not measured';
  return [
    '',
    `### Where the in-memory index stops at ${n} clauses, and the way past it`,
    '',
    `- **Measured limit.** At ${n} clauses the in-memory engine answers in p50 ${f(r.memory.queryP50, 2)} ms / p99 ${f(r.memory.queryP99, 2)} ms (target ≤ 50 ms: met`,
    `  with a wide margin), but builds in ${f(r.memory.buildSeconds)} s on ${r.memory.threads} threads (target ≤ 60 s) and peaks at ${f(r.memory.peakRssMb, 0)} MB RSS (target ≤ 2 GB):`,
    '  build time and memory are at or over their targets, and they are paid *per process* — every language server that',
    '  loads a national library builds it at start and holds it — and again for every change (IDF and norms are global, so a',
    '  new policy means a rebuild). Query speed is not the problem; building, holding and updating one copy per editor is.',
    '- **Disk-backed index (designed, not measured).** Write the built index (segment postings, forward index, idf, norms: the',
    '  typed arrays termIndex.ts already holds) to a versioned file when the library is published; a process opens it instead',
    '  of building (start = reading headers), reads posting ranges and forward-index rows with positioned reads (the page cache',
    '  is shared by every process on the machine and evictable), and takes new policies as a small in-memory delta segment',
    '  merged at the next publish. That removes the build from start-up and most of the RSS, keeps our exact ranking, but is',
    '  a search engine\'s storage layer written by us (file format, versioning, merges) and still one copy per machine.',
    '- **Shared library on PostgreSQL + pg_trgm (measured above).** What it gives: one copy for a whole office or province,',
    `  loaded once (COPY ${f(r.copySeconds)} s + primary key and VACUUM ANALYZE ${f(r.keySeconds + r.vacuumSeconds)} s + GIN ${f(r.ginSeconds)} s${gist ? ` + GiST ${f(gist.seconds)} s` : ''} = ${f(load)} s at ${n},`,
    `  ${f(r.totalMb, 0)} MB on disk with both trigram indexes), updated by rows (${UPDATE_ROWS} new clauses into the indexed table in ${f(r.updateSeconds, 2)} s,`,
    '  visible at commit, nothing rebuilt), server memory '+memory+',',
    '  while each client keeps only a table of document frequencies for re-ranking' + ` (${r.vocabulary} terms).`,
    '  What it does not give: our ranking. pg_trgm\'s similarity is the share of trigrams two wordings have in common — every',
    '  trigram counts alike, however common, there are no single characters, no measure concepts, no title — so its own top 5',
    `  is only ${gin.map((m) => pct(m.asGood)).join(' / ')} as good as ours (thresholds ${THRESHOLDS.join(' / ')}; ${gistTop ? `GiST KNN ${pct(gistTop.asGood)}` : ''}), and its speed`,
    `  depends on the index: GIN \`%\` reads the posting lists of all of a draft\'s ~190 trigrams and rechecks every row over the`,
    `  threshold (${gin.map((m) => lat(m)).join('; ')}; short drafts of a few characters are the slowest, an empty`,
    '  wording would return every row), GiST with the largest signature (`siglen=2024`) walks the tree nearest first',
    `  (${lat(gistTop)}). A smaller signature is worse on every count (see the table).`,
    `- **How the engine would use it.** As the candidate source, with the ranking kept ours: ${gistRerank ? `GiST \`ORDER BY wording <-> $1 LIMIT ${GIST_CANDIDATES}\`` : 'a trigram query'}`,
    `  fetches id, title and text of ${GIST_CANDIDATES} candidates of other cities, the process computes their terms (textTerms) and our cosine`,
    `  from the document frequencies, and keeps the best 5: ${quality(gistRerank)}, ${lat(gistRerank)}`,
    `  at ${n}${ginRerank ? ` (GIN \`%\` candidates: ${quality(ginRerank)}, ${lat(ginRerank)})` : ''}. The texts come with the candidates, so`,
    '  excerpts (alignInWindow) need no second read. In the product this is a `PrecedentSearch` whose `search` sends the',
    '  wording (node-postgres, one prepared statement, one round trip) and re-ranks; the draft city\'s in-force clauses are a',
    '  second, small query (`city = $2 AND in_force`); `term_df(term, df)` and N live in the database, refreshed on import,',
    '  and are loaded by the client at start. What candidates cost: precedents that share a measure concept or reworded',
    '  single characters but few trigrams never reach the top 50 — the gap between "among the candidates" and 100 %. A',
    '  `concepts smallint[]` column with a GIN index (candidates sharing the draft\'s measure concepts, unioned in) is the',
    '  way to close it (not measured).',
    '- **When to move the library to PostgreSQL.** When one library serves many people (an office, a province: one load, one',
    '  copy, every editor a client), when it changes between releases (policies published every week: an INSERT, not a',
    '  rebuild in every process), or when a client cannot spare the memory (a laptop editor: the 2 GB lives once on a server).',
    '  Keep the in-memory engine for the bundled corpus and single users offline: it is an order of magnitude faster at p99',
    '  and ranks exactly as designed. The pg_trgm latencies above miss the 50 ms p99 at 1M on this 2-core machine for every',
    '  variant but the GiST KNN top 5 at best; with re-ranking it is a shared service answering in tens of milliseconds, not',
    '  a keystroke-speed engine — the language server should cache answers per clause (it does) and ask once per edit pause.',
    '- **OpenSearch / Elasticsearch at national scale (not measured: neither is installable here — no Debian package, only',
    '  npm is reachable).** The `cjk` analyzer (standard tokenizer + `cjk_width` + `lowercase` + `cjk_bigram`, with',
    '  `output_unigrams: true` for single characters) makes exactly our bigram and single-character terms, and BM25 over them',
    '  is close to our TF-IDF cosine (idf of the same shape; tf saturation and length normalisation instead of the cosine',
    '  norm). Our term classes map to fields and boosts: a bigram field (1), a unigram field (0.5), and the measure concepts,',
    '  computed by our code at ingest, as a `keyword` field (measures 3, topics 1.5); city and in_force as keyword/boolean',
    '  filters (`must_not` the draft city). The query is `more_like_this` on the draft wording (min_term_freq 1, a few',
    '  hundred max_query_terms; it keeps the most informative terms, as our pruning skips the commonest) or an explicit',
    '  `bool` of matches; Lucene\'s block-max WAND keeps a top 5 among millions cheap (`track_total_hits: false`). At national',
    '  scale it brings what the disk-backed design would have to build: segments on disk with background merges, near-real-',
    '  time updates (refresh ≈ 1 s), shards searched in parallel (by province or hash) and replicas for load and',
    '  availability. smartcn or ik segment words instead: fewer, more meaningful terms and a smaller index, but they depend',
    '  on dictionaries (policy jargon like 算力券 or 专精特新 splits unpredictably; ik needs custom dictionaries), score',
    '  one-character rewordings less stably and no longer match our terms — a second field for recall, not the main one.',
    '  Trade-offs: a JVM cluster to operate (heap, upgrades, snapshots) that most offices do not already run, while they do',
    '  run PostgreSQL; eventually consistent; relevance set by analyzers and boosts, so the exact re-ranking of the top',
    '  candidates stays in process for scores identical to the in-memory engine; licences differ (OpenSearch Apache-2.0,',
    '  Elasticsearch ELv2/SSPL/AGPL).',
    '',
    'Not measured: OpenSearch/Elasticsearch; the disk-backed index; a `concepts` column; node-postgres instead of psql (the',
    'latencies include the psql client); concurrent clients (one query at a time here, while other jobs shared the 2 cores —',
    'see the load average); a cold cache (every table and index here fitted in RAM); a remote server (local socket, no network',
    'round trip); sizes between 100k and 1M, or beyond 1M.',
  ];
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
