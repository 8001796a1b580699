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
    assert.deepEqual([root.pairs[0].key.start, root.pairs[0].key.end], [0, 6]);
    assert.deepEqual([root.pairs[0].value.start, root.pairs[0].value.end], [8, 29]);
    const cityKey = root.pairs[1].key;
    assert.deepEqual([cityKey.start, cityKey.end], [text.indexOf('city'), text.indexOf('city') + 4]);
    const textKey = (at(root, 'chapters', 0, 'clauses', 0) as YMap).pairs[1].key;
    assert.equal(textKey.start, text.indexOf('text: |'));
    assert.equal(source(text, textKey), 'text');
  });

  it('comments neither shift offsets nor end up in values', () => {
    const commented = [
      '# 苏州市促进新一代人工智能产业发展的若干措施',
      'policy: 若干措施 # 标题',
      '',
      '  # 一个缩进的注释',
      'city: "苏州 #1"  # 引号内的 # 不是注释',
      'topics:',
      '  # 第一项之前的注释',
      '  - 头雁企业  # 行尾注释',
      '  - 兼并重组',
      '',
    ].join('\n');
    const doc = parseYaml(commented).root as YMap;
    assert.equal(doc.pairs[0].key.start, commented.indexOf('policy'));
    assert.equal(source(commented, at(doc, 'policy')), '若干措施');
    assert.equal(source(commented, at(doc, 'city')), '"苏州 #1"');
    assert.equal((at(doc, 'city') as YScalar).value, '苏州 #1');
    const topics = at(doc, 'topics') as YSeq;
    assert.equal(topics.start, commented.indexOf('- 头雁企业'));
    assert.deepEqual(topics.items.map((item) => source(commented, item)), ['头雁企业', '兼并重组']);
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
    assert.equal(source(text, folded), '          支持人工智能企业\n          做大做强。');
    assert.equal(folded.value, '支持人工智能企业 做大做强。\n');
    assert.equal(folded.end, text.indexOf('做大做强。') + '做大做强。'.length);
  });

  it('block scalars with strip and keep chomping end at their last content character', () => {
    const blocks = 'a: |-\n  第一行\n  第二行\n\nb: >+\n  保留\n\n\nc: 1\n';
    const doc = parseYaml(blocks).root as YMap;
    const strip = at(doc, 'a') as YScalar;
    assert.equal(strip.value, '第一行\n第二行');
    assert.equal(blocks.slice(strip.start, strip.end), '  第一行\n  第二行');
    const keep = at(doc, 'b') as YScalar;
    assert.equal(keep.value, '保留\n\n\n');
    assert.equal(blocks.slice(keep.start, keep.end), '  保留');
    assert.equal(at(doc, 'c').start, blocks.indexOf('c: 1') + 3);
  });

  it('flow collections include their brackets', () => {
    assert.equal(source(text, at(root, 'chapters', 0, 'clauses', 0, 'departments')), '[市工信局, 市财政局]');
    assert.equal(source(text, at(root, 'chapters', 0, 'clauses', 0, 'departments', 1)), '市财政局');
    assert.equal(source(text, at(root, 'chapters', 0, 'clauses', 0, 'caps')), '{max: 100万元, tier: 国家级}');
  });

  it('nested flow collections: each includes its own brackets', () => {
    const flow = 'caps: [{max: 100万元, tier: 国家级}, {max: "50万元"}]\n';
    const caps = at(parseYaml(flow).root, 'caps') as YSeq;
    assert.equal(source(flow, caps), '[{max: 100万元, tier: 国家级}, {max: "50万元"}]');
    assert.equal(source(flow, caps.items[0]), '{max: 100万元, tier: 国家级}');
    assert.equal(source(flow, caps.items[1]), '{max: "50万元"}');
    assert.equal(source(flow, at(caps, 1, 'max')), '"50万元"');
  });

  it('empty values sit just after their colon or dash, on their own line', () => {
    const empty = 'a:\nb: [x, ]\nc:\n  - 头雁企业\n  -\n  - # 注释\n  - 兼并重组\nd:\n  -\n';
    const doc = parseYaml(empty).root as YMap;
    assert.equal(at(doc, 'a').start, 2);
    assert.equal(at(doc, 'a').end, 2);
    const c = at(doc, 'c') as YSeq;
    assert.deepEqual(c.items.map((item) => item.start), [
      empty.indexOf('头雁企业'), empty.indexOf('  -\n') + 3, empty.indexOf('  - # 注释') + 3, empty.indexOf('兼并重组'),
    ]);
    assert.equal(at(doc, 'd', 0).start, empty.lastIndexOf('-') + 1);
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

  it('CRLF block scalars end before the CR of their last line', () => {
    const crlf = 'text: >\r\n  支持企业\r\n  做大做强。\r\n\r\nnext: 1\r\n';
    const doc = parseYaml(crlf).root as YMap;
    const block = at(doc, 'text') as YScalar;
    assert.equal(block.value, '支持企业 做大做强。\n');
    assert.equal(crlf.slice(block.start, block.end), '  支持企业\r\n  做大做强。');
    assert.equal(at(doc, 'next').start, crlf.indexOf('next: 1') + 6);
  });

  it('a BOM shifts nothing: offsets are into the text as given', () => {
    const bom = '\ufeffpolicy: 标题\ncity: 苏州\n';
    const doc = parseYaml(bom).root as YMap;
    assert.equal(doc.pairs[0].key.start, 1);
    assert.equal(source(bom, at(doc, 'city')), '苏州');
  });

  it('BOM and CRLF together', () => {
    const both = '\ufeffpolicy: 标题\r\ncity: "苏州"\r\nclauses:\r\n  - id: 1\r\n';
    const doc = parseYaml(both).root as YMap;
    assert.equal(doc.pairs[0].key.start, 1);
    assert.deepEqual([at(doc, 'city').start, at(doc, 'city').end], [both.indexOf('"苏州"'), both.indexOf('"苏州"') + 4]);
    assert.equal(at(doc, 'clauses', 0, 'id').start, both.indexOf('1\r\n'));
  });

  it('an alias is its own node at `*name`, pointing at its anchor without a copy', () => {
    const aliased = 'lead: &牵头 市工信局\nagain: *牵头\nmap: &m {a: 1}\nref: *m\nnone: *无\n';
    const doc = parseYaml(aliased).root as YMap;
    const alias = at(doc, 'again');
    assert.equal(alias.kind, 'alias');
    assert.equal(source(aliased, alias), '*牵头');
    assert.equal(alias.kind === 'alias' && alias.target, at(doc, 'lead'));
    assert.equal(source(aliased, at(doc, 'lead')), '市工信局');
    const ref = at(doc, 'ref');
    assert.equal(ref.kind === 'alias' && ref.target, at(doc, 'map'));
    const none = at(doc, 'none');
    assert.equal(none.kind === 'alias' && none.target, undefined);
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
    // The parser stops at the first collection deeper than its limit (200 levels, the root map included).
    const cases: Array<[string, number]> = [
      [`x: ${'['.repeat(5000)}${']'.repeat(5000)}\n`, 'x: '.length + 199],
      [`${'- '.repeat(5000)}x\n`, '- '.length * 200],
    ];
    for (const [deep, position] of cases) {
      let doc: ReturnType<typeof parseYaml> | undefined;
      assert.doesNotThrow(() => { doc = parseYaml(deep); });
      assert.equal(doc!.root, undefined);
      assert.ok(doc!.error);
      assert.match(doc!.error.message, /depth/i);
      assert.equal(doc!.error.start, position);
    }
  });

  it('syntax errors carry the parser position', () => {
    const broken = 'policy: 标题\ncity: [苏州\nclauses: []\n';
    const doc = parseYaml(broken);
    assert.ok(doc.error);
    assert.equal(doc.root, undefined);
    assert.deepEqual([doc.error.start, doc.error.end], [broken.indexOf('clauses'), broken.indexOf('clauses') + 'clauses:'.length]);
    const tabbed = 'policy: 标题\n\tcity: 苏州\n';
    assert.equal(parseYaml(tabbed).error?.start, tabbed.indexOf('\t'));
    const unclosed = "policy: '标题\n";
    assert.equal(parseYaml(unclosed).error?.start, unclosed.length);
  });

  it('a second document is noted, not merged', () => {
    const two = 'policy: 一\ncity: 苏州\n---\npolicy: 二\n';
    const doc = parseYaml(two);
    assert.deepEqual(doc.extraDocuments, [two.indexOf('policy: 二')]);
    assert.equal(getPair(doc.root as YMap, 'policy')!.value.kind === 'scalar' && (getPair(doc.root as YMap, 'policy')!.value as YScalar).value, '一');
    const empty = 'policy: 一\n---\n';
    assert.deepEqual(parseYaml(empty).extraDocuments, [empty.indexOf('---') + 3]);
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

  it('a span across a line break of a literal block covers both lines as written', () => {
    const text = 'text: |\n  给予最高100万元奖励。\n  对符合条件的项目\n';
    assert.equal(spanOf(text, 'text', '奖励。\n对'), '奖励。\n  对');
  });

  it('an escape-free double-quoted scalar maps exactly', () => {
    assert.equal(spanOf('text: "给予最高500万元补助"\n', 'text', '500万元'), '500万元');
  });

  it('a double-quoted scalar with escapes falls back to the whole scalar', () => {
    const text = 'text: "给予\\t最高500万元"\n';
    assert.equal(spanOf(text, 'text', '500万元'), '"给予\\t最高500万元"');
  });
});
