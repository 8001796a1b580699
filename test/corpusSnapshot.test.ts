/**
 * The build-time corpus snapshot (server/src/host/corpusSnapshot.ts) is the corpus a fresh parse
 * builds, model for model; it is used only by the code that made it and only for unchanged files.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createPolicyLanguageService } from '../server/src/core';
import type { CorpusSource } from '../server/src/core';
import { readCorpus } from '../server/src/host/corpusFiles';
import { codeFingerprint, loadCorpusSnapshot, snapshotPath, writeCorpusSnapshot } from '../server/src/host/corpusSnapshot';
import { decodeBytes } from '../server/src/host/decode';
import { REPO_ROOT } from './helpers/paths';

const CORPUS = path.join(REPO_ROOT, 'corpus');
const NAMES = fs.readdirSync(CORPUS).filter((n) => n.endsWith('.policy.yaml')).sort();

function freshDocument(dir: string, name: string) {
  const text = decodeBytes(fs.readFileSync(path.join(dir, name)), name).text;
  return createPolicyLanguageService().parse(text, `corpus:${name.replace(/\.policy\.yaml$/, '')}`).document;
}

describe('corpus snapshot', function () {
  this.timeout(60000);
  let temp: string;
  let file: string;

  before(() => {
    temp = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lint-snapshot-'));
    file = path.join(temp, 'corpus.snapshot');
    assert.equal(writeCorpusSnapshot(CORPUS, file, [codeFingerprint()]), NAMES.length);
  });

  after(() => fs.rmSync(temp, { recursive: true, force: true }));

  it('holds, for every corpus file, the model a fresh parse builds', () => {
    const snapshot = loadCorpusSnapshot(file);
    assert.ok(snapshot, 'a snapshot made by this code is accepted');
    assert.deepEqual(Object.keys(snapshot.files).sort(), NAMES);
    for (const name of NAMES) assert.deepStrictEqual(snapshot.files[name].document, freshDocument(CORPUS, name), name);
  });

  it('the build\'s own snapshot, when this code accepts it, is a fresh parse too', function () {
    const built = loadCorpusSnapshot(snapshotPath());
    if (!built) this.skip(); // absent or made by other code (a core file rebuilt since `npm run build`): not used either
    for (const name of NAMES) assert.deepStrictEqual(built.files[name]?.document, freshDocument(CORPUS, name), name);
  });

  it('readCorpus hands the models over, and lint results equal those of parsing the texts', () => {
    const withSnapshot = readCorpus([CORPUS], file);
    assert.equal(withSnapshot.length, NAMES.length);
    assert.ok(withSnapshot.every((s) => s.document !== undefined && s.text === s.document.yaml.text));
    const textsOnly: CorpusSource[] = withSnapshot.map(({ id, text, uri }) => ({ id, text, uri }));
    const lint = (sources: readonly CorpusSource[]) => {
      const service = createPolicyLanguageService({ corpus: () => sources });
      const draft = path.join(REPO_ROOT, 'samples', 'suzhou-2026-ai-measures-draft.policy.yaml');
      const parsed = service.parse(fs.readFileSync(draft, 'utf8'), draft);
      return { diagnostics: service.lint(parsed), precedents: service.precedents(parsed) };
    };
    const a = lint(withSnapshot);
    assert.ok(a.diagnostics.some((d) => ['unknown-department', 'cap-outlier', 'overlaps-in-force'].includes(d.code)), 'corpus rules ran');
    assert.deepStrictEqual(a, lint(textsOnly));
  });

  it('is ignored when made by other code, and per file when a file changed', () => {
    const other = path.join(temp, 'other.snapshot');
    writeCorpusSnapshot(CORPUS, other, ['made-by-another-build']);
    assert.equal(loadCorpusSnapshot(other), undefined);
    assert.ok(readCorpus([CORPUS], other).every((s) => s.document === undefined));

    const copy = path.join(temp, 'corpus');
    fs.mkdirSync(copy);
    for (const name of NAMES) fs.copyFileSync(path.join(CORPUS, name), path.join(copy, name));
    const changed = NAMES[0];
    fs.appendFileSync(path.join(copy, changed), '# edited after the build\n');
    const sources = readCorpus([copy], file);
    assert.equal(sources.find((s) => `${s.id}.policy.yaml` === changed)?.document, undefined, 'the edited file is parsed again');
    assert.ok(sources.filter((s) => `${s.id}.policy.yaml` !== changed).every((s) => s.document !== undefined));
  });

  it('holds the precedent index: a service given it answers exactly as one that builds it, and it is not used for another corpus', () => {
    const snapshot = loadCorpusSnapshot(file);
    assert.ok(snapshot?.index, 'the snapshot carries the index');
    const sources = readCorpus([CORPUS], file);
    const prebuilt = createPolicyLanguageService({ corpus: () => sources, corpusIndex: () => snapshot.index });
    const built = createPolicyLanguageService({ corpus: () => sources });
    const draft = prebuilt.parse(fs.readFileSync(path.join(REPO_ROOT, 'samples', 'suzhou-2026-ai-measures-draft.policy.yaml'), 'utf8'));
    const answers = (service: typeof built): unknown => service.precedents(draft, { top: 8, minScore: 0 }).map((c) => [c.clause, c.precedents.map((p) => [p.id, p.score]), c.sameCityInForce.map((p) => p.id)]);
    assert.deepEqual(answers(prebuilt), answers(built));
    assert.deepEqual(prebuilt.lint(draft).map((d) => `${d.code}@${d.start}`), built.lint(draft).map((d) => `${d.code}@${d.start}`));
    // One corpus document less: the clauses differ, so the index is built, not taken.
    const fewer = sources.slice(1);
    const guarded = createPolicyLanguageService({ corpus: () => fewer, corpusIndex: () => snapshot.index });
    const fresh = createPolicyLanguageService({ corpus: () => fewer });
    assert.equal(guarded.corpus().clauseCount, fresh.corpus().clauseCount);
    assert.deepEqual(answers(guarded), answers(fresh));
    assert.notEqual(guarded.corpus().data().signature, snapshot.index.signature);
  });

  it('is ignored when unreadable', () => {
    const broken = path.join(temp, 'broken.snapshot');
    fs.writeFileSync(broken, 'not a snapshot');
    assert.equal(loadCorpusSnapshot(broken), undefined);
    assert.ok(readCorpus([CORPUS], broken).every((s) => s.document === undefined));
  });
});
