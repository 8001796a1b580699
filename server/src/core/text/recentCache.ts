/**
 * A bounded memo for values derived from text (clause facts, similarity tokens): what was used in the
 * last few parses stays, what was not is dropped. Two generations instead of a strict LRU, so a hit
 * costs one or two map lookups and no reordering, on every clause of every keystroke.
 */
export class RecentCache<V> {
  private young = new Map<string, V>();
  private old = new Map<string, V>();

  /** Holds at most about 2 × `generation` entries. */
  constructor(private readonly generation: number) {
    everyCache.push(this);
  }

  get(key: string): V | undefined {
    const hit = this.young.get(key);
    if (hit !== undefined) return hit;
    const aged = this.old.get(key);
    if (aged !== undefined) this.set(key, aged);
    return aged;
  }

  clear(): void {
    this.young = new Map();
    this.old = new Map();
  }

  set(key: string, value: V): void {
    if (this.young.size >= this.generation) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, value);
  }
}

const everyCache: RecentCache<unknown>[] = [];

/** Empties every memo (benchmarks that time a first analysis; results never depend on it). */
export function clearRecentCaches(): void {
  for (const cache of everyCache) cache.clear();
  for (const ref of clearables) {
    const memo = ref.deref();
    if (memo) memo.clear();
    else clearables.delete(ref);
  }
}

/** Memos owned by an object that may be dropped (a service's), held weakly. */
const clearables = new Set<WeakRef<{ clear(): void }>>();

/** Lets clearRecentCaches empty `memo` too. */
export function registerClearable(memo: { clear(): void }): void {
  clearables.add(new WeakRef(memo));
}
