/**
 * The incremental parse gives exactly the tree a full parse gives (every node, every offset), over
 * typing sessions and random edits of real drafts and corpus documents — including the edits that
 * break the structure (a line break, a dash, a colon, an unclosed quote or bracket) — and takes the
 * incremental path for ordinary typing inside a clause.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateDraft } from '../bench/generateDraft';
import { prng } from '../bench/fuzzLib';
import { parseYaml } from '../server/src/core/yaml/parseYaml';
import { reparseYaml, spliceEdit } from '../server/src/core/yaml/reparse';
import type { YMap, YSeq } from '../server/src/core/yaml/nodes';
import { REPO_ROOT } from './helpers/paths';

const SEEDS: Array<{ name: string; text: string }> = [
  ...fs.readdirSync(path.join(REPO_ROOT, 'samples')).filter((f) => f.endsWith('.policy.yaml'))
    .map((f) => ({ name: f, text: fs.readFileSync(path.join(REPO_ROOT, 'samples', f), 'utf8') })),
  ...['shenzhen-2019-action-plan.policy.yaml', 'suzhou-2023-ai-action-plan.policy.yaml']
    .map((f) => ({ name: f, text: fs.readFileSync(path.join(REPO_ROOT, 'corpus', f), 'utf8') })),
  { name: 'generated 40 clauses', text: generateDraft({ clauses: 40, seed: 11 }).text },
  { name: 'generated, CRLF', text: generateDraft({ clauses: 20, seed: 12 }).text.replace(/\n/g, '\r\n') },
];

/** What a keystroke may insert, structure-breaking characters included. */
const TYPED = ['支', '持', '企', '业', '万', '元', '（', '）', '：', '、', '5', '0', ' ', ' ', '\n', '\n        ', '- ', ':', ': ', '#', '"', "'", '[', ']', '{', '}', '|', '>', '\t', '*', '!', '%', '@', '`', ',', '?', '---\n', '\r'];

function randomEdit(text: string, rand: () => number, clauseLines: readonly number[]): string {
  const pick = rand();
  const lines = text.split('\n');
  if (pick < 0.6 && clauseLines.length > 0) {
    // Typing inside a clause's text: the common case.
    const line = clauseLines[Math.floor(rand() * clauseLines.length)];
    const start = lines.slice(0, line).reduce((n, l) => n + l.length + 1, 0);
    const at = start + Math.floor(rand() * (lines[line]?.length ?? 0));
    return rand() < 0.7 ? text.slice(0, at) + '支持人工智能'.slice(0, 1 + Math.floor(rand() * 5)) + text.slice(at) : text.slice(0, at) + text.slice(at + 1 + Math.floor(rand() * 3));
  }
  const at = Math.floor(rand() * (text.length + 1));
  if (pick < 0.85) return text.slice(0, at) + TYPED[Math.floor(rand() * TYPED.length)] + text.slice(at);
  return text.slice(0, at) + text.slice(at + 1 + Math.floor(rand() * 6));
}

describe('incremental YAML parse', function () {
  this.timeout(120000);

  it('equals a full parse after every edit of seeded editing sessions, and splices ordinary typing', () => {
    let edits = 0;
    let spliced = 0;
    let typingSpliced = 0;
    let typing = 0;
    for (const [s, seed] of SEEDS.entries()) {
      const rand = prng(1000 + s);
      let text = seed.text;
      let previous = parseYaml(text);
      assert.equal(previous.error, undefined, `${seed.name} parses`);
      for (let i = 0; i < 250; i++) {
        const clauseLines = text.split('\n').flatMap((l, n) => (/^\s{8,}\S/.test(l) && !/^\s*[-\w]+:/.test(l) ? [n] : []));
        const before = text;
        text = randomEdit(text, rand, clauseLines);
        const isTyping = text.length !== before.length && clauseLines.length > 0 && !/[\n:\-#"'[\]{}|>&*]/.test(diff(before, text));
        const incremental = reparseYaml(previous, text);
        const full = parseYaml(text);
        const differs = firstDifference(incremental, full);
        assert.equal(differs, undefined, `${seed.name}, edit ${i} (${JSON.stringify(diff(before, text))} at ${firstChange(before, text)}): ${differs}`);
        edits++;
        if (spliceEdit(previous, text)) {
          spliced++;
          if (isTyping) typingSpliced++;
        }
        if (isTyping) typing++;
        // An edit that breaks the document is checked, then undone, so the session goes on in valid YAML.
        if (full.error || full.extraDocuments.length > 0) text = before;
        else previous = incremental;
      }
    }
    assert.ok(edits >= 1500, `${edits} edits`);
    // The random sessions leave empty values and other shapes that are parsed whole; see the next test for typing.
    assert.ok(spliced > edits * 0.25, `spliced ${spliced} of ${edits}`);
    assert.ok(typingSpliced > typing * 0.35, `typing spliced ${typingSpliced} of ${typing}`);
  });

  it('splices typing into the text of every clause but the very last, as a full parse would', () => {
    const text = SEEDS[1].text; // samples/suzhou-2026-ai-measures-draft.policy.yaml
    const previous = parseYaml(text);
    const chapters = (previous.root as YMap).pairs.find((p) => p.key.kind === 'scalar' && p.key.value === 'chapters')!.value as YSeq;
    let checked = 0;
    for (const [c, chapter] of (chapters.items as YMap[]).entries()) {
      const clauses = chapter.pairs.find((p) => p.key.kind === 'scalar' && p.key.value === 'clauses')!.value as YSeq;
      clauses.items.forEach((clause, i) => {
        const value = (clause as YMap).pairs.find((p) => p.key.kind === 'scalar' && p.key.value === 'text')!.value;
        const at = Math.floor((value.start + value.end) / 2);
        const typed = `${text.slice(0, at)}鼓励${text.slice(at)}`;
        const spliced = spliceEdit(previous, typed);
        // The last clause of a chapter is spliced with its chapter; of the last chapter, parsed whole.
        if (i === clauses.items.length - 1 && c === chapters.items.length - 1) assert.equal(spliced, undefined, 'the very last clause is parsed whole');
        else {
          assert.ok(spliced, `clause ${i} of a chapter is spliced`);
          assert.deepStrictEqual(spliced, parseYaml(typed));
          checked++;
        }
      });
    }
    assert.ok(checked >= 10, `${checked} clauses`);
  });

  it('falls back to a full parse where a splice would differ', () => {
    const text = 'clauses:\n  - id: "1"\n    text: 支持企业\n  - id: "2"\n    text: 鼓励创新\n  - id: "3"\n    text: 培育人才\n';
    const previous = parseYaml(text);
    const at = text.indexOf('支持');
    // An unclosed quote runs past the clause: the fragment alone fails, the whole is parsed.
    assert.equal(spliceEdit(previous, `${text.slice(0, at)}"${text.slice(at)}`), undefined);
    // A new item inside the clause's lines: two items where there was one.
    assert.equal(spliceEdit(previous, text.replace('    text: 支持企业\n', '    text: 支持企业\n  - id: "1b"\n')), undefined);
    // The last item of a list has no next line to stop at.
    assert.equal(spliceEdit(previous, text.replace('培育人才', '培育高端人才')), undefined);
    // An anchor anywhere: aliases read nodes elsewhere.
    assert.equal(spliceEdit(previous, text.replace('支持企业', '支持企业 &a')), undefined);
    // Typing in the first clause is spliced, and equals the full parse.
    const typed = text.replace('支持企业', '支持科技企业');
    const spliced = spliceEdit(previous, typed);
    assert.ok(spliced);
    assert.deepStrictEqual(spliced, parseYaml(typed));
  });
});

/** The inserted or removed characters between two texts. */
function diff(a: string, b: string): string {
  let from = 0;
  while (from < a.length && from < b.length && a[from] === b[from]) from++;
  let same = 0;
  while (same < a.length - from && same < b.length - from && a[a.length - 1 - same] === b[b.length - 1 - same]) same++;
  return a.length > b.length ? a.slice(from, a.length - same) : b.slice(from, b.length - same);
}

function firstChange(a: string, b: string): number {
  let from = 0;
  while (from < a.length && from < b.length && a[from] === b[from]) from++;
  return from;
}

/** Where two parse results first differ (a property path and both values), or undefined. */
function firstDifference(a: unknown, b: unknown, at = 'result'): string | undefined {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) {
    return Object.is(a, b) ? undefined : `${at}: ${JSON.stringify(a)?.slice(0, 120)} ≠ ${JSON.stringify(b)?.slice(0, 120)}`;
  }
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const found = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${at}.${key}`);
    if (found) return found;
  }
  return undefined;
}
