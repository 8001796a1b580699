/**
 * Compare with city: lines a draft up, clause by clause, against one city's policies. Pairs are made
 * greedily by score, one-to-one, so a city clause is matched to at most one draft clause; what is
 * left on either side is a measure the other side lacks.
 */
import type { PolicyDocument } from '../model/types';
import { describePrecedent, precedentCaps } from './precedentIndex';
import { PRECEDENT_SCORE } from './types';
import type { Precedent, PrecedentCap, PrecedentIndex } from './types';

export interface ComparedClause {
  readonly id: string;
  readonly title?: string;
  readonly text: string;
  readonly caps: readonly PrecedentCap[];
}

export interface ComparePair {
  readonly clause: ComparedClause;
  readonly precedent: Precedent;
  readonly score: number;
  readonly ours: readonly PrecedentCap[];
  readonly theirs: readonly PrecedentCap[];
  /** Our highest cap against theirs: higher, lower, same, or undefined when either side has none. */
  readonly capComparison?: 'higher' | 'lower' | 'same';
}

export interface CityComparison {
  readonly city: string;
  readonly pairs: readonly ComparePair[];
  readonly onlyOurs: readonly ComparedClause[];
  readonly onlyTheirs: readonly Precedent[];
}

/** Below this a pairing is a guess, not a match. */
export const PAIR_THRESHOLD = PRECEDENT_SCORE.comparable;

export function compareWithCity(draft: PolicyDocument, index: PrecedentIndex, city: string, threshold = PAIR_THRESHOLD): CityComparison {
  const measures = draft.clauses.filter((c) => c.kind === 'measure' && c.text);
  const candidates: Array<{ ours: number; precedent: Precedent }> = [];
  measures.forEach((clause, ours) => {
    for (const precedent of index.query(clause, { onlyCity: city, top: 10, minScore: threshold, excerpts: true }).precedents) {
      candidates.push({ ours, precedent });
    }
  });
  candidates.sort((a, b) => b.precedent.score - a.precedent.score || a.ours - b.ours);
  const pairedOurs = new Map<number, Precedent>();
  const pairedTheirs = new Set<string>();
  for (const { ours, precedent } of candidates) {
    if (pairedOurs.has(ours) || pairedTheirs.has(precedent.id)) continue;
    pairedOurs.set(ours, precedent);
    pairedTheirs.add(precedent.id);
  }
  const describe = (i: number): ComparedClause => {
    const clause = measures[i];
    return { id: clause.id?.value ?? String(clause.index + 1), title: clause.title?.value, text: clause.text!.value, caps: precedentCaps(clause) };
  };
  const pairs: ComparePair[] = [];
  const onlyOurs: ComparedClause[] = [];
  measures.forEach((_, i) => {
    const precedent = pairedOurs.get(i);
    if (!precedent) {
      onlyOurs.push(describe(i));
      return;
    }
    const clause = describe(i);
    pairs.push({ clause, precedent, score: precedent.score, ours: clause.caps, theirs: precedent.caps, capComparison: compareCaps(clause.caps, precedent.caps) });
  });
  const onlyTheirs: Precedent[] = [];
  for (const { document, clause } of index.clausesOf(city)) {
    const id = `${city}/${document.id}#${clause.id?.value ?? clause.index + 1}`;
    if (pairedTheirs.has(id)) continue;
    onlyTheirs.push(describePrecedent(document, clause, 0));
  }
  return { city, pairs, onlyOurs, onlyTheirs };
}

function compareCaps(ours: readonly PrecedentCap[], theirs: readonly PrecedentCap[]): 'higher' | 'lower' | 'same' | undefined {
  if (ours.length === 0 || theirs.length === 0) return undefined;
  const a = Math.max(...ours.map((c) => c.yuan));
  const b = Math.max(...theirs.map((c) => c.yuan));
  return a > b ? 'higher' : a < b ? 'lower' : 'same';
}
