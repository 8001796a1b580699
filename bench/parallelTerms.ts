/**
 * Term extraction of a synthetic corpus on every core (bench/termWorker.ts), handed to `add` in
 * clause order, so the index is the one a single thread would build.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { textTerms } from '../server/src/core/precedents/precedentIndex';
import { PrecedentSearchBuilder } from '../server/src/core/precedents/search';
import type { PrecedentSearch } from '../server/src/core/precedents/search';
import { syntheticClause } from './syntheticCorpus';
import type { BaseClause } from './syntheticCorpus';
import type { TermChunk } from './termWorker';

export type AddPacked = (city: string, inForce: boolean, keys: Int32Array, counts: Float64Array, from: number, to: number) => void;

export async function addInParallel(base: readonly BaseClause[], size: number, seed: number, add: AddPacked, workers = os.availableParallelism()): Promise<void> {
  const chunkSize = 2000;
  const waiting = new Map<number, TermChunk>();
  let next = 0;
  const drain = (): void => {
    for (let chunk = waiting.get(next); chunk; chunk = waiting.get(next)) {
      waiting.delete(next++);
      let start = 0;
      for (let i = 0; i < chunk.ends.length; i++) {
        add(chunk.cities[i], chunk.inForce[i] === 1, chunk.keys, chunk.counts, start, chunk.ends[i]);
        start = chunk.ends[i];
      }
    }
  };
  await Promise.all(Array.from({ length: workers }, (_, worker) => new Promise<void>((resolve, reject) => {
    const thread = new Worker(path.join(__dirname, 'termWorker.js'), { workerData: { base, seed, size, chunkSize, worker, workers } });
    thread.on('message', (message: TermChunk | { done: true }) => {
      if ('done' in message) {
        void thread.terminate();
        resolve();
        return;
      }
      waiting.set(message.chunk, message);
      drain();
    });
    thread.on('error', reject);
  })));
  drain();
  if (next * chunkSize < size) throw new Error(`parallel terms: stopped at chunk ${next}`);
}

/** The precedent search over `size` synthetic clauses: terms on `threads` workers, or in this thread. */
export async function buildSyntheticSearch(base: readonly BaseClause[], size: number, seed: number, threads: number): Promise<PrecedentSearch> {
  const builder = new PrecedentSearchBuilder();
  if (threads > 1) await addInParallel(base, size, seed, (city, inForce, keys, counts, from, to) => builder.addPacked(city, inForce, keys, counts, from, to), threads);
  else {
    for (let i = 0; i < size; i++) {
      const clause = syntheticClause(base, i, seed);
      builder.add(clause.city, clause.inForce, textTerms(clause.text, clause.title));
    }
  }
  return builder.build();
}
