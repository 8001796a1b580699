/**
 * Reusing the previous parse and clause-scoped findings across edits never changes what a lint reports:
 * after every edit of a typing session, the service that remembers gives exactly the diagnostics (codes, offsets, ranges,
 * messages, severities, data) of a lint that remembers nothing.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createPolicyLanguageService } from '../server/src/core';
import type { ParsedPolicy, PolicyDiagnostic, Rule } from '../server/src/core';
import { readCorpus } from '../server/src/host/corpusFiles';
import { POLICY_FORMATS } from '../server/src/core/schema/formats';
import { POLICY_SCHEMA } from '../server/src/core/schema/policySchema';
import { validateNode } from '../server/src/core/schema/validateNode';
import { parseYaml } from '../server/src/core/yaml/parseYaml';
import { REPO_ROOT } from './helpers/paths';

const DRAFT = fs.readFileSync(path.join(REPO_ROOT, 'samples', 'suzhou-2026-ai-measures-draft.policy.yaml'), 'utf8');
const URI = 'file:///drafts/suzhou-2026.policy.yaml';

const service = createPolicyLanguageService({ corpus: () => readCorpus([path.join(REPO_ROOT, 'corpus')]) });

/** The same lint with nothing remembered. */
function fresh(text: string): PolicyDiagnostic[] {
  return service.lint(service.parse(text, URI), { memo: undefined });
}

/** As the server lints: each parse given the previous one (incremental parse), the memo kept. */
let last: ParsedPolicy | undefined;
function remembered(text: string): PolicyDiagnostic[] {
  last = service.parse(text, URI, last);
  // The tree and the model are those of a parse from scratch, node for node.
  assert.deepStrictEqual(last.document, service.parse(text, URI).document);
  return service.lint(last);
}

/** Replaces the first occurrence of `from`, failing loudly when the sample no longer has it. */
function edit(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  assert.ok(at >= 0, `the sample no longer contains ${JSON.stringify(from)}`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

describe('clause findings memo', () => {
  it('gives the diagnostics of a fresh lint after every edit of a drafting session', () => {
    const firstClauseAt = /^ {6}- id:/m.exec(DRAFT)?.index ?? -1; // the first clause of the first chapter
    assert.ok(firstClauseAt > 0);
    const steps: Array<[string, (t: string) => string]> = [
      ['the city changed (the header every clause depends on)', (t) => edit(t, 'city: 苏州', 'city: 上海')],
      ['the city changed back', (t) => edit(t, 'city: 上海', 'city: 苏州')],
      ['an amount changed in a clause text', (t) => t.replace(/最高(\d)/, (_m, d: string) => `最高${d === '9' ? '8' : '9'}`)],
      ['the lead department marker dropped from a clause', (t) => t.replace(/（责任单位：[^）]*）/, '')],
      ['a clause without an id (messages name it by its position)', (t) => edit(t, '      - id: "4"\n        title: 支持兼并重组', '      - title: 支持兼并重组')],
      ['a clause inserted before all others (every index and offset moves)', (t) => `${t.slice(0, firstClauseAt)}      - id: "0"\n        title: 新增条款\n        text: 支持企业开展人工智能应用示范，给予最高100万元奖励。\n${t.slice(firstClauseAt)}`],
      ['characters typed into a text', (t) => t.replace('支持', '大力支持')],
      ['a clause with no department added after the last one', (t) => `${t.trimEnd()}\n      - id: "99"\n        text: 对获评国家级专精特新“小巨人”的企业，给予最高50万元奖励。\n`],
      ['the document broken mid-typing', (t) => t.replace('      - id: "99"', '      - id: "99\n')],
      ['and repaired', (t) => t.replace('      - id: "99\n', '      - id: "99"')],
    ];
    let text = DRAFT;
    let before = fresh(text);
    assert.deepEqual(remembered(text), before, 'as opened');
    for (const [what, change] of steps) {
      text = change(text);
      const expected = fresh(text);
      // Every step changes what is reported, or it would not test the memo.
      assert.notDeepEqual(expected, before, `${what}: the findings should change`);
      assert.equal(expected.filter((d) => d.code === 'yaml-syntax').length, what.includes('broken') ? 1 : 0, `${what}: YAML errors`);
      assert.deepEqual(remembered(text), expected, what);
      before = expected;
    }
  });

  it('reruns a rule marked clause-scoped on the whole document once it reports outside a clause', () => {
    let runs = 0;
    // Claims to be clause-scoped but reports on the document's title.
    const liar: Rule = {
      id: 'title-check', defaultSeverity: 'warning', scope: 'clause', description: { en: 'title', zh: '标题' },
      run({ document, report }) {
        runs++;
        if (document.policy) report({ target: { node: document.policy.node }, message: { en: `${document.clauses.length} clauses`, zh: `${document.clauses.length}条` } });
      },
    };
    const own = createPolicyLanguageService({ rules: [liar] });
    const lint = (t: string): string[] => own.lint(own.parse(t, URI)).map((d) => `${d.code}@${d.start}:${d.message}`);
    const clauses = own.parse(DRAFT, URI).document.clauses.length;
    const title = own.parse(DRAFT, URI).document.policy!.node.start;
    assert.deepEqual(lint(DRAFT), [`title-check@${title}:${clauses} clauses`]);
    const typed = DRAFT.replace('支持', '大力支持');
    assert.deepEqual(lint(typed), [`title-check@${title}:${clauses} clauses`]);
    const before = runs;
    lint(typed.replace('支持', '鼓励支持'));
    assert.equal(runs - before, 1, 'from then on one run, on the whole document');
  });

  it('schema problems remembered per list item are those of a validation that remembers nothing', () => {
    const problems = (text: string, remember: boolean): string[] => {
      const root = parseYaml(text).root!;
      return validateNode(root, POLICY_SCHEMA, { formats: POLICY_FORMATS, source: remember ? text : undefined })
        .map((p) => `${p.start}-${p.end} ${p.message.en}`);
    };
    const steps: Array<[string, (t: string) => string]> = [
      ['an unknown key in a clause', (t) => edit(t, '        title: 支持兼并重组', '        title: 支持兼并重组\n        titel: 兼并重组')],
      ['a cap of the wrong type', (t) => edit(t, '          - max: 300万元', '          - max: [300万元]')],
      ['a clause moved to the front (its path changes)', (t) => {
        const at = t.indexOf('      - id: "4"');
        const end = t.indexOf('      - id: "5"');
        const first = /^ {6}- id:/m.exec(t)!.index;
        return t.slice(0, first) + t.slice(at, end) + t.slice(first, at) + t.slice(end);
      }],
      ['the unknown key removed again', (t) => edit(t, '\n        titel: 兼并重组', '')],
    ];
    let text = DRAFT;
    problems(text, true);
    for (const [what, change] of steps) {
      const next = change(text);
      const expected = problems(next, false);
      assert.notDeepEqual(expected, problems(text, false), `${what}: the problems should change`);
      assert.deepEqual(problems(next, true), expected, what);
      text = next;
    }
  });
});
