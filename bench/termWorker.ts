/**
 * Worker thread of bench/parallelTerms.ts: makes the terms of its share of a synthetic corpus
 * (chunks w, w + W, w + 2W …) and posts them packed in typed arrays, which move without copying.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { textTerms } from '../server/src/core/precedents/precedentIndex';
import { syntheticClause } from './syntheticCorpus';
import type { BaseClause } from './syntheticCorpus';

export interface TermChunk {
  readonly chunk: number;
  /** Per clause: where its terms end in keys/counts. */
  readonly ends: Int32Array;
  readonly keys: Int32Array;
  readonly counts: Float64Array;
  readonly cities: string[];
  readonly inForce: Uint8Array;
}

interface Job {
  readonly base: BaseClause[];
  readonly seed: number;
  readonly size: number;
  readonly chunkSize: number;
  readonly worker: number;
  readonly workers: number;
}

function run(job: Job): void {
  for (let chunk = job.worker; chunk * job.chunkSize < job.size; chunk += job.workers) {
    const from = chunk * job.chunkSize;
    const to = Math.min(job.size, from + job.chunkSize);
    const keys: number[] = [];
    const counts: number[] = [];
    const ends = new Int32Array(to - from);
    const cities: string[] = [];
    const inForce = new Uint8Array(to - from);
    for (let i = from; i < to; i++) {
      const clause = syntheticClause(job.base, i, job.seed);
      for (const [key, count] of textTerms(clause.text, clause.title)) {
        keys.push(key);
        counts.push(count);
      }
      ends[i - from] = keys.length;
      cities.push(clause.city);
      inForce[i - from] = clause.inForce ? 1 : 0;
    }
    const message: TermChunk = { chunk, ends, keys: Int32Array.from(keys), counts: Float64Array.from(counts), cities, inForce };
    parentPort!.postMessage(message, [message.ends.buffer, message.keys.buffer, message.counts.buffer, message.inForce.buffer] as ArrayBuffer[]);
  }
  parentPort!.postMessage({ done: true });
}

if (parentPort) run(workerData as Job);
