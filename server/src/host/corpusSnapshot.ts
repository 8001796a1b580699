/**
 * The bundled corpus, parsed at build time. `npm run build` (packaging/corpusSnapshot.js) and
 * `npm run bundle` (packaging/bundle.js) write the models of corpus/*.policy.yaml with v8.serialize
 * next to the code that reads them; at start the server deserializes them instead of parsing 39 YAML
 * documents through the normalisers.
 *
 * A snapshot is used only while it matches: the code that made it (a fingerprint of the compiled core,
 * or of the bundle) and each corpus file's bytes (SHA-1). Anything else (an edited corpus file, a
 * rebuilt core, a missing or unreadable snapshot) is parsed as before, so a stale snapshot costs time,
 * never correctness. test/corpusSnapshot.test.ts proves a snapshot equals a fresh parse.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import { createPolicyLanguageService } from '../core';
import type { CorpusSource, PolicyDocument } from '../core';
import type { PrecedentIndexData } from '../core/precedents/precedentIndex';
import { decodeBytes } from './decode';

const FORMAT = 'policy-lint corpus snapshot 2';

export interface CorpusSnapshot {
  readonly format: string;
  /** Fingerprints of the code that may use it (codeFingerprint() of each build that made it). */
  readonly code: readonly string[];
  /** Per file name: SHA-1 of its bytes and its model. */
  readonly files: Readonly<Record<string, { readonly sha1: string; readonly document: PolicyDocument }>>;
  /** The precedent index of these documents (the core checks it was built from the same clauses). */
  readonly index?: PrecedentIndexData;
}

/** Where this build keeps its snapshot: next to the running code (out/server/src/host/ or dist/). */
export function snapshotPath(): string {
  return path.join(__dirname, 'corpus.snapshot');
}

export function sha1(bytes: Uint8Array | string): string {
  return createHash('sha1').update(bytes).digest('hex');
}

let fingerprint: string | undefined;

/**
 * What the models and the index depend on. In the tsc output: the bytes of the compiled modules a
 * parse or an index build runs (from core/model/buildModel.js, core/yaml/parseYaml.js and
 * core/precedents/precedentIndex.js, following their requires; packages by their resolved entry
 * file) and of core/service.js, which composes them; so rebuilding an unrelated module (a rule)
 * keeps the snapshot, and one that re-emits the same code too. In a bundle: the bundle's bytes.
 */
export function codeFingerprint(): string {
  if (fingerprint !== undefined) return fingerprint;
  const core = path.join(__dirname, '..', 'core');
  if (path.basename(__dirname) === 'host' && fs.existsSync(core)) {
    const hash = createHash('sha1');
    const seen = new Set<string>();
    const pending = [path.join(core, 'model', 'buildModel.js'), path.join(core, 'yaml', 'parseYaml.js'), path.join(core, 'precedents', 'precedentIndex.js')];
    while (pending.length > 0) {
      const file = pending.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      const source = fs.readFileSync(file, 'utf8');
      for (const [, spec] of source.matchAll(/\brequire\("([^"]+)"\)/g)) {
        if (!spec.startsWith('.')) {
          if (!spec.startsWith('node:')) seen.add(require.resolve(spec, { paths: [path.dirname(file)] }));
          continue;
        }
        const target = path.resolve(path.dirname(file), spec);
        pending.push(fs.existsSync(`${target}.js`) ? `${target}.js` : path.join(target, 'index.js'));
      }
    }
    seen.add(path.join(core, 'service.js'));
    for (const file of [...seen].sort()) hash.update(`${path.relative(core, file)}\0`).update(fs.readFileSync(file));
    fingerprint = hash.digest('hex');
  } else {
    fingerprint = sha1(fs.readFileSync(__filename));
  }
  return fingerprint;
}

/** The snapshot at `file` when it was made by this code; undefined otherwise (then parse as usual). */
export function loadCorpusSnapshot(file = snapshotPath()): CorpusSnapshot | undefined {
  try {
    if (!fs.existsSync(file)) return undefined;
    const snapshot = v8.deserialize(fs.readFileSync(file)) as CorpusSnapshot;
    if (snapshot?.format !== FORMAT || !snapshot.code.includes(codeFingerprint())) return undefined;
    return snapshot;
  } catch {
    return undefined; // unreadable or from another Node version: parse instead
  }
}

/** Parses every *.policy.yaml of `dir` and writes the snapshot for the given code fingerprints. */
export function writeCorpusSnapshot(dir: string, file: string, code: readonly string[]): number {
  const service = createPolicyLanguageService();
  const files: Record<string, { sha1: string; document: PolicyDocument }> = {};
  for (const name of fs.readdirSync(dir).sort()) {
    const match = /^(.*)\.policy\.ya?ml$/.exec(name);
    if (!match) continue;
    const bytes = fs.readFileSync(path.join(dir, name));
    // Decoded exactly as readCorpus decodes, so the model is the one a fresh read would build.
    files[name] = { sha1: sha1(bytes), document: service.parse(decodeBytes(bytes, name).text, `corpus:${match[1]}`).document };
  }
  // The index as the server would build it from this folder alone (the bundled corpus).
  const sources: CorpusSource[] = Object.entries(files).map(([name, f]) => ({ id: name.replace(/\.policy\.ya?ml$/, ''), text: f.document.yaml.text, document: f.document }));
  const index = createPolicyLanguageService({ corpus: () => sources }).corpus().data();
  const snapshot: CorpusSnapshot = { format: FORMAT, code, files, index };
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, v8.serialize(snapshot));
  fs.renameSync(temporary, file);
  return Object.keys(files).length;
}
