/**
 * Import of page text as copied from PDFs and WeChat articles: running headers and page footers in
 * the middle of a sentence, a number alone on a line inside a sentence, English words broken over
 * lines, a lead-in sentence that is not a title, WeChat chrome and headlines, 【…】 headings and
 * emoji bullets. Fixtures are probe texts in real policy language (test/fixtures/import-probe2).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { importPolicyText } from '../server/src/core/import';
import type { ImportedDocument, ImportResult } from '../server/src/core/import';
import { isChromeLine } from '../server/src/core/import/chrome';
import { parseMarker } from '../server/src/core/import/numbering';
import { FIXTURES } from './helpers/paths';
import { clause, clausesOf } from './helpers/importedClauses';

const PROBES = path.join(FIXTURES, 'import-probe2');
const squash = (s: string): string => s.replace(/\s+/g, '');

/** Imports a probe and checks that every clause and note is the source's own characters. */
function importProbe(name: string): ImportResult {
  const text = fs.readFileSync(path.join(PROBES, name), 'utf8');
  const result = importPolicyText(text, { sourceName: name });
  // Every occurrence of a dropped text goes: a running header repeats the title line.
  const kept = squash(result.dropped.reduce((rest, d) => rest.split(d.text).join(''), text));
  for (const c of clausesOf(result.document)) assert.ok(kept.includes(squash(c.text)), `${name}: clause ${c.id} not verbatim`);
  for (const note of result.document.notes ?? []) assert.ok(kept.includes(squash(note)), `${name}: note not verbatim: ${note}`);
  assert.notEqual(result.document.policy, '', `${name}: empty title`);
  return result;
}

const texts = (document: ImportedDocument): Array<[string, string | undefined, string]> => clausesOf(document).map((c) => [c.id, c.title, c.text]);

describe('import: PDF page furniture inside the text', () => {
  it('07c: a running header and a — 第 1 页 共 2 页 — footer between two halves of a sentence are cut, dashes and all', () => {
    const { document, dropped } = importProbe('07c_running_header_midsentence.txt');
    assert.equal(document.policy, '青岛市测试若干措施');
    assert.deepEqual(texts(document), [['一', '支持装备制造', '对新建海洋工程装备制造项目，按照设备投资额的10%给予补助，最高100万元。（责任单位：市工业和信息化局）']]);
    assert.deepEqual(dropped, [
      { text: '青岛市测试若干措施', reason: 'chrome' },
      { text: '— 第 1 页 共 2 页 —', reason: 'chrome' },
    ]);
  });

  it('07: the title line repeated above every page footer never ends a clause', () => {
    const { document } = importProbe('07_pdf_hyphen_running_header.txt');
    assert.equal(document.policy, '青岛市加快海洋经济高质量发展的若干措施');
    assert.equal(clause(document, '二').text, '对取得海洋创新药临床批件的企业，给予最高200万元奖励；对获得上市许可的，给予最高1000万元奖励。（责任单位：市科技局、市卫生健康委）');
    assert.equal(clause(document, '五').text, '本措施自2024年10月1日起施行，有效期至2026年12月31日。');
    for (const c of clausesOf(document)) assert.ok(!/—|若干措施/.test(c.text), `clause ${c.id}: ${c.text}`);
  });

  it('07e: - 1 - takes the title header above it; a header recurring over 1/3 and 2/3 footers goes, and so do the footers', () => {
    const { document, dropped } = importProbe('07e_dash_footer_repeated_header.txt');
    assert.equal(document.policy, '青岛市支持集成电路产业发展的若干政策');
    assert.deepEqual(texts(document), [
      ['一', '支持芯片设计', '对首次完成流片的设计企业，按照流片费用的30%给予补助，单个企业每年最高500万元。（责任单位：市工业和信息化局）'],
      ['二', '支持封装测试', '对新建封装测试生产线的，按照设备投资额的15%给予补助，单个项目最高1000万元。（责任单位：市发展改革委）'],
      ['三', '支持人才引育', '对集成电路企业引进的高端人才，给予最高100万元安家补贴。'],
      ['四', undefined, '本政策自2024年1月1日起施行，有效期至2026年12月31日。'],
    ]);
    assert.deepEqual(
      dropped.map((d) => d.text),
      ['青岛市支持集成电路产业发展的若干政策', '集成电路产业政策汇编', '集成电路产业政策汇编', '- 1 -', '1/3', '2/3'],
    );
  });

  it('a header-like line next to a footer only once, and not the title, stays', () => {
    const doc = importPolicyText(['青岛市测试若干措施', '一、支持装备制造。对新建项目给予最高100万元补助。', '二、强化要素保障', '- 1 -', '对重点项目优先保障用地。'].join('\n')).document;
    assert.deepEqual(texts(doc), [
      ['一', '支持装备制造', '对新建项目给予最高100万元补助。'],
      ['二', '强化要素保障', '对重点项目优先保障用地。'],
    ]);
  });

  it('1/2 alone on a line is a page footer', () => {
    assert.equal(isChromeLine('1/2'), true);
    assert.equal(isChromeLine(' 12 / 30 '), true);
    assert.equal(isChromeLine('1/2以上'), false);
  });
});

describe('import: PDF line breaks inside a sentence', () => {
  it('07d: 最高↵2000↵万元 keeps the number; Multi Project↵Wafer is rejoined with a space; 5G-↵Advanced without one', () => {
    const { document } = importProbe('07d_bare_number_line_and_latin_join.txt');
    assert.equal(
      clause(document, '一').text,
      '对企业开展多项目晶圆（Multi Project Wafer，MPW）流片的，按照费用的50%给予补贴，最高100万元；对采用5G-Advanced技术的，给予最高 50 万元奖励，最高2000万元。（责任单位：市经信局）',
    );
    assert.deepEqual(clause(document, '一').caps?.map((c) => c.max), ['100万元', '50万元', '2000万元']);
  });

  it('a number line after a finished sentence is still a page number, and digits split over lines join without a space', () => {
    const doc = importPolicyText(['合肥市测试若干政策', '一、对企业给予最高100万元奖励。', '3', '二、对新建项目，给予最高20', '00万元补助。'].join('\n'));
    assert.deepEqual(texts(doc.document), [
      ['一', undefined, '对企业给予最高100万元奖励。'],
      ['二', undefined, '对新建项目，给予最高2000万元补助。'],
    ]);
    assert.deepEqual(doc.dropped, [{ text: '3', reason: 'chrome' }]);
  });

  it('a page number between two halves of a sentence that does not ask for a number is dropped', () => {
    const doc = importPolicyText(['合肥市测试若干政策', '一、对新建海洋工程装备制造项目，按照设备', '12', '投资额的10%给予补助。'].join('\n'));
    assert.deepEqual(texts(doc.document), [['一', undefined, '对新建海洋工程装备制造项目，按照设备投资额的10%给予补助。']]);
  });
});

describe('import: a lead-in sentence is not a title', () => {
  it('05b: 应当符合以下条件： and 须提交以下材料：… stay in the text; 对符合下列条件的企业… is untouched', () => {
    const { document } = importProbe('05b_leadin_sentence_as_title.txt');
    assert.deepEqual(texts(document), [
      ['一', undefined, '申请设立子基金的管理机构应当符合以下条件：\n（一）注册资本不低于1000万元；\n（二）管理团队不少于3人。'],
      ['二', undefined, '对符合下列条件的企业，给予最高100万元奖励：\n（一）注册资本不低于5000万元。（责任单位：市财政局）'],
      ['三', undefined, '申报单位须提交以下材料：营业执照、审计报告。'],
    ]);
  });

  it('a short label ending in ： is still a title', () => {
    const doc = importPolicyText(['苏州市测试管理办法', '第一条 申报条件：', '（一）注册资本不低于1000万元；', '（二）管理团队不少于3人；', '第二条 申报材料：营业执照、审计报告。'].join('\n')).document;
    assert.deepEqual(texts(doc), [
      ['一', '申报条件', '（一）注册资本不低于1000万元；\n（二）管理团队不少于3人；'],
      ['二', '申报材料', '营业执照、审计报告。'],
    ]);
  });
});

describe('import: WeChat copies', () => {
  it('06: headline, byline and prompts are not the policy; 【…】 headings title their items; emoji bullets are markers', () => {
    const { document, dropped } = importProbe('06_wechat_emoji_brackets.txt');
    assert.equal(document.policy, '厦门市促进生物医药产业高质量发展若干措施');
    assert.equal(document.docNumber, '厦府办规〔2024〕9号');
    assert.deepEqual(document.notes, [
      '重磅！《厦门市促进生物医药产业高质量发展若干措施》正式印发',
      '近日，厦门市人民政府办公厅印发《厦门市促进生物医药产业高质量发展若干措施》，一起来看👇',
    ]);
    assert.deepEqual(
      dropped.map((d) => d.text),
      ['原创 厦门发布 2024-08-12 18:30 福建', '👆点击上方蓝字关注我们', '来源：厦门市人民政府办公厅', '编辑：小鹭', '❤️点个“在看”，让更多人看到', '阅读原文'],
    );
    assert.deepEqual(texts(document), [
      ['1', '支持创新药研发', '对在本市开展并完成Ⅰ期、Ⅱ期、Ⅲ期临床试验的1类创新药，分别给予最高500万元、1000万元、2000万元补助。（责任单位：市科技局、市工信局）'],
      ['2', '支持医疗器械产业化', '🔹对首次取得第三类医疗器械注册证并在本市产业化的产品，每个给予最高300万元奖励；\n🔹对首次取得第二类医疗器械注册证的产品，每个给予最高50万元奖励。（责任单位：市市场监管局）'],
      ['3', '支持企业做大做强', '对年主营业务收入首次突破10亿元、30亿元、50亿元的企业，分别给予一次性奖励100万元、300万元、500万元。（责任单位：市工信局）'],
      ['4', '强化金融支持', '对生物医药企业获得银行贷款的，按照实际支付利息的50%给予贴息，单个企业每年最高200万元。（责任单位：市财政局、市金融监管局）'],
      ['附', undefined, '本措施自2024年9月1日起施行，有效期3年。'],
    ]);
    // The marker line closing the two-bullet list applies to both; each bullet's 对… is its recipient.
    assert.deepEqual(clause(document, '2').departments, { lead: ['市市场监管局'], support: [] });
    assert.deepEqual(clause(document, '2').caps, [
      // 每个给予: per 个 (each product).
      { max: '300万元', for: '首次取得第三类医疗器械注册证并在本市产业化的产品', per: '个' },
      { max: '50万元', for: '首次取得第二类医疗器械注册证的产品', per: '个' },
    ]);
    assert.equal(clause(document, '1').caps?.[0].for, '在本市开展并完成Ⅰ期、Ⅱ期、Ⅲ期临床试验的1类创新药');
  });

  it('06b: 【…】 headings over plain paragraphs are titled clauses numbered in order', () => {
    const { document, warnings } = importProbe('06b_brackets_only.txt');
    assert.deepEqual(texts(document), [
      ['1', '支持创新药研发', '对在本市完成临床试验的1类创新药，给予最高500万元补助。（责任单位：市科技局）'],
      ['2', '支持企业做大做强', '对年主营业务收入首次突破10亿元的企业，给予一次性奖励100万元。（责任单位：市工信局）'],
    ]);
    assert.deepEqual(warnings, []);
  });

  it('06c: 🔹 items each naming their department are clauses of the 一、 heading, without the emoji', () => {
    const { document } = importProbe('06c_emoji_bullets_in_numbered.txt');
    assert.deepEqual(document.chapters?.map((c) => [c.id, c.title]), [['一', '支持创新药研发']]);
    assert.deepEqual(texts(document), [
      ['●1', undefined, '对在本市完成临床试验的1类创新药，给予最高500万元补助。（责任单位：市科技局）'],
      ['●2', undefined, '对首次取得第三类医疗器械注册证的产品，每个给予最高300万元奖励。（责任单位：市市场监管局）'],
    ]);
    assert.deepEqual(clause(document, '●2').caps, [{ max: '300万元', for: '首次取得第三类医疗器械注册证的产品', per: '个' }]);
  });

  it('06d: the headline is a note, the title is the policy named in it and found again below; 编辑 / 阅读原文 are chrome', () => {
    const { document, dropped } = importProbe('06d_wechat_headline_footer.txt');
    assert.equal(document.policy, '厦门市促进生物医药产业高质量发展若干措施');
    assert.deepEqual(document.notes, ['重磅！《厦门市促进生物医药产业高质量发展若干措施》正式印发']);
    assert.equal(document.preamble, undefined);
    assert.deepEqual(texts(document), [['一', '支持创新药研发', '对创新药给予最高500万元补助。（责任单位：市科技局）']]);
    assert.deepEqual(dropped.map((d) => d.text), ['编辑：小鹭', '阅读原文']);
  });

  it('06e: without the title line the 《》 name of the headline is the title; top-level ▶️ items are numbered ●1 ●2', () => {
    const { document, dropped, warnings } = importProbe('06e_wechat_no_title_line.txt');
    assert.equal(document.policy, '泉州市支持数字经济发展十条措施');
    assert.deepEqual(document.notes, ['官宣！《泉州市支持数字经济发展十条措施》全文来了']);
    assert.deepEqual(texts(document), [
      ['●1', undefined, '对新认定的国家级、省级数字化转型促进中心，分别给予最高200万元、100万元奖励。（责任单位：市工信局）'],
      ['●2', undefined, '对企业上云用云费用，按照实际支出的30%给予补助，每家最高20万元。（责任单位：市数据管理局）'],
    ]);
    assert.deepEqual(dropped.map((d) => d.text), ['原创 泉州发布 2024-05-20 09:15 福建', '点击上方蓝字关注我们', '责编：阿泉', '审核：林某', '分享 点赞 在看', '长按识别二维码关注我们']);
    assert.deepEqual(warnings, []);
  });

  it('the title is never empty: the first sentence stands in when there is no title line and no 《》 name', () => {
    const result = importPolicyText(['为支持企业创新，对新认定的高新技术企业给予最高30万元奖励。', '对首次入库的科技型中小企业给予最高5万元奖励。'].join('\n'));
    assert.equal(result.document.policy, '为支持企业创新，对新认定的高新技术企业给予最高30万元奖励');
    assert.equal(result.document.clauses?.length, 2);
  });

  it('emoji bullets and 【…】 headings are markers; 【苏州市级】, 【责任单位：…】 and a bracket over a sentence are not headings', () => {
    assert.deepEqual(parseMarker('🔹对企业给予奖励'), { style: 'bullet', label: '', value: 0, length: 2 });
    assert.deepEqual(parseMarker('▶️对企业给予奖励'), { style: 'bullet', label: '', value: 0, length: 2 });
    assert.deepEqual(parseMarker('✅对企业给予奖励')?.style, 'bullet');
    assert.deepEqual(parseMarker('【支持创新药研发】'), { style: 'bracket', label: '', value: 0, length: 1 });
    assert.equal(parseMarker('【苏州市级】'), undefined);
    assert.equal(parseMarker('【责任单位：市科技局】'), undefined);
    assert.equal(parseMarker('【支持创新药研发】对创新药给予补助。'), undefined);
    assert.equal(parseMarker('©2024 厦门发布'), undefined);
  });
});
