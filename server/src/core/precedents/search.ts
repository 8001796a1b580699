/**
 * Ranking of precedent clauses, apart from the policy model: clauses go in as their terms, city and
 * status, and come out as numbers with scores. What a clause says is kept by the caller (the
 * corpus models, or texts on disk), so a national corpus costs the index only its postings and a few
 * bytes a clause.
 */
import { CONCEPTS } from './concepts';
import { termKind } from './terms';
import type { TermKey } from './terms';
import { TermIndexBuilder } from './termIndex';
import { TermIndex } from './termIndex';
import type { Pruning, ScoredDoc, SearchStats, TermCounts, TermIndexData } from './termIndex';

/** How much each kind of term counts against a bigram (1). */
export interface TermWeights {
  readonly unigram: number;
  readonly measure: number;
  readonly topic: number;
}

export const DEFAULT_WEIGHTS: TermWeights = { unigram: 0.5, measure: 3, topic: 1.5 };

export interface SearchableClause {
  readonly city: string;
  readonly inForce: boolean;
  readonly terms: TermCounts;
}

export interface SearchOptions {
  readonly top: number;
  readonly minScore: number;
  /** The asking draft's city: its clauses are not precedents, its in-force ones come separately. */
  readonly city?: string;
  /** Only clauses of this city. */
  readonly onlyCity?: string;
}

export interface SearchHits {
  readonly others: readonly ScoredDoc[];
  readonly sameCityInForce: readonly ScoredDoc[];
}

/** A built search as plain data (typed arrays and strings), for a build-time snapshot. */
export interface PrecedentSearchData {
  readonly format: 1;
  readonly weights: TermWeights;
  readonly index: TermIndexData;
  readonly cityNames: readonly string[];
  readonly cities: Int32Array;
  readonly inForce: Uint8Array;
}

export interface PrecedentSearch {
  toData(): PrecedentSearchData;
  readonly size: number;
  readonly postings: number;
  /** How the last search went (benchmarks). */
  readonly lastSearch: SearchStats;
  search(terms: TermCounts, options: SearchOptions): SearchHits;
}

export function termBoost(weights: TermWeights): (term: TermKey) => number {
  return (term) => {
    const kind = termKind(term);
    if (kind === 'unigram') return weights.unigram;
    if (kind === 'bigram') return 1;
    return CONCEPTS[-term - 1].kind === 'measure' ? weights.measure : weights.topic;
  };
}

export function buildPrecedentSearch(clauses: Iterable<SearchableClause>, weights: TermWeights = DEFAULT_WEIGHTS, pruning?: Pruning): PrecedentSearch {
  const builder = new PrecedentSearchBuilder(weights, pruning);
  for (const clause of clauses) builder.add(clause.city, clause.inForce, clause.terms);
  return builder.build();
}

/** Adds clauses one by one (or packed, as worker threads hand them over), then builds once. */
export class PrecedentSearchBuilder {
  private readonly terms: TermIndexBuilder;
  private readonly cityIds = new Map<string, number>();
  private cities = new Int32Array(1024);
  private inForce = new Uint8Array(1024);
  private count = 0;

  constructor(private readonly weights: TermWeights = DEFAULT_WEIGHTS, pruning?: Pruning) {
    this.terms = new TermIndexBuilder({ boost: termBoost(weights), pruning });
  }

  add(city: string, inForce: boolean, terms: TermCounts): number {
    return this.note(this.terms.add(terms), city, inForce);
  }

  /** A clause whose terms are keys[from … to) with counts[from … to). */
  addPacked(city: string, inForce: boolean, keys: ArrayLike<number>, counts: ArrayLike<number>, from: number, to: number): number {
    return this.note(this.terms.addTerms(keys, counts, from, to), city, inForce);
  }

  build(): PrecedentSearch {
    return searchOver(this.terms.build(), this.cityIds, this.cities.subarray(0, this.count), this.inForce.subarray(0, this.count), this.weights);
  }

  private note(doc: number, city: string, inForce: boolean): number {
    this.count = doc + 1;
    if (doc >= this.cities.length) {
      this.cities = grow(this.cities, new Int32Array(this.cities.length * 2));
      this.inForce = grow(this.inForce, new Uint8Array(this.inForce.length * 2));
    }
    let id = this.cityIds.get(city);
    if (id === undefined) this.cityIds.set(city, (id = this.cityIds.size));
    this.cities[doc] = id;
    this.inForce[doc] = inForce ? 1 : 0;
    return doc;
  }
}

/** A search from its data (a snapshot made by the same code). */
export function restorePrecedentSearch(data: PrecedentSearchData): PrecedentSearch {
  return searchOver(TermIndex.from(data.index, termBoost(data.weights)), new Map(data.cityNames.map((name, i) => [name, i])), data.cities, data.inForce, data.weights);
}

function searchOver(index: TermIndex, cityIds: ReadonlyMap<string, number>, cities: Int32Array, inForce: Uint8Array, weights: TermWeights): PrecedentSearch {
  return {
    toData: () => ({ format: 1, weights, index: index.toData(), cityNames: [...cityIds.keys()], cities, inForce }),
    size: index.size,
    postings: index.postings,
    lastSearch: index.lastSearch,
    search(terms, options) {
      const only = options.onlyCity === undefined ? undefined : cityIds.get(options.onlyCity) ?? -1;
      const own = options.city === undefined ? -1 : cityIds.get(options.city) ?? -1;
      // Group 0: precedents (other cities, or only the asked one); group 1: the draft city's in-force clauses.
      const groupOf = only !== undefined
        ? (doc: number): number => (cities[doc] === only ? 0 : -1)
        : (doc: number): number => (cities[doc] !== own ? 0 : inForce[doc] === 1 ? 1 : -1);
      const [others, sameCityInForce] = index.searchGroups(index.vector(terms), options.top, 2, groupOf, options.minScore);
      return { others, sameCityInForce };
    },
  };
}

function grow<T extends Int32Array | Uint8Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
