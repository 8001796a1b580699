/**
 * The language server's idle-time young-generation collection (server/src/idleGc.ts), with a fake
 * heap: it collects once the server is idle and the young generation could not take two more lints,
 * never during a lint, and not when there is room.
 */
import * as assert from 'node:assert/strict';
import { IdleCollector, v8HeapProbe } from '../server/src/idleGc';
import type { HeapProbe } from '../server/src/idleGc';

const MB = 1 << 20;

class FakeHeap implements HeapProbe {
  available = 16 * MB;
  collections = 0;
  youngAvailable(): number {
    return this.available;
  }
  collectYoung(): void {
    this.collections++;
    this.available = 16 * MB;
  }
}

/** Timers run by hand: the test says when the server has been idle long enough. */
function manualTimers(): { schedule: (run: () => void) => ReturnType<typeof setTimeout>; fire: () => void; pending: () => number } {
  let queued: Array<() => void> = [];
  return {
    schedule: (run) => {
      queued.push(run);
      // A real handle, so that clearTimeout on it is harmless; it never fires by itself.
      const handle = setTimeout(() => undefined, 1e9);
      handle.unref();
      clearTimeout(handle);
      return handle;
    },
    fire: () => {
      const runs = queued;
      queued = [];
      runs.forEach((run) => run());
    },
    pending: () => queued.length,
  };
}

describe('server: idle-time young-generation collection', () => {
  it('collects when idle once fewer than two lints\' worth of young space is left', () => {
    const heap = new FakeHeap();
    const timers = manualTimers();
    const collector = new IdleCollector(heap, timers.schedule);
    const lint = (allocates: number): void => {
      collector.workStarts();
      heap.available -= allocates;
      collector.workEnded();
    };
    lint(4 * MB); // 12 MB left: room for three more
    timers.fire();
    assert.equal(heap.collections, 0);
    lint(4 * MB); // 8 MB left: exactly two
    timers.fire();
    assert.equal(heap.collections, 0);
    lint(4 * MB); // 4 MB left: one
    assert.equal(heap.collections, 0, 'never during or right after a lint');
    timers.fire();
    assert.equal(heap.collections, 1);
    assert.equal(collector.collections, 1);
  });

  it('learns nothing from a lint that a collection interrupted (available space went up)', () => {
    const heap = new FakeHeap();
    const timers = manualTimers();
    const collector = new IdleCollector(heap, timers.schedule);
    heap.available = 1 * MB;
    collector.workStarts();
    heap.available = 15 * MB; // V8 scavenged in the middle of the lint
    collector.workEnded();
    timers.fire();
    assert.equal(heap.collections, 0, 'no estimate of a lint yet');
  });

  it('does nothing without a heap probe (gc could not be exposed)', () => {
    const timers = manualTimers();
    const collector = new IdleCollector(undefined, timers.schedule);
    collector.workStarts();
    collector.workEnded();
    assert.equal(timers.pending(), 0);
  });
});

describe('server: the V8 heap probe', () => {
  it('exposes gc on this Node and reads the young generation', () => {
    const probe = v8HeapProbe();
    assert.ok(probe, 'gc could not be exposed on this Node');
    const garbage: unknown[] = [];
    for (let i = 0; i < 20000; i++) garbage.push({ i, text: `第${i}条` });
    const before = probe.youngAvailable();
    assert.ok(Number.isFinite(before) && before >= 0);
    garbage.length = 0;
    probe.collectYoung();
    assert.ok(probe.youngAvailable() > before, 'a young collection frees young space');
  });
});
