/**
 * Findings of clause-scoped rules kept from the last lint of each document, so that a keystroke
 * re-runs those rules on the clause being typed in, not on the 300 others.
 *
 * A clause-scoped rule's findings for a clause are a function of the clause's source (its YAML text,
 * its column, its position in the document: text/sourceKey) and of the document's header (city, title, unit,
 * departments map), the lint settings and the corpus. They are stored relative to the clause's
 * start and shifted to where the clause now is. A finding that lands outside the clause it was
 * reported for means the rule is not clause-scoped after all: the memo then stops reusing that
 * rule's findings for the document and runs it on the whole document.
 */
import type { LintConfig } from './config';
import type { Clause, PolicyDocument } from './model/types';
import type { PrecedentIndex } from './precedents/types';
import type { Message, Rule, Severity } from './rules/types';
import { registerClearable } from './text/recentCache';
import { nodeSourceKey } from './text/sourceKey';

/** A finding with source offsets (absolute, or relative to its clause inside the memo). */
export interface ResolvedFinding {
  readonly start: number;
  readonly end: number;
  readonly message: Message;
  readonly severity?: Severity;
  readonly related: ReadonlyArray<{ readonly start: number; readonly end: number; readonly message: Message }>;
  readonly data?: Readonly<Record<string, unknown>>;
}

interface DocumentState {
  readonly context: string;
  readonly clauseKeys: WeakMap<PolicyDocument, readonly string[]>;
  /** Per rule id: the findings of each clause by clause key. */
  readonly byRule: Map<string, Map<string, readonly ResolvedFinding[]>>;
  /** Rules seen reporting outside their clause: always run on the whole document. */
  readonly wholeDocument: Set<string>;
}

/** Documents remembered at once (open editors); the least recently linted is dropped first. */
const DOCUMENTS = 32;

export class ClauseFindingsMemo {
  private readonly documents = new Map<string, DocumentState>();

  constructor() {
    registerClearable(this); // clearRecentCaches empties it too
  }

  /**
   * The findings of `rule` on every clause of `document`: remembered ones for unchanged clauses,
   * `runOn` for the others (called with a copy of the document holding only those clauses).
   */
  findings(
    rule: Rule, document: PolicyDocument, context: LintContext,
    runOn: (document: PolicyDocument) => ResolvedFinding[],
  ): ResolvedFinding[] {
    const state = this.state(document, context);
    if (state.wholeDocument.has(rule.id)) return runOn(document);
    const clauses = document.clauses;
    const keys = this.keysOf(state, document);
    const before = state.byRule.get(rule.id);
    const after = new Map<string, readonly ResolvedFinding[]>();
    const out: ResolvedFinding[] = [];
    const missing: Clause[] = [];
    clauses.forEach((clause, i) => {
      const known = before?.get(keys[i]);
      if (known === undefined) {
        missing.push(clause);
        return;
      }
      after.set(keys[i], known);
      for (const finding of known) out.push(shift(finding, clause.node.start));
    });
    if (missing.length > 0) {
      const found = runOn(missing.length === clauses.length ? document : { ...document, clauses: missing });
      const perClause = missing.map((): ResolvedFinding[] => []);
      const owner = ownerOf(missing);
      for (const finding of found) {
        const at = owner(finding);
        if (at < 0) {
          // Not clause-scoped on this document: forget its findings and run it whole from now on.
          state.byRule.delete(rule.id);
          state.wholeDocument.add(rule.id);
          return runOn(document);
        }
        perClause[at].push(finding);
      }
      missing.forEach((clause, at) => {
        after.set(keys[clause.index], perClause[at].map((f) => shift(f, -clause.node.start)));
        out.push(...perClause[at]);
      });
    }
    state.byRule.set(rule.id, after);
    return out;
  }

  clear(): void {
    this.documents.clear();
    this.last = undefined;
  }

  /** The context key of the lint in progress: every clause-scoped rule of one lint asks for the same. */
  private last?: { readonly document: PolicyDocument; readonly context: LintContext; readonly key: string };

  private state(document: PolicyDocument, context: LintContext): DocumentState {
    if (this.last?.document !== document || this.last.context !== context) this.last = { document, context, key: contextKey(document, context) };
    const key = this.last.key;
    let state = this.documents.get(document.uri);
    this.documents.delete(document.uri);
    if (!state || state.context !== key) {
      state = { context: key, clauseKeys: new WeakMap(), byRule: new Map(), wholeDocument: new Set() };
    }
    this.documents.set(document.uri, state);
    if (this.documents.size > DOCUMENTS) this.documents.delete(this.documents.keys().next().value as string);
    return state;
  }

  /** One key per clause: its position in the document and its source. */
  private keysOf(state: DocumentState, document: PolicyDocument): readonly string[] {
    let keys = state.clauseKeys.get(document);
    if (!keys) {
      const text = document.yaml.text;
      keys = document.clauses.map((clause) => `${clause.index}:${nodeSourceKey(text, clause.node)}`);
      state.clauseKeys.set(document, keys);
    }
    return keys;
  }
}

/** What besides a clause's own source its findings may depend on. */
export interface LintContext {
  readonly config?: LintConfig;
  readonly corpus?: PrecedentIndex;
}

let nextCorpusId = 1;
const corpusIds = new WeakMap<PrecedentIndex, number>();

function contextKey(document: PolicyDocument, context: LintContext): string {
  let corpusId = 0;
  if (context.corpus) {
    corpusId = corpusIds.get(context.corpus) ?? nextCorpusId++;
    corpusIds.set(context.corpus, corpusId);
  }
  const departments = [...document.departmentNames].map(([short, full]) => [short, full.value]);
  return JSON.stringify([
    document.city?.value, document.policy?.value, document.unit, document.status, departments, context.config ?? null, corpusId,
  ]);
}

/**
 * The index in `clauses` of the clause a finding lies in, or -1: a binary search over the clauses by
 * start (chapter clauses come before root clauses in the model, not always in the text).
 */
function ownerOf(clauses: readonly Clause[]): (finding: ResolvedFinding) => number {
  const order = clauses.map((_, i) => i).sort((a, b) => clauses[a].node.start - clauses[b].node.start);
  return (finding) => {
    let low = 0;
    let high = order.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (clauses[order[mid]].node.start <= finding.start) {
        found = order[mid];
        low = mid + 1;
      } else high = mid - 1;
    }
    return found >= 0 && within(finding, clauses[found]) ? found : -1;
  };
}

function within(finding: ResolvedFinding, clause: Clause): boolean {
  const { start, end } = clause.node;
  const inside = (s: number, e: number): boolean => s >= start && e <= end;
  return inside(finding.start, finding.end) && finding.related.every((r) => inside(r.start, r.end));
}

function shift(finding: ResolvedFinding, by: number): ResolvedFinding {
  if (by === 0) return finding;
  return {
    ...finding,
    start: finding.start + by,
    end: finding.end + by,
    related: finding.related.length === 0 ? finding.related : finding.related.map((r) => ({ ...r, start: r.start + by, end: r.end + by })),
  };
}
