/**
 * The precedent index: TF-IDF over character bigrams of clause wording (see ./terms), cosine
 * similarity through an inverted index, and a Smith-Waterman excerpt for the results. Built once per
 * corpus and reused for every query.
 */
import type { Clause } from '../model/types';
import { clauseCaps } from '../rules/clauseCaps';
import { formatMoney } from '../normalise/money';
import { alignLocal } from './alignment';
import { bigramCounts, comparableWording, wordingWithOffsets } from './terms';
import type { CorpusDocument, Precedent, PrecedentCap, PrecedentIndex, PrecedentQuery, PrecedentResult } from './types';

interface IndexedClause {
  readonly document: CorpusDocument;
  readonly clause: Clause;
  readonly city: string;
  readonly inForce: boolean;
  readonly wording: string;
}

interface Posting {
  readonly clause: number;
  readonly weight: number;
}

export function buildPrecedentIndex(documents: readonly CorpusDocument[]): PrecedentIndex {
  const clauses: IndexedClause[] = [];
  const byId = new Map<string, { document: CorpusDocument; clause: Clause }>();
  for (const document of documents) {
    const city = document.document.city?.value ?? '';
    for (const clause of document.document.clauses) {
      if (!clause.text) continue;
      const id = clause.id?.value;
      if (id !== undefined) byId.set(`${city}/${document.id}#${id}`, { document, clause });
      if (clause.kind !== 'measure') continue; // goals and principles are not precedents for measures
      clauses.push({ document, clause, city, inForce: document.document.status === 'in-force', wording: clauseWording(clause) });
    }
  }
  // Document frequencies, then unit-length TF-IDF vectors with sublinear term frequency.
  const counts = clauses.map((c) => bigramCounts(c.wording));
  const documentFrequency = new Map<string, number>();
  for (const terms of counts) for (const term of terms.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  const total = Math.max(1, clauses.length);
  const idf = (term: string): number => Math.log(1 + total / (documentFrequency.get(term) ?? 0.5));
  const postings = new Map<string, Posting[]>();
  counts.forEach((terms, index) => {
    const weights = weigh(terms, idf);
    for (const [term, weight] of weights) {
      const list = postings.get(term);
      if (list) list.push({ clause: index, weight });
      else postings.set(term, [{ clause: index, weight }]);
    }
  });
  const cities = [...new Set(documents.map((d) => d.document.city?.value).filter((c): c is string => !!c))].sort();

  // Drafts are re-linted on every keystroke; most clauses have not changed since the last query.
  const cache = new Map<string, PrecedentResult>();
  const query = (input: Clause | string, options: PrecedentQuery = {}): PrecedentResult => {
    const key = `${typeof input === 'string' ? input : (input.title?.value ?? '') + '\u0000' + (input.text?.value ?? '')}\u0000${JSON.stringify(options)}`;
    const cached = cache.get(key);
    if (cached) return cached;
    const result = runQuery(input, options);
    if (cache.size >= 20000) cache.delete(cache.keys().next().value as string);
    cache.set(key, result);
    return result;
  };
  const runQuery = (input: Clause | string, options: PrecedentQuery): PrecedentResult => {
    const top = options.top ?? 5;
    const minScore = options.minScore ?? 0.1;
    const text = typeof input === 'string' ? input : input.text?.value ?? '';
    const wording = typeof input === 'string' ? comparableWording(input) : clauseWording(input);
    const scores = new Float64Array(clauses.length);
    for (const [term, weight] of weigh(bigramCounts(wording), idf)) {
      for (const posting of postings.get(term) ?? []) scores[posting.clause] += weight * posting.weight;
    }
    const others: number[] = [];
    const sameCity: number[] = [];
    for (let i = 0; i < scores.length; i++) {
      if (scores[i] < minScore) continue;
      if (options.onlyCity !== undefined) {
        if (clauses[i].city === options.onlyCity) others.push(i);
        continue;
      }
      if (options.city && clauses[i].city === options.city) {
        if (clauses[i].inForce) sameCity.push(i);
      } else others.push(i);
    }
    const rank = (list: number[]): Precedent[] =>
      list.sort((a, b) => scores[b] - scores[a] || a - b).slice(0, top)
        .map((i) => describePrecedent(clauses[i].document, clauses[i].clause, scores[i], options.excerpts === false ? undefined : text));
    return { precedents: rank(others), sameCityInForce: rank(sameCity) };
  };

  return {
    documents,
    clauseCount: clauses.length,
    clausesOf: (city) => clauses.filter((c) => c.city === city).map((c) => ({ document: c.document, clause: c.clause })),
    cities,
    query,
    resolve: (id) => byId.get(id),
  };
}

function clauseWording(clause: Clause): string {
  const text = clause.text?.value ?? '';
  const blanked = [...clause.facts.departmentMarkers, ...clause.facts.amounts, ...clause.facts.rates];
  const title = clause.title?.value ?? '';
  return comparableWording(title) + comparableWording(text, blanked);
}

function weigh(terms: Map<string, number>, idf: (term: string) => number): Map<string, number> {
  const weights = new Map<string, number>();
  let norm = 0;
  for (const [term, count] of terms) {
    const weight = (1 + Math.log(count)) * idf(term);
    weights.set(term, weight);
    norm += weight * weight;
  }
  norm = Math.sqrt(norm) || 1;
  for (const [term, weight] of weights) weights.set(term, weight / norm);
  return weights;
}

/** A corpus clause as a precedent; the excerpt is aligned against `queryText` when given. */
export function describePrecedent(document: CorpusDocument, clause: Clause, score: number, queryText?: string): Precedent {
  const text = clause.text?.value ?? '';
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
    caps: precedentCaps(clause),
    text,
    excerpt: text.slice(alignment.start, alignment.end),
    excerptStart: alignment.start,
    excerptEnd: alignment.end,
    uri: document.uri,
    line: lineOf(document.document.yaml.text, (clause.id?.node ?? clause.node).start),
  };
}

/**
 * The passage of a precedent that matches the query: aligned on the wording (so shared boilerplate
 * and amounts do not win), mapped back to the text, widened to whole clause parts (…；…。).
 */
function matchingPassage(queryText: string, clause: Clause): { start: number; end: number } {
  const text = clause.text?.value ?? '';
  const blanked = [...clause.facts.departmentMarkers, ...clause.facts.amounts, ...clause.facts.rates];
  const target = wordingWithOffsets(text, blanked);
  const query = comparableWording(queryText);
  const aligned = alignLocal(query, target.wording);
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
