/** The bundled corpus (corpus/ in the package) plus folders from --corpus and the config file. */
import * as fs from 'node:fs';
import { readBoundedSync } from './readBounded';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CorpusSource } from '../core';
import type { PrecedentIndexData } from '../core/precedents/precedentIndex';
import { loadCorpusSnapshot, sha1 } from './corpusSnapshot';
import { decodeBytes } from './decode';
import { UsageError } from './usageError';

/** corpus/ next to the package root, whether running from out/ or from a bundle. */
export function bundledCorpusDir(): string | undefined {
  for (let dir = __dirname; path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'corpus');
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(candidate)) return candidate;
  }
  return undefined;
}

export function checkCorpusDirs(dirs: readonly string[], cwd: string): string[] {
  return dirs.map((dir) => {
    const full = path.resolve(cwd, dir);
    if (!fs.existsSync(full) || !fs.statSync(full).isDirectory()) throw new UsageError(`corpus folder '${dir}' does not exist`);
    try {
      fs.readdirSync(full);
    } catch {
      throw new UsageError(`corpus folder '${dir}' cannot be read`);
    }
    return full;
  });
}

let lastIndex: PrecedentIndexData | undefined;

/**
 * The precedent index of the snapshot the last `readCorpus` used, if any: the service takes it when
 * the corpus read is exactly the bundled one (it checks), so a start does not build the index.
 */
export function snapshotIndex(): PrecedentIndexData | undefined {
  return lastIndex;
}

/**
 * Reads every *.policy.yaml under the folders; ids are file names without `.policy.yaml`. Files of
 * the bundled corpus whose bytes the build-time snapshot knows come with their model (see
 * ./corpusSnapshot.ts), so the service does not parse them again.
 */
export function readCorpus(dirs: readonly string[], snapshotFile?: string): CorpusSource[] {
  const bundled = bundledCorpusDir();
  const snapshot = dirs.some((dir) => bundled !== undefined && path.resolve(dir) === bundled) || snapshotFile
    ? loadCorpusSnapshot(snapshotFile)
    : undefined;
  lastIndex = snapshot?.index;
  const sources: CorpusSource[] = [];
  const seen = new Set<string>();
  for (const dir of dirs) {
    let names: string[];
    try {
      names = fs.readdirSync(dir).sort();
    } catch {
      continue; // an unreadable folder is skipped; the other folders (the bundled corpus) still serve
    }
    for (const name of names) {
      const match = /^(.*)\.policy\.ya?ml$/.exec(name);
      if (!match || seen.has(match[1])) continue;
      seen.add(match[1]);
      try {
        const file = path.join(dir, name);
        const bytes = readBoundedSync(file);
        const known = snapshot?.files[name];
        const document = known && known.sha1 === sha1(bytes) ? known.document : undefined;
        sources.push({ id: match[1], text: document ? document.yaml.text : decodeBytes(bytes, name).text, uri: pathToFileURL(file).href, document });
      } catch {
        // An unreadable corpus file is skipped; the rest still serves.
      }
    }
  }
  return sources;
}
