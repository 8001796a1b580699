/**
 * Young-generation collections between keystrokes instead of during them.
 *
 * Each lint of a 300-clause draft allocates a few megabytes; V8 empties its young generation (a
 * scavenge of 5–15 ms on this machine) whenever it fills, which lands on about one keystroke in
 * three, in the middle of its lint (bench/editPhases.ts). When the server has gone idle after
 * publishing and the young generation could not take the next lint's allocations, it is emptied
 * then: the scavenge happens anyway, but while the drafter is between keystrokes rather than waiting
 * for squiggles. Browsers do the same from their idle time; Node has no idle notion, so the server
 * says when it is idle. Without `gc` (flags frozen) this does nothing.
 */
import * as v8 from 'node:v8';
import * as vm from 'node:vm';

export interface HeapProbe {
  /** Bytes the young generation can still allocate before it must be collected. */
  youngAvailable(): number;
  /** Runs a young-generation collection. */
  collectYoung(): void;
}

/** How long after the last lint the server counts as idle (ms): a keystroke comes 100 ms or more apart. */
export const IDLE_AFTER_MS = 20;

export class IdleCollector {
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Young-generation bytes the last lints took (the largest of the last few), an estimate of the next. */
  private recent: number[] = [];
  private before = 0;
  collections = 0;

  constructor(private readonly probe: HeapProbe | undefined, private readonly schedule: (run: () => void) => ReturnType<typeof setTimeout> = (run) => setTimeout(run, IDLE_AFTER_MS).unref()) {}

  /** A change came in: whatever was planned for the idle time waits. */
  postpone(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** A lint starts. */
  workStarts(): void {
    if (!this.probe) return;
    this.postpone();
    this.before = this.probe.youngAvailable();
  }

  /** A lint ended: remember what it took and check again once the server is idle. */
  workEnded(): void {
    if (!this.probe) return;
    const used = this.before - this.probe.youngAvailable();
    // Negative when a scavenge ran during the lint: that lint tells nothing.
    if (used > 0) this.recent = [used, ...this.recent].slice(0, 4);
    this.postpone();
    this.timer = this.schedule(() => this.idle());
  }

  private idle(): void {
    this.timer = undefined;
    const next = Math.max(0, ...this.recent);
    // Room for two more lints: collecting earlier would only collect more often.
    if (next > 0 && this.probe!.youngAvailable() < 2 * next) {
      this.probe!.collectYoung();
      this.collections++;
    }
  }
}

/** V8's own young generation, or undefined when `gc` cannot be exposed. */
export function v8HeapProbe(): HeapProbe | undefined {
  let gc: ((options?: { type: 'minor' | 'major' }) => void) | undefined;
  try {
    v8.setFlagsFromString('--expose-gc');
    gc = vm.runInNewContext('gc') as typeof gc;
  } catch {
    return undefined;
  }
  if (typeof gc !== 'function') return undefined;
  const collect = gc;
  return {
    youngAvailable: () => v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.space_available_size ?? Number.POSITIVE_INFINITY,
    collectYoung: () => collect({ type: 'minor' }),
  };
}
