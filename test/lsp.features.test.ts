/**
 * Every language feature over the protocol, as an outside client sees it: hover, code lens,
 * completion, quick fixes, symbols, folding, definition and references, with exact ranges.
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';
import { LspClient } from './helpers/lspClient';
import { FIXTURES, REPO_ROOT } from './helpers/paths';

const URI = 'file:///tmp/wuxi-draft.policy.yaml';
const LINES = [
  'policy: 无锡市促进智能制造发展的若干措施（征求意见稿）', //  0
  'city: 无锡', //                                             1
  'clauses:', //                                               2
  '  - id: "1"', //                                            3
  '    title: 支持首台（套）推广应用', //                       4
  '    text: |', //                                            5
  '      支持重点领域首台（套）重大技术装备集成应用，对列入首台（套）重大技术装备产品目录的制造企业，给予最高5000万元支持。（责任单位：市工信局）', // 6
  '  - id: "2"', //                                            7
  '    title: 支持工业企业上云', //                             8
  '    departments: [市工信息局]', //                          9
  '    text: 支持工业企业上云，对上云工业企业给予最高50万元补助。', // 10
  '    precedents: [天津/tianjin-2020-smart-manufacturing-measures#6]', // 11
  '  - id: "2"', //                                           12
  '    title: 支持智能工厂建设', //                             13
  '    text: 支持制造业企业建设智能工厂。（责任单位：市工信局）', // 14
  '    caps:', //                                             15
  '      - max: 300万元', //                                   16
  '        tier: ', //                                         17
  '',
];
const TEXT = LINES.join('\n');

function pos(line: number, needle: string, delta = 0): { line: number; character: number } {
  const character = LINES[line].indexOf(needle);
  assert.ok(character >= 0, `${needle} not on line ${line}`);
  return { line, character: character + delta };
}

describe('language features over LSP', () => {
  let child: ChildProcessWithoutNullStreams;
  let client: LspClient;
  let diagnostics: any[];

  before(async () => {
    child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin', 'policy-lint-server.js'), '--stdio']);
    client = new LspClient(child);
    await client.request('initialize', { processId: process.pid, rootUri: null, capabilities: {}, locale: 'en', initializationOptions: { bundledCorpus: false, corpus: [path.join(FIXTURES, 'corpus')] } });
    client.send({ method: 'initialized', params: {} });
    client.send({ method: 'textDocument/didOpen', params: { textDocument: { uri: URI, languageId: 'policy-yaml', version: 1, text: TEXT } } });
    diagnostics = (await client.wait((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === URI, 'diagnostics')).params.diagnostics;
  });

  after(() => child.kill());

  const doc = { uri: URI };

  it('diagnostics include the corpus rules, at exact ranges', () => {
    const seen = diagnostics.map((d) => `${d.code} ${JSON.stringify(d.range)}`).sort();
    const range = (line: number, needle: string) => JSON.stringify({ start: pos(line, needle), end: pos(line, needle, needle.length) });
    assert.deepEqual(seen, [
      `cap-outlier ${range(6, '5000万元')}`,
      `cap-text-mismatch ${range(16, '300万元')}`,
      `duplicate-id ${range(12, '"2"')}`,
      `schema ${range(17, 'tier')}`,
      `unknown-department ${range(9, '市工信息局')}`,
    ].sort());
  });

  it('hover on clause text lists precedents with caps, excerpt and a link', async () => {
    const hover = await client.request('textDocument/hover', { textDocument: doc, position: pos(6, '重大技术装备') });
    const value: string = hover.result.contents.value;
    assert.match(value, /\*\*Precedents\*\*/);
    assert.match(value, /\*\*天津\*\* 《天津市关于进一步支持发展智能制造的政策措施》 clause 11 · \d+% · 1000万元/);
    assert.match(value, /\[open\]\(file:\/\/.*tianjin-2020-smart-manufacturing-measures\.policy\.yaml#L\d+\)/);
    assert.deepEqual(hover.result.range.start, { line: 6, character: 0 });
  });

  it('hover on an amount places it among precedent caps', async () => {
    const hover = await client.request('textDocument/hover', { textDocument: doc, position: pos(6, '5000万元', 1) });
    assert.equal(hover.result.contents.value.split('\n')[0], '**5000万元**: above every precedent.');
    assert.match(hover.result.contents.value, /min 1000万元 · median 1000万元 · max 1000万元/);
    assert.deepEqual(hover.result.range, { start: pos(6, '5000万元'), end: pos(6, '5000万元', 6) });
  });

  it('hover on a department gives its other names', async () => {
    const hover = await client.request('textDocument/hover', { textDocument: doc, position: pos(6, '市工信局', 1) });
    assert.match(hover.result.contents.value, /^\*\*市工信局\*\*/);
    assert.match(hover.result.contents.value, /市工业和信息化局/);
  });

  it('hover on a key shows its documentation', async () => {
    const hover = await client.request('textDocument/hover', { textDocument: doc, position: pos(11, 'precedents', 2) });
    assert.match(hover.result.contents.value, /^\*\*precedents\*\* — Pinned precedents, CITY\/DOCUMENT#CLAUSE/);
  });

  it('a code lens per measure clause', async () => {
    const lenses = (await client.request('textDocument/codeLens', { textDocument: doc })).result;
    assert.equal(lenses.length, 3);
    assert.match(lenses[0].command.title, /^\d+ precedents? · median cap 1000万元 · Compare$/);
    assert.deepEqual(lenses[0].command.arguments, [URI, '1']);
    assert.deepEqual(lenses[0].range.start, { line: 3, character: 8 });
  });

  it('completion offers tiers for `tier:` and departments in a departments list', async () => {
    const tiers = (await client.request('textDocument/completion', { textDocument: doc, position: { line: 17, character: LINES[17].length } })).result;
    assert.deepEqual(tiers.map((i: any) => i.label), ['国际', '国家级', '省级', '市级', '区县级', '园区']);
    const departments = (await client.request('textDocument/completion', { textDocument: doc, position: pos(9, '市工信息局') })).result;
    assert.ok(departments.some((i: any) => i.label === '市工业和信息化局'), JSON.stringify(departments.map((i: any) => i.label)));
  });

  it('quick fixes: replace an unknown department, renumber a duplicate id, suppress', async () => {
    const unknown = diagnostics.find((d) => d.code === 'unknown-department');
    const fixes = (await client.request('textDocument/codeAction', { textDocument: doc, range: unknown.range, context: { diagnostics: [unknown] } })).result;
    const replace = fixes.find((f: any) => f.title === 'Replace with 市工业和信息化局');
    assert.ok(replace, JSON.stringify(fixes.map((f: any) => f.title)));
    assert.deepEqual(replace.edit.changes[URI], [{ range: unknown.range, newText: '市工业和信息化局' }]);
    const suppress = fixes.find((f: any) => f.title === 'Suppress unknown-department on this line');
    assert.deepEqual(suppress.edit.changes[URI], [{ range: { start: { line: 9, character: 0 }, end: { line: 9, character: 0 } }, newText: '    # policy-lint-disable-next-line unknown-department\n' }]);

    const duplicate = diagnostics.find((d) => d.code === 'duplicate-id');
    const renumber = (await client.request('textDocument/codeAction', { textDocument: doc, range: duplicate.range, context: { diagnostics: [duplicate] } })).result
      .find((f: any) => f.title === 'Renumber to 3');
    assert.deepEqual(renumber.edit.changes[URI], [{ range: duplicate.range, newText: '"3"' }]);
  });

  it('quick fix: caps agree with the text', async () => {
    const mismatch = diagnostics.find((d) => d.code === 'cap-text-mismatch');
    const fixes = (await client.request('textDocument/codeAction', { textDocument: doc, range: mismatch.range, context: { diagnostics: [mismatch] } })).result;
    const titles: string[] = fixes.map((f: any) => f.title);
    // The text states no amount, so there is nothing to copy into caps: only suppress, and pin a precedent.
    assert.equal(titles[0], 'Suppress cap-text-mismatch on this line');
    assert.ok(titles.slice(1).every((t) => t.startsWith('Pin precedent ')), JSON.stringify(titles));
  });

  it('quick fix: caps take the amount the text states', async () => {
    const text = TEXT.replace('支持制造业企业建设智能工厂。', '支持制造业企业建设智能工厂，给予最高500万元奖励。');
    client.send({ method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///tmp/caps.policy.yaml', languageId: 'policy-yaml', version: 1, text } } });
    const published = await client.wait((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === 'file:///tmp/caps.policy.yaml', 'caps diagnostics');
    const onCaps = published.params.diagnostics.find((d: any) => d.code === 'cap-text-mismatch' && d.range.start.line === 16);
    const fixes = (await client.request('textDocument/codeAction', { textDocument: { uri: 'file:///tmp/caps.policy.yaml' }, range: onCaps.range, context: { diagnostics: [onCaps] } })).result;
    const setCaps = fixes.find((f: any) => f.title === "Set caps to the text's 500万元");
    assert.deepEqual(setCaps.edit.changes['file:///tmp/caps.policy.yaml'], [{ range: onCaps.range, newText: '500万元' }]);
  });

  it('document symbols and folding ranges', async () => {
    const symbols = (await client.request('textDocument/documentSymbol', { textDocument: doc })).result;
    assert.deepEqual(symbols.map((s: any) => s.name), ['1 支持首台（套）推广应用', '2 支持工业企业上云', '2 支持智能工厂建设']);
    assert.deepEqual(symbols[0].selectionRange, { start: { line: 3, character: 8 }, end: { line: 3, character: 11 } });
    const folding = (await client.request('textDocument/foldingRange', { textDocument: doc })).result;
    assert.ok(folding.some((f: any) => f.startLine === 3 && f.endLine === 6), JSON.stringify(folding));
  });

  it('go to definition on a pinned precedent opens the corpus clause', async () => {
    const definition = (await client.request('textDocument/definition', { textDocument: doc, position: pos(11, 'tianjin', 3) })).result;
    assert.match(definition.uri, /test\/fixtures\/corpus\/tianjin-2020-smart-manufacturing-measures\.policy\.yaml$/);
    assert.equal(definition.range.start.line, 18);
  });

  it('references on a clause list its precedents', async () => {
    const references = (await client.request('textDocument/references', { textDocument: doc, position: pos(8, '上云'), context: { includeDeclaration: false } })).result;
    assert.ok(references.length >= 1);
    assert.match(references[0].uri, /tianjin-2020-smart-manufacturing-measures\.policy\.yaml$/);
    assert.equal(references[0].range.start.line, 18);
  });

  it('imports a published text on request (the Import Policy Text command)', async () => {
    const text = '苏州市促进新一代人工智能产业发展的若干措施\n\n一、促进产业集聚发展\n\n1.支持企业做大做强。对首次入选的“头雁”企业给予最高100万元奖励。(责任部门:市工信局)\n';
    const response = (await client.request('policyLint/import', { text, sourceName: 'measures.txt' })).result;
    assert.match(response.yaml, /^policy: 苏州市促进新一代人工智能产业发展的若干措施$/m);
    assert.match(response.yaml, /lead: \[市工信局\]/);
  });

  it('lists the corpus cities with counts (the Compare with City picker)', async () => {
    const cities = (await client.request('policyLint/cities', {})).result;
    assert.deepEqual(cities.map((c: any) => c.city), ['天津', '成都', '苏州'].sort());
    assert.deepEqual(cities.find((c: any) => c.city === '天津'), { city: '天津', documents: 1, clauses: 4 });
  });

  it('keeps serving after a request on garbage', async () => {
    client.send({ method: 'textDocument/didChange', params: { textDocument: { uri: URI, version: 2 }, contentChanges: [{ text: '\u0000\u0001: [{' }] } });
    const hover = await client.request('textDocument/hover', { textDocument: doc, position: { line: 0, character: 1 } });
    assert.equal(hover.result, null);
    assert.equal(child.exitCode, null);
  });
});
