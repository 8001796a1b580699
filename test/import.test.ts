import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { importPolicyText, splitDocuments } from '../server/src/core/import';
import type { ImportedClause, ImportedDocument } from '../server/src/core/import';
import { scalar } from '../server/src/core/import/emitYaml';
import { parseMarker } from '../server/src/core/import/numbering';
import { toSimplified } from '../server/src/core/import/traditional';
import { parseYaml } from '../server/src/core/yaml/parseYaml';
import { toPlainValue } from '../server/src/core/yaml/toPlainValue';
import { REPO_ROOT } from './helpers/paths';

function clausesOf(document: ImportedDocument): ImportedClause[] {
  return document.chapters ? document.chapters.flatMap((c) => [...c.clauses]) : [...(document.clauses ?? [])];
}

const squash = (s: string): string => s.replace(/\s+/g, '');

/** Every clause's text is the source's characters, line breaks and indentation aside. */
function assertFaithful(source: string, document: ImportedDocument): void {
  const flat = squash(source);
  for (const clause of clausesOf(document)) assert.ok(flat.includes(squash(clause.text)), `clause ${clause.id} is not verbatim: ${clause.text}`);
  if (document.preamble) assert.ok(flat.includes(squash(document.preamble)));
}

function assertParses(yaml: string, document: ImportedDocument): void {
  const parsed = parseYaml(yaml);
  assert.equal(parsed.error, undefined, parsed.error?.message);
  const plain = toPlainValue(parsed.root!) as Record<string, unknown>;
  assert.equal(plain.policy, document.policy);
  assert.equal(plain.city, document.city);
  const chapters = (plain.chapters ?? [{ clauses: plain.clauses }]) as Array<{ clauses: Array<{ id: string; text: string }> }>;
  const clauses = chapters.flatMap((c) => c.clauses);
  assert.deepEqual(clauses.map((c) => c.id), clausesOf(document).map((c) => c.id));
  // Literal blocks keep one final line break.
  assert.deepEqual(clauses.map((c) => c.text.replace(/\n$/, '')), clausesOf(document).map((c) => c.text));
}

function assertUniqueIds(document: ImportedDocument): void {
  const ids = clausesOf(document).map((c) => c.id);
  assert.equal(new Set(ids).size, ids.length, `duplicate ids: ${ids.join(' ')}`);
}

// seed 001: a portal page (苏州市促进新一代人工智能产业发展的若干措施), shortened.
const PORTAL = `政策详情

苏州市促进新一代人工智能产业发展的若干措施

苏委办发〔2021〕16号
级别:苏州市级状态: 有效
分类:产业扶持政策,苏州市级,现代服务业
支持方式:奖励
支持产业:智能制造产业
发文单位:苏州市人民政府

        为深入贯彻国家人工智能发展战略,结合我市实际,特制定本措施。

一、促进产业集聚发展

        1.支持重点企业引育。支持人工智能企业总部从外地迁入苏州,国内外人工智能知名企业在苏州设立子公司。具体支持措施按苏州现有相关政策执行。(责任部门:市发改委、市科技局、市工信局、市商务局,各县级市〈区〉人民政府〈管委会〉)

        2.支持企业做大做强。开展具有行业引领性的人工智能“头雁”企业遴选,对首次入选的“头雁”企业给予最高100万元奖励,鼓励各地区加大对“头雁”企业及“头雁”培育企业的政策奖励。支持人工智能龙头企业实施对强链补链有重大影响的兼并重组,对符合条件的项目给予最高1000万元补助。(责任部门:市工信局,各县级市〈区〉人民政府〈管委会〉)


五、附则

        18.本政策自发布之日起施行,按现行财政体制实施。

延伸阅读
根据标签自动聚合以下内容
`;

// seed 003: 北京市加快科技创新培育人工智能产业的指导意见, PDF text with lines broken mid-sentence.
const BROKEN = `北京市加快科技创新培育人工智能产业的指导意见

为深入贯彻落实国家关于发展新一代人工智能的决策部署，制定本意见。

一、总体要求

（一）指导思想

深入学习贯彻党的十九大精神，以习近平新时代中国特色社会主义思想为指导。

（二）基本原则

坚持创新引领。把握世界人工智能发展趋势。

（三）发展目标

到 2020 年，新一代人工智能总体技术和应用达到世界先进水平。

二、主要任务

（一）建立人工智能创新体系

1. 强化新一代人工智能基础理论研究。围绕原始创新，加强大数据智能等应用基础理论研究。

2. 攻克新一代人工智能前沿核心技术。以算法为核心，以数据和硬件为基础，以提升感知识别、知识计算、认知推理、人机交互

能力为重点，推进新一代人工智能关键技术研发部署。

（二）打造人工智能产业集群

1. 培育人工智能新兴产业。支持企业突破图像

识别、人工智能芯片等关键技术。

三、保障措施

（一）强化统筹协调。建立市级统筹协调机制。
`;

describe('import: numbering styles', () => {
  const cases: Array<[string, string | undefined, string]> = [
    ['一、总体要求', 'cn', '一'],
    ['（一）指导思想', 'cnParen', '一'],
    ['(十二) 强化金融支撑。', 'cnParen', '十二'],
    ['1.支持重点企业引育。', 'num', '1'],
    ['1、落户补助。', 'num', '1'],
    ['１．全角编号', 'num', '1'],
    ['（1）人工智能产业项目申报书；', 'numParen', '1'],
    ['第一章 总则', 'chapter', '一'],
    ['第十五条 打造顶级赛事活动。', 'article', '十五'],
    ['第一条为引导推动广州试验区建设', 'article', '一'],
    ['专栏 1 基础理论研究', 'box', '专栏1'],
    ['专栏一：人工智能技术产业培育', 'box', '专栏一'],
    ['● 以柔性装配等为重点', 'bullet', ''],
    ['①第一项', 'circled', '①'],
  ];
  for (const [line, style, label] of cases) {
    it(line, () => {
      const marker = parseMarker(toSimplified(line).replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
      assert.equal(marker?.style, style);
      assert.equal(marker?.label, label);
    });
  }
  for (const line of ['1.5亿元的基金', '2018', '5G专网。推进建成区', '一是加强领导']) {
    it(`not a marker: ${line}`, () => assert.equal(parseMarker(line), undefined));
  }
});

describe('import: a portal page (seed 001)', () => {
  const result = importPolicyText(PORTAL, { sourceName: 'seeds/001.txt' });
  const doc = result.document;
  it('reads the metadata from the page chrome', () => {
    assert.equal(doc.policy, '苏州市促进新一代人工智能产业发展的若干措施');
    assert.equal(doc.city, '苏州');
    assert.equal(doc.level, '市级');
    assert.equal(doc.issuer, '苏州市人民政府');
    assert.equal(doc.docNumber, '苏委办发〔2021〕16号');
    assert.equal(doc.status, 'in-force');
  });
  it('drops the chrome', () => {
    for (const chrome of ['政策详情', '级别', '支持产业', '延伸阅读', '根据标签']) assert.ok(!result.yaml.includes(chrome), chrome);
  });
  it('keeps chapters and globally numbered clauses with their own numbers as ids', () => {
    assert.deepEqual(doc.chapters?.map((c) => [c.id, c.title]), [['一', '促进产业集聚发展'], ['五', '附则']]);
    assert.deepEqual(clausesOf(doc).map((c) => c.id), ['1', '2', '18']);
    assert.equal(clausesOf(doc)[0].title, '支持重点企业引育');
    assert.equal(clausesOf(doc)[2].kind, 'safeguard');
  });
  it('turns markers and caps into structured fields', () => {
    const [first, second] = clausesOf(doc);
    assert.deepEqual(first.departments, { lead: ['市发改委'], support: ['市科技局', '市工信局', '市商务局', '各县级市〈区〉人民政府〈管委会〉'] });
    assert.deepEqual(second.caps?.map((c) => c.max), ['100万元', '1000万元']);
  });
  it('is faithful, parses, and starts with the source comment', () => {
    assertFaithful(PORTAL, doc);
    assertParses(result.yaml, doc);
    assert.ok(result.yaml.startsWith('# source: seeds/001.txt\npolicy: '));
  });
});

describe('import: broken lines and nested numbering (seed 003, 北京)', () => {
  const result = importPolicyText(BROKEN);
  const doc = result.document;
  const byId = new Map(clausesOf(doc).map((c) => [c.id, c]));
  it('re-joins lines broken mid-sentence', () => {
    assert.equal(byId.get('二-一-2')?.text, '以算法为核心，以数据和硬件为基础，以提升感知识别、知识计算、认知推理、人机交互能力为重点，推进新一代人工智能关键技术研发部署。');
    assert.equal(byId.get('二-二-1')?.text, '支持企业突破图像识别、人工智能芯片等关键技术。');
  });
  it('gives path ids when item numbers restart, unique in the document', () => {
    assert.deepEqual([...byId.keys()], ['一-一', '一-二', '一-三', '二-一-1', '二-一-2', '二-二-1', '三-一']);
    assertUniqueIds(doc);
  });
  it('derives kinds from the headings', () => {
    assert.deepEqual(['一-一', '一-二', '一-三', '二-一-1', '三-一'].map((id) => byId.get(id)?.kind), ['principle', 'principle', 'goal', 'measure', 'safeguard']);
  });
  it('is faithful and parses', () => {
    assertFaithful(BROKEN, doc);
    assertParses(result.yaml, doc);
    assert.equal(doc.city, '北京');
    assert.equal(doc.preamble, '为深入贯彻落实国家关于发展新一代人工智能的决策部署，制定本意见。');
  });
});

describe('import: markers, validity and closing', () => {
  it('merges several 负责 markers of one clause (seed 000, 苏州工业园区)', () => {
    const text = `苏州工业园区人工智能产业发展行动计划（2017-2020）

　　为加快发展人工智能相关产业，特制定本行动计划。

　　一、主要任务

　　（一）促进产业高端集聚。加快引进智慧工厂、关键零部件企业、软硬件供应商，提升区域智能制造水平（招商局、经发委、科信局负责）。鼓励和支持企业开展全球技术并购（经发委、科信局、国资办、CBD招商中心、元禾控股负责）。

　　（二）集聚产业高端人才。举办人工智能主题创新创业大赛（科信局、组织部负责）。
`;
    const { document, yaml } = importPolicyText(text);
    assert.equal(document.city, '苏州工业园区');
    assert.equal(document.level, '园区级');
    assert.equal(document.effective, '2017-01-01');
    assert.equal(document.expires, '2020-12-31');
    assert.equal(document.status, 'expired');
    assert.deepEqual(clausesOf(document)[0].departments, { lead: ['招商局', '经发委'], support: ['科信局', '国资办', 'CBD招商中心', '元禾控股'] });
    assertParses(yaml, document);
  });
  it('reads 施行 and 有效期 sentences and keeps closing paragraphs as a closing clause (seed 003, 杭州)', () => {
    const text = `杭州市建设国家新一代人工智能创新发展试验区 若干政策

为全面贯彻落实党中央、国务院关于发展新一代人工智能重大决策部署，制定本政策。

一、支持人工智能基础研发

在市基础研究项目中设立人工智能专题，每个项目资助 100 万元。

二、支持人工智能公共平台建设

对新认定的国家级平台给予最高 1000 万元支持。

本政策自 2020 年 1 月 13 日起施行，有效期至 2023 年 12 月 31 日，由市科技局负责牵头组织实施。
`;
    const { document, yaml } = importPolicyText(text);
    assert.equal(document.policy, '杭州市建设国家新一代人工智能创新发展试验区若干政策');
    assert.equal(document.effective, '2020-01-13');
    assert.equal(document.expires, '2023-12-31');
    assert.equal(document.status, 'expired');
    assert.deepEqual(clausesOf(document).map((c) => [c.id, c.title ?? '', c.kind]), [['一', '支持人工智能基础研发', 'measure'], ['二', '支持人工智能公共平台建设', 'measure'], ['附', '', 'safeguard']]);
    assert.deepEqual(clausesOf(document)[1].caps, [{ max: '1000万元', for: '新认定的国家级平台', tier: '国家级' }]);
    assertFaithful(text, document);
    assertParses(yaml, document);
  });
  it('reads a one-line page whose paragraphs are separated by runs of no-break spaces (seed 004)', () => {
    const nbsp = '\u00a0'.repeat(8);
    const text = `${nbsp}为促进苏州集成电路产业发展,特制定如下措施。 ${nbsp}一、促进产业集聚 ${nbsp}1.鼓励企业做大做强。对集成电路设计企业给予最高500万元奖励。(责任单位:市工信局、各县级市〈区〉人民政府〈管委会〉) ${nbsp}2.鼓励企业对外并购。根据收购标的给予最高1000万元的奖励。(责任单位:市工信局)`;
    const { document } = importPolicyText(text, { title: '苏州市促进集成电路产业高质量发展的若干措施', levelHint: '苏州市级' });
    assert.equal(document.preamble, '为促进苏州集成电路产业发展,特制定如下措施。');
    assert.deepEqual(clausesOf(document).map((c) => [c.id, c.title]), [['1', '鼓励企业做大做强'], ['2', '鼓励企业对外并购']]);
    assert.equal(document.level, '市级');
  });
});

describe('import: traditional characters', () => {
  it('detects structure and markers in a traditional-character text and keeps the text as written', () => {
    const text = '蘇州市促進人工智能產業發展的若干措施\n\n一、促進產業集聚\n\n1.支持企業做大做強。對首次入選的企業給予最高100萬元獎勵。（責任單位：市工信局、市財政局）\n';
    const { document } = importPolicyText(text);
    const [clause] = clausesOf(document);
    assert.equal(document.city, '苏州');
    assert.equal(clause.title, '支持企業做大做強');
    assert.equal(clause.text, '對首次入選的企業給予最高100萬元獎勵。（責任單位：市工信局、市財政局）');
    assert.deepEqual(clause.departments, { lead: ['市工信局'], support: ['市財政局'] });
    assert.deepEqual(clause.caps?.map((c) => c.max), ['100万元']);
  });
});

describe('import: splitting sources into documents', () => {
  it('splits a compilation by its table of contents, titles on one or two lines', () => {
    const text = `汇编\n\n目录\n\n一、深圳国家新一代人工智能创新发展试验区\n\n- 1. 深圳市新一代人工智能发展行动计划（2019—2023 年）58\n\n二、合肥国家新一代人工智能创新发展试验区\n\n- 2. 合肥建设国家新一代人工智能创新发展试验区实施方案（2020-2023 年） 87\n\n深圳市新一代人工智能发展行动计划\n\n(2019—2023 年)\n\n为深入贯彻落实创新驱动发展战略。\n\n一、指导思想\n\n合肥建设国家新一代人工智能创新发展试验区\n\n实施方案（2020-2023年）\n\n为全面贯彻党中央决策部署。\n`;
    const parts = splitDocuments(text);
    assert.deepEqual(parts.map((p) => [p.title, p.group]), [['深圳市新一代人工智能发展行动计划（2019—2023 年）', '深圳'], ['合肥建设国家新一代人工智能创新发展试验区实施方案（2020-2023 年）', '合肥']]);
    assert.ok(parts[0].text.includes('一、指导思想') && !parts[0].text.includes('合肥'));
  });
  it('splits a search-result page at its bullets', () => {
    const parts = splitDocuments('我们为您找到309条结果\n  • 【苏州市级】甲的若干措施\n\n  正文一\n  • 【苏州市级】乙的行动计划\n\n  正文二\n下一页  12345 >> 末页Go');
    assert.deepEqual(parts.map((p) => [p.title, p.levelHint]), [['甲的若干措施', '苏州市级'], ['乙的行动计划', '苏州市级']]);
  });
  it('splits concatenated documents at title-shaped lines, not at an attachment title', () => {
    const text = '甲市人工智能产业发展行动计划\n\n为加快发展，特制定本计划。\n\n一、主要任务\n\n乙市关于加快推进人工智能发展的实施办法\n\n有关单位：\n\n现印发。\n\n附件：【乙市关于加快推进人工智能发展的实施办法】\n\n乙市关于加快推进人工智能发展的实施办法\n\n为深化落实，制定本办法。\n';
    assert.equal(splitDocuments(text).length, 2);
  });
});

describe('import: YAML emitting', () => {
  it('quotes what YAML would misread', () => {
    assert.equal(scalar('1'), '"1"');
    assert.equal(scalar('2021-03-01'), '"2021-03-01"');
    assert.equal(scalar('a: b'), '"a: b"');
    assert.equal(scalar('#1'), '"#1"');
    assert.equal(scalar('“头雁”企业'), '“头雁”企业');
    assert.equal(scalar('市工信局,市财政局', true), '"市工信局,市财政局"');
  });
});

describe('import: the bundled corpus', () => {
  const dir = path.join(REPO_ROOT, 'corpus');
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.policy.yaml')) : [];
  it('has 39 documents listed in index.json', function () {
    if (files.length === 0) this.skip();
    const index = JSON.parse(fs.readFileSync(path.join(dir, 'index.json'), 'utf8')) as Array<{ id: string; clauses: number }>;
    assert.equal(files.length, 39);
    assert.deepEqual(index.map((e) => `${e.id}.policy.yaml`).sort(), [...files].sort());
  });
  it('every document parses and has unique clause ids', function () {
    if (files.length === 0) this.skip();
    for (const file of files) {
      const parsed = parseYaml(fs.readFileSync(path.join(dir, file), 'utf8'));
      assert.equal(parsed.error, undefined, file);
      const plain = toPlainValue(parsed.root!) as { chapters?: Array<{ clauses: Array<{ id: string }> }>; clauses?: Array<{ id: string }> };
      const ids = (plain.chapters ? plain.chapters.flatMap((c) => c.clauses) : plain.clauses ?? []).map((c) => c.id);
      assert.ok(ids.length > 0, file);
      assert.equal(new Set(ids).size, ids.length, file);
    }
  });
});
