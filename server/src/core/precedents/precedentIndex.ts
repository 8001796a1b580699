/**
 * The precedent index of a corpus: its measure clauses ranked by ./search (TF-IDF cosine over the
 * terms of ./terms: bigrams, single characters and measure concepts), described with their caps and
 * a Smith-Waterman excerpt. Built once per corpus and reused for every query.
 */
import type { Clause } from '../model/types';
import { clauseCaps } from '../rules/clauseCaps';
import { findDepartmentMarkers } from '../normalise/departments';
import { findMoneyAmounts, formatMoney } from '../normalise/money';
import { findRates } from '../normalise/rates';
import { foldWidth } from '../normalise/width';
import { alignInWindow } from './alignment';
import { buildPrecedentSearch, DEFAULT_WEIGHTS, restorePrecedentSearch } from './search';
import type { PrecedentSearchData, TermWeights } from './search';
import { clauseTerms, comparableWording, wordingWithOffsets } from './terms';
import type { TermKey } from './terms';
import type { ScoredDoc } from './termIndex';
import { PRECEDENT_SCORE } from './types';
import type { CorpusDocument, Precedent, PrecedentCap, PrecedentIndex, PrecedentQuery, PrecedentResult } from './types';

export { DEFAULT_WEIGHTS } from './search';
export type { TermWeights } from './search';

interface IndexedClause {
  readonly document: CorpusDocument;
  readonly clause: Clause;
  readonly city: string;
}

/** A built index as data, with the signature of the corpus it was built from (see `corpusSignature`). */
export interface PrecedentIndexData {
  readonly signature: string;
  readonly search: PrecedentSearchData;
}

/**
 * Builds the index of a corpus, or takes `prebuilt` (a build-time snapshot) when it was built from
 * exactly these clauses with these weights: same ids, cities, status, titles and texts, in order.
 */
export function buildPrecedentIndex(documents: readonly CorpusDocument[], weights: TermWeights = DEFAULT_WEIGHTS, prebuilt?: PrecedentIndexData): PrecedentIndex {
  const clauses: IndexedClause[] = [];
  const byId = new Map<string, { document: CorpusDocument; clause: Clause }>();
  for (const document of documents) {
    const city = document.document.city?.value ?? '';
    for (const clause of document.document.clauses) {
      if (!clause.text) continue;
      const id = clause.id?.value;
      if (id !== undefined) byId.set(`${city}/${document.id}#${id}`, { document, clause });
      // Goals and principles are not precedents for measures.
      if (clause.kind === 'measure') clauses.push({ document, clause, city });
    }
  }
  const signature = corpusSignature(clauses);
  const usable = prebuilt && prebuilt.signature === signature && prebuilt.search.format === 1 && prebuilt.search.index.norms.length === clauses.length
    && JSON.stringify(prebuilt.search.weights) === JSON.stringify(weights);
  const search = usable
    ? restorePrecedentSearch(prebuilt.search)
    : buildPrecedentSearch(clauses.map((c) => ({ city: c.city, inForce: c.document.document.status === 'in-force', terms: termsOf(c.clause) })), weights);
  const cities = [...new Set(documents.map((d) => d.document.city?.value).filter((c): c is string => !!c))].sort();

  // Drafts are re-linted on every keystroke; most clauses have not changed since the last query. A
  // clause's facts are shared by every parse of the same text (model/buildModel), so they key its
  // answers without hashing the whole text each time; free text is keyed by itself.
  const byFacts = new WeakMap<object, Map<string, PrecedentResult>>();
  const byText = new Map<string, PrecedentResult>();
  const query = (input: Clause | string, options: PrecedentQuery = {}): PrecedentResult => {
    const optionsKey = `${options.top ?? ''}|${options.minScore ?? ''}|${options.city ?? ''}|${options.onlyCity ?? ''}|${options.excerpts ?? ''}`;
    let answers: Map<string, PrecedentResult>;
    let key: string;
    if (typeof input !== 'string' && input.text) {
      answers = byFacts.get(input.facts) ?? new Map<string, PrecedentResult>();
      byFacts.set(input.facts, answers);
      key = `${input.title?.value ?? ''}\u0000${input.text.value.length}\u0000${optionsKey}`;
    } else {
      answers = byText;
      key = `${typeof input === 'string' ? input : input.title?.value ?? ''}\u0000${optionsKey}`;
    }
    const cached = answers.get(key);
    if (cached) return cached;
    const result = runQuery(input, options);
    if (answers.size >= 20000) answers.delete(answers.keys().next().value as string);
    answers.set(key, result);
    return result;
  };
  const runQuery = (input: Clause | string, options: PrecedentQuery): PrecedentResult => {
    const text = typeof input === 'string' ? input : input.text?.value ?? '';
    const hits = search.search(typeof input === 'string' ? textTerms(input) : termsOf(input), {
      top: options.top ?? 5,
      minScore: options.minScore ?? PRECEDENT_SCORE.listed,
      city: options.city,
      onlyCity: options.onlyCity,
    });
    const describe = (list: readonly ScoredDoc[]): Precedent[] => list.map(({ doc, score }) =>
      describePrecedent(clauses[doc].document, clauses[doc].clause, score, options.excerpts === false ? undefined : text));
    return { precedents: describe(hits.others), sameCityInForce: describe(hits.sameCityInForce) };
  };

  return {
    documents,
    data: () => ({ signature, search: search.toData() }),
    clauseCount: clauses.length,
    clausesOf: (city) => clauses.filter((c) => c.city === city).map((c) => ({ document: c.document, clause: c.clause })),
    cities,
    query,
    resolve: (id) => byId.get(id),
  };
}

/** FNV-1a over what the index is built from, clause by clause: a snapshot's index is used only for the same. */
function corpusSignature(clauses: readonly IndexedClause[]): string {
  let hash = 0x811c9dc5;
  const mix = (text: string): void => {
    for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
    hash = Math.imul(hash ^ 0x1f, 0x01000193);
  };
  for (const { document, clause, city } of clauses) {
    mix(document.id);
    mix(city);
    mix(document.document.status);
    mix(clause.id?.value ?? '');
    mix(clause.title?.value ?? '');
    mix(clause.text?.value ?? '');
  }
  return `${clauses.length}:${(hash >>> 0).toString(16)}`;
}

/** Amounts, rates and department markers of a clause's text: blanked before comparing. */
function blankedSpans(clause: Clause): Array<{ start: number; end: number }> {
  return [...clause.facts.departmentMarkers, ...clause.facts.amounts, ...clause.facts.rates];
}

/** Terms of free text (a clause typed into a command, or a library kept outside the model): its facts found here. */
export function textTerms(text: string, title = ''): Map<TermKey, number> {
  const folded = foldWidth(text);
  // Amounts and rates only need finding here, not the cap analysis the model does.
  return clauseTerms(title, text, [...findDepartmentMarkers(text, folded), ...findMoneyAmounts(text, folded), ...findRates(text, folded)]);
}

function termsOf(clause: Clause): Map<TermKey, number> {
  return clauseTerms(clause.title?.value ?? '', clause.text?.value ?? '', blankedSpans(clause));
}

/** What does not change between queries of a corpus clause: its caps and its line. */
const clauseFacts = new WeakMap<Clause, { caps: PrecedentCap[]; line: number }>();

/** A corpus clause as a precedent; the excerpt is aligned against `queryText` when given. */
export function describePrecedent(document: CorpusDocument, clause: Clause, score: number, queryText?: string): Precedent {
  const text = clause.text?.value ?? '';
  let facts = clauseFacts.get(clause);
  if (!facts) {
    facts = { caps: precedentCaps(clause), line: lineOf(document.document.yaml.text, (clause.id?.node ?? clause.node).start) };
    clauseFacts.set(clause, facts);
  }
  const alignment = queryText ? matchingPassage(queryText, clause) : { start: 0, end: Math.min(text.length, 80) };
  const city = document.document.city?.value ?? '';
  const clauseId = clause.id?.value ?? String(clause.index + 1);
  return {
    id: `${city}/${document.id}#${clauseId}`,
    city,
    document: document.id,
    documentTitle: document.document.policy?.value ?? document.id,
    status: document.document.status,
    clause: clauseId,
    clauseTitle: clause.title?.value,
    score: Math.round(score * 1000) / 1000,
    caps: facts.caps,
    text,
    excerpt: text.slice(alignment.start, alignment.end),
    excerptStart: alignment.start,
    excerptEnd: alignment.end,
    uri: document.uri,
    line: facts.line,
  };
}

/**
 * The passage of a precedent that matches the query: aligned on the wording (so shared boilerplate
 * and amounts do not win), mapped back to the text, widened to whole clause parts (…；…。).
 */
function matchingPassage(queryText: string, clause: Clause): { start: number; end: number } {
  const text = clause.text?.value ?? '';
  const target = wordingWithOffsets(text, blankedSpans(clause));
  const query = comparableWording(queryText);
  const aligned = alignInWindow(query, target.wording);
  if (aligned.end <= aligned.start || target.offsets.length === 0) return { start: 0, end: Math.min(text.length, 80) };
  let start = target.offsets[aligned.start];
  let end = target.offsets[aligned.end - 1] + 1;
  while (start > 0 && !/[。；;\n]/.test(text[start - 1])) start--;
  while (end < text.length && !/[。；;\n]/.test(text[end - 1])) end++;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}

function lineOf(text: string, offset: number): number {
  let line = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

export function precedentCaps(clause: Clause): PrecedentCap[] {
  return clauseCaps(clause).map((cap) => ({
    yuan: cap.yuan,
    text: formatMoney(cap.yuan),
    per: cap.per,
    period: cap.period,
    tier: cap.tier,
    for: cap.for,
    rate: cap.rate,
  }));
}
