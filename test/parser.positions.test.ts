/** The positioned YAML tree: exact offsets from js-yaml's event stream, and spans inside scalars. */
import * as assert from 'node:assert/strict';
import { parseYaml } from '../server/src/core/yaml/parseYaml';
import { getPair } from '../server/src/core/yaml/nodes';
import type { YMap, YNode, YScalar, YSeq } from '../server/src/core/yaml/nodes';
import { scalarSpanToSource } from '../server/src/core/yaml/scalarSpans';

function source(text: string, node: YNode): string {
  return text.slice(node.start, node.end);
}

function at(root: YNode | undefined, ...keys: Array<string | number>): YNode {
  let node = root!;
  for (const key of keys) {
    if (typeof key === 'number') node = (node as YSeq).items[key];
    else node = getPair(node as YMap, key)!.value;
  }
  return node;
}

describe('parser: positions', () => {
  const text = [
    'policy: 苏州市促进新一代人工智能产业发展的若干措施  # 标题',
    'city: "苏州"',
    'chapters:',
    '  - id: 一',
    '    clauses:',
    '      - id: \'2\'',
    '        text: |',
    '          对首次入选的“头雁”企业给予最高100万元奖励。',
    '          对符合条件的项目给予最高1000万元补助。',
    '        folded: >',
    '          支持人工智能企业',
    '          做大做强。',
    '        departments: [市工信局, 市财政局]',
    '        caps: {max: 100万元, tier: 国家级}',
    '',
  ].join('\n');
  const parsed = parseYaml(text);
  const root = parsed.root as YMap;

  it('keys and plain values, with a trailing comment excluded', () => {
    assert.equal(source(text, root.pairs[0].key), 'policy');
    assert.equal(source(text, root.pairs[0].value), '苏州市促进新一代人工智能产业发展的若干措施');
    assert.equal(root.pairs[0].value.start, 8);
  });

  it('quoted scalars include their quotes', () => {
    assert.equal(source(text, at(root, 'city')), '"苏州"');
    assert.equal((at(root, 'city') as YScalar).value, '苏州');
    const id = at(root, 'chapters', 0, 'clauses', 0, 'id') as YScalar;
    assert.equal(source(text, id), "'2'");
    assert.equal(id.parsed, '2');
  });

  it('literal and folded blocks cover their content lines, without the trailing line break', () => {
    const literal = at(root, 'chapters', 0, 'clauses', 0, 'text') as YScalar;
    assert.equal(literal.style, 'literal');
    assert.equal(source(text, literal), '          对首次入选的“头雁”企业给予最高100万元奖励。\n          对符合条件的项目给予最高1000万元补助。');
    assert.equal(literal.value, '对首次入选的“头雁”企业给予最高100万元奖励。\n对符合条件的项目给予最高1000万元补助。\n');
    const folded = at(root, 'chapters', 0, 'clauses', 0, 'folded') as YScalar;
    assert.equal(folded.style, 'folded');
    assert.equal(folded.value, '支持人工智能企业 做大做强。\n');
  });

  it('flow collections include their brackets', () => {
    assert.equal(source(text, at(root, 'chapters', 0, 'clauses', 0, 'departments')), '[市工信局, 市财政局]');
    assert.equal(source(text, at(root, 'chapters', 0, 'clauses', 0, 'departments', 1)), '市财政局');
    assert.equal(source(text, at(root, 'chapters', 0, 'clauses', 0, 'caps')), '{max: 100万元, tier: 国家级}');
  });

  it('block sequences and mappings start at their first entry', () => {
    const clauses = at(root, 'chapters', 0, 'clauses');
    assert.equal(text.slice(clauses.start, clauses.start + 8), '- id: \'2');
  });

  it('resolves plain scalars with the YAML 1.2 core schema', () => {
    const doc = parseYaml('a: 12\nb: 1.5\nc: true\nd: ~\ne: 2021-03-01\nf: "12"\ng: 0x1F\nh:\n').root as YMap;
    assert.deepEqual(doc.pairs.map((p) => (p.value as YScalar).parsed), [12, 1.5, true, null, '2021-03-01', '12', 31, null]);
  });

  it('CRLF files keep exact offsets', () => {
    const crlf = 'policy: 标题\r\ncity: 苏州\r\ntext: |\r\n  第一行\r\n  第二行\r\n';
    const doc = parseYaml(crlf).root as YMap;
    assert.equal(source(crlf, at(doc, 'city')), '苏州');
    const block = at(doc, 'text') as YScalar;
    assert.equal(block.value, '第一行\n第二行\n');
    const span = scalarSpanToSource(crlf, block, 4, 7);
    assert.equal(crlf.slice(span.start, span.end), '第二行');
  });

  it('a BOM shifts nothing: offsets are into the text as given', () => {
    const bom = '\ufeffpolicy: 标题\ncity: 苏州\n';
    const doc = parseYaml(bom).root as YMap;
    assert.equal(doc.pairs[0].key.start, 1);
    assert.equal(source(bom, at(doc, 'city')), '苏州');
  });

  it('aliases are not expanded: an alias bomb stays small', () => {
    const bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]', ...'bcdefghi'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`), ''].join('\n');
    const started = Date.now();
    const doc = parseYaml(bomb);
    assert.equal(doc.error, undefined);
    const last = at(doc.root, 'i') as YSeq;
    assert.equal(last.items.length, 9);
    assert.equal(last.items[0].kind, 'alias');
    assert.ok(Date.now() - started < 5000);
  });

  it('5000-deep nesting fails cleanly with an error position', () => {
    const deep = `x: ${'['.repeat(5000)}${']'.repeat(5000)}\n`;
    const doc = parseYaml(deep);
    assert.equal(doc.root, undefined);
    assert.ok(doc.error);
    assert.ok(doc.error.start > 3 && doc.error.start < deep.length, String(doc.error.start));
  });

  it('syntax errors carry the parser position', () => {
    const broken = 'policy: 标题\ncity: [苏州\nclauses: []\n';
    const doc = parseYaml(broken);
    assert.ok(doc.error);
    assert.equal(broken.slice(0, doc.error.start).split('\n').length, 3);
  });

  it('a second document is noted, not merged', () => {
    const two = 'policy: 一\ncity: 苏州\n---\npolicy: 二\n';
    const doc = parseYaml(two);
    assert.deepEqual(doc.extraDocuments, [two.indexOf('policy: 二')]);
  });
});

describe('parser: spans inside scalars', () => {
  function spanOf(text: string, key: string, needle: string): string {
    const node = getPair(parseYaml(text).root as YMap, key)!.value as YScalar;
    const from = node.value.indexOf(needle);
    assert.ok(from >= 0, `${needle} not in ${node.value}`);
    const span = scalarSpanToSource(text, node, from, from + needle.length);
    return text.slice(span.start, span.end);
  }

  it('literal block: the exact characters on their line', () => {
    const text = 'text: |\n  对首次入选的企业给予奖励。\n  单个项目给予最高500万元补助。\n';
    assert.equal(spanOf(text, 'text', '500万元'), '500万元');
  });

  it('folded block and multi-line plain scalars', () => {
    assert.equal(spanOf('text: >\n  支持企业\n  给予最高500万元补助。\n', 'text', '500万元'), '500万元');
    assert.equal(spanOf('text: 支持企业\n  给予最高500万元补助。\n', 'text', '最高500万元'), '最高500万元');
  });

  it('single-line and single-quoted scalars', () => {
    assert.equal(spanOf('text: 给予最高500万元补助。\n', 'text', '500万元'), '500万元');
    assert.equal(spanOf("text: '企业''s 最高500万元'\n", 'text', '500万元'), '500万元');
  });

  it('a double-quoted scalar with escapes falls back to the whole scalar', () => {
    const text = 'text: "给予\\t最高500万元"\n';
    assert.equal(spanOf(text, 'text', '500万元'), '"给予\\t最高500万元"');
  });
});
