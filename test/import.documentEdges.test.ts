/**
 * Import at the edges of a published document: a cover notice (关于印发《X》的通知) above the policy,
 * attachments after it, a table of contents without dot leaders, portal and page chrome (also inside
 * a sentence), portal metadata fields, the signature block and a Chinese-numeral dateline, a title
 * over three lines, a district's jurisdiction, and unusable input to the CLI. Fixtures are probe
 * texts in real policy language (test/fixtures/import-probe).
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { importPolicyText, splitDocuments } from '../server/src/core/import';
import type { ImportedDocument, ImportResult } from '../server/src/core/import';
import { isChromeLine } from '../server/src/core/import/chrome';
import { deriveCity, levelOfCity } from '../server/src/core/import/city';
import { datelineOf } from '../server/src/core/import/closing';
import { FIXTURES, REPO_ROOT } from './helpers/paths';
import { clausesOf } from './helpers/importedClauses';

const PROBES = path.join(FIXTURES, 'import-probe');
const squash = (s: string): string => s.replace(/\s+/g, '');

function probe(name: string): string {
  return fs.readFileSync(path.join(PROBES, name), 'utf8');
}

function importProbe(name: string): ImportResult {
  const text = probe(name);
  const result = importPolicyText(text, { sourceName: name });
  // Clause text and notes are the source's characters, never reworded: the source without what was dropped.
  const kept = squash(result.dropped.reduce((rest, d) => rest.replace(d.text, ''), text));
  for (const clause of clausesOf(result.document)) assert.ok(kept.includes(squash(clause.text)), `${name}: clause ${clause.id} not verbatim`);
  for (const note of result.document.notes ?? []) assert.ok(kept.includes(squash(note)), `${name}: note not verbatim: ${note}`);
  return result;
}

function metadataOf(document: ImportedDocument): Record<string, unknown> {
  const { chapters: _c, clauses: _k, notes: _n, preamble: _p, ...rest } = document;
  return rest;
}

describe('import: a cover notice above the policy', () => {
  it('03 成都: 关于印发《X》的通知 on a line under the issuer — X is the title, the letter is notes, the letter dates the policy', () => {
    const { document, warnings } = importProbe('03_chengdu_measures_mixed.txt');
    assert.deepEqual(metadataOf(document), {
      policy: '成都市进一步支持生物医药产业高质量发展的若干政策',
      city: '成都',
      level: '市级',
      issuer: '成都市人民政府办公厅',
      docNumber: '成办规〔2024〕5号',
      effective: '2024-03-01',
      expires: '2027-02-28',
    });
    assert.equal(document.preamble, '为加快建设具有全国影响力的生物医药创新策源地和产业集聚地，制定以下政策。');
    assert.deepEqual(document.notes, [
      '成都市人民政府办公厅关于印发《成都市进一步支持生物医药产业高质量发展的若干政策》的通知',
      '各区（市）县政府，市政府各部门，有关单位：',
      '现将《成都市进一步支持生物医药产业高质量发展的若干政策》印发给你们，请结合实际认真贯彻执行。',
      '成都市人民政府办公厅',
      '2024年3月1日',
      '抄送：市委办公厅，市人大常委会办公厅，市政协办公厅。',
      '成都市人民政府办公厅',
      '2024年3月1日印发',
    ]);
    const clauses = clausesOf(document);
    assert.deepEqual(clauses.map((c) => c.id), ['一', '二', '三', '四', '五', '六', '七']);
    assert.equal(clauses[6].text, '本政策与我市其他同类政策有重复的，按照“就高、从优、不重复”原则执行。本政策由市经信局负责解释，自印发之日起施行，有效期3年。');
    assert.deepEqual(warnings, []);
  });

  it('01 深圳: a notice title without 《》, portal chrome above it, the 抄送 and 印发 lines below the last article', () => {
    const { document, dropped } = importProbe('01_shenzhen_articles.txt');
    assert.equal(document.policy, '深圳市促进人工智能产业发展若干措施');
    assert.equal(document.issuer, '深圳市人民政府办公厅');
    assert.equal(document.docNumber, '深府办规〔2023〕3号');
    assert.equal(document.preamble, undefined);
    assert.deepEqual(document.notes?.slice(0, 5), [
      '深圳市人民政府办公厅关于印发深圳市促进人工智能产业发展若干措施的通知',
      '各区人民政府，市政府直属各单位：',
      '《深圳市促进人工智能产业发展若干措施》已经市政府同意，现印发给你们，请认真组织实施。',
      '深圳市人民政府办公厅',
      '2023年5月10日',
    ]);
    assert.deepEqual(document.notes?.slice(5), ['抄送：市委各部门，市人大常委会办公厅，市政协办公厅。', '深圳市人民政府办公厅', '2023年5月12日印发']);
    const last = clausesOf(document).at(-1)!;
    assert.equal(last.id, '十一');
    assert.equal(last.text, '本措施自2023年6月1日起施行，有效期3年。');
    assert.deepEqual(
      dropped.map((d) => d.text),
      ['来源：深圳市人民政府办公厅', '发布日期：2023-05-12', '浏览次数：1532', '【字体：大 中 小】', '打印本页 关闭窗口', '分享到：'],
    );
  });

  it('14 南京: 附件：<policy title> in the letter, then the policy, then its own attachments', () => {
    const { document } = importProbe('14_nanjing_cover_attachment_list.txt');
    assert.equal(document.policy, '南京市加快发展智能制造装备产业行动方案');
    assert.equal(document.issuer, '南京市人民政府');
    assert.equal(document.effective, '2024-04-08');
    assert.equal(document.expires, '2026-12-31');
    const clauses = clausesOf(document);
    assert.deepEqual(clauses.map((c) => c.id), ['一', '二', '三']);
    assert.equal(clauses[2].text, '本方案自印发之日起施行，有效期至2026年12月31日。');
    assert.deepEqual(document.notes?.slice(3, 7), ['附件：南京市加快发展智能制造装备产业行动方案', '南京市人民政府', '2024年4月8日', '附件：1.重点产品目录']);
    assert.equal(document.notes?.at(-1), '2.南京科远智慧科技集团股份有限公司');
  });

  it('a notice whose policy title is not repeated: the policy starts after the letter\'s date', () => {
    const text = [
      '合肥市人民政府关于印发合肥市促进集成电路产业发展若干政策的通知',
      '各县（市）、区人民政府，市政府各部门：',
      '现将《合肥市促进集成电路产业发展若干政策》印发给你们，请认真贯彻执行。',
      '合肥市人民政府',
      '2022年6月30日',
      '一、对新设立的集成电路设计企业，给予最高200万元奖励。（责任单位：市经信局）',
      '二、本政策自2022年7月1日起施行，有效期三年。',
    ].join('\n');
    const { document } = importPolicyText(text);
    assert.equal(document.policy, '合肥市促进集成电路产业发展若干政策');
    assert.equal(document.issuer, '合肥市人民政府');
    assert.deepEqual([document.effective, document.expires], ['2022-07-01', '2025-06-30']);
    assert.equal(document.notes?.length, 5);
    assert.deepEqual(clausesOf(document).map((c) => c.id), ['一', '二']);
  });

  it('a compilation splitter keeps the notice and the policy it announces as one document', () => {
    const parts = splitDocuments(probe('03_chengdu_measures_mixed.txt'));
    assert.equal(parts.length, 1);
    const two = splitDocuments(`${probe('03_chengdu_measures_mixed.txt')}\n${probe('21_three_line_title.txt')}`);
    assert.deepEqual(two.map((p) => p.text.split('\n')[0]), ['成都市人民政府办公厅', '深圳市关于加快推进']);
  });
});

describe('import: what follows the last clause', () => {
  it('07 南京: 附件：1.… and the attachments themselves are notes, not clause text', () => {
    const { document } = importProbe('07_nanjing_articles_attachment.txt');
    const clauses = clausesOf(document);
    assert.deepEqual(clauses.map((c) => c.id), ['一', '二', '三', '四', '五', '六']);
    assert.equal(clauses[5].text, '本办法自2023年7月1日起施行，有效期五年。');
    assert.deepEqual(document.notes, [
      '附件：1.南京市科技创新券服务机构名录',
      '2.南京市科技创新券申领表',
      '附件1',
      '南京市科技创新券服务机构名录',
      '1.南京大学分析测试中心',
      '2.江苏省产品质量监督检验研究院',
      '附件2',
      '南京市科技创新券申领表',
      '企业名称：',
      '统一社会信用代码：',
    ]);
    assert.deepEqual([document.effective, document.expires], ['2023-07-01', '2028-06-30']);
  });

  it('20 深圳: a Chinese-numeral dateline under the signatory is a note that dates the policy', () => {
    const { document } = importProbe('20_chinese_numeral_dateline.txt');
    assert.deepEqual(document.notes, ['深圳市人民政府', '二〇二四年三月一日']);
    assert.equal(document.issuer, '深圳市人民政府');
    assert.equal(clausesOf(document).at(-1)!.text, '本措施自印发之日起施行，有效期为三年。');
    // 自印发之日起 … 有效期为三年 from the dateline outranks the title's period.
    assert.deepEqual([document.effective, document.expires], ['2024-03-01', '2027-02-28']);
  });

  it('parses datelines in Arabic and Chinese numerals', () => {
    assert.equal(datelineOf('二〇二四年三月一日'), '2024-03-01');
    assert.equal(datelineOf('二○二三年十二月二十一日'), '2023-12-21');
    assert.equal(datelineOf('2023年5月12日印发'), '2023-05-12');
    assert.equal(datelineOf('2024 年 3 月 1 日'), '2024-03-01');
    assert.equal(datelineOf('2024年13月1日'), undefined);
    assert.equal(datelineOf('自2024年3月1日起施行'), undefined);
  });
});

describe('import: contents, chrome and portal metadata', () => {
  it('06 合肥: a contents list without dot leaders is dropped, so headings are not doubled', () => {
    const { document, dropped } = importProbe('06_hefei_pdf_toc_nodots.txt');
    assert.deepEqual(clausesOf(document).map((c) => c.id), ['一', '二-一-1', '二-一-2', '二-二-1', '二-二-2', '三']);
    assert.deepEqual(document.chapters?.map((c) => c.title), ['发展目标', '重点任务', '保障措施']);
    assert.deepEqual(
      dropped.filter((d) => d.reason === 'contents').map((d) => d.text),
      ['一、发展目标 1', '二、重点任务 2', '（一）提升整车制造能级 2', '（二）完善零部件配套体系 3', '三、保障措施 4'],
    );
    assert.ok(clausesOf(document).every((c) => !c.text.includes('页')));
  });

  it('08 西安: breadcrumb and 索引号/发布机构/成文日期/文号 fields are dropped and read as metadata', () => {
    const { document, dropped } = importProbe('08_xian_portal_table.txt');
    assert.equal(document.policy, '西安市促进数字经济高质量发展若干措施');
    assert.equal(document.issuer, '西安市人民政府办公厅');
    assert.equal(document.docNumber, '市政办发〔2024〕6号');
    assert.equal(document.preamble, '为加快推进数字产业化、产业数字化，打造数字经济发展新高地，制定以下措施。');
    assert.equal(clausesOf(document).at(-1)!.text, '本措施由市工信局会同有关部门负责解释，自2024年3月1日起施行，有效期2年。此前我市出台的相关政策与本措施不一致的，以本措施为准。');
    assert.ok(dropped.every((d) => d.reason === 'chrome'));
    assert.equal(dropped.length, 10);
  });

  it('16b 合肥: 发布时间 on a line with 来源 and 浏览次数 dates a policy 自印发之日起施行', () => {
    const { document, dropped } = importProbe('16b_portal_dates_oneline.txt');
    assert.deepEqual([document.effective, document.expires], ['2024-03-05', '2027-03-04']);
    assert.deepEqual(dropped, [{ text: '发布时间：2024年3月5日 来源：合肥市科技局 浏览次数：88', reason: 'chrome' }]);
  });

  it('portal fields without a cover letter: 发布机构 is the issuer, 文号 the docNumber, 成文日期 the date when nothing else dates it', () => {
    const text = [
      '广州市促进工业软件产业发展若干措施',
      '发布机构：广州市工业和信息化局',
      '文号：穗工信规字〔2024〕2号',
      '成文日期：2024-01-15',
      '一、对工业软件企业给予最高300万元奖励。（责任单位：市工业和信息化局）',
      '二、本措施自印发之日起施行，有效期五年。',
    ].join('\n');
    const { document } = importPolicyText(text);
    assert.equal(document.issuer, '广州市工业和信息化局');
    assert.equal(document.docNumber, '穗工信规字〔2024〕2号');
    assert.deepEqual([document.effective, document.expires], ['2024-01-15', '2029-01-14']);
  });

  it('22: a 第 N 页 共 M 页 footer is cut from between the lines of a sentence and from inside one line', () => {
    const { document } = importProbe('22_page_footer_midsentence.txt');
    assert.equal(clausesOf(document)[1].text, '对企业开展数字化改造的，按软件投资的20%给予补助，最高300万元。（责任单位：市工信局）');
    const inline = importPolicyText('深圳市若干措施\n一、对企业开展数字化改造的，按软件投资的第 6 页 共 9 页20%给予补助，最高300万元。');
    assert.equal(clausesOf(inline.document)[0].text, '对企业开展数字化改造的，按软件投资的20%给予补助，最高300万元。');
    assert.deepEqual(inline.dropped, [{ text: '第 6 页 共 9 页', reason: 'chrome' }]);
  });

  it('recognises portal button rows and fields as chrome, and keeps policy lines', () => {
    const chrome = [
      '打印本页 关闭窗口', '【字体：大 中 小】', '【大 中 小】', '【打印】【关闭】', '【打印本页】【关闭窗口】', '扫一扫在手机打开当前页', '视力保护色',
      '当前位置：首页 > 政策文件', '首页 > 政务公开', '索引号：1161010001/2024-00012', '发布机构：西安市人民政府办公厅', '成文日期：2024年02月20日',
      '主题分类：工业', '文号：市政办发〔2024〕6号', '信息来源：市经信局', '点击数：123', '阅读次数：45', '（此件公开发布）', '相关附件：', '第 6 页 共 9 页',
    ];
    for (const line of chrome) assert.ok(isChromeLine(line), line);
    const policy = ['抄送：市委办公厅', '附件：1.重点产品目录', '一、发展目标 1', '关闭落后产能。', '文号为准的原则。', '第六条 对企业给予奖励。'];
    for (const line of policy) assert.ok(!isChromeLine(line), line);
  });
});

describe('import: title and jurisdiction', () => {
  it('21 深圳: a title over three lines and its （征求意见稿） line is one title', () => {
    const { document } = importProbe('21_three_line_title.txt');
    assert.equal(document.policy, '深圳市关于加快推进新一代人工智能产业高质量发展的若干措施（征求意见稿）');
    assert.equal(document.preamble, '为加快发展，制定本措施。');
    assert.equal(document.status, undefined);
  });

  it('an issuer on the line above the title signs it and is a note; it is not part of the title', () => {
    const { document } = importPolicyText('苏州市人民政府\n苏州市促进智能制造发展的若干措施\n一、对企业给予最高100万元奖励。（责任单位：市工信局）');
    assert.equal(document.policy, '苏州市促进智能制造发展的若干措施');
    assert.equal(document.issuer, '苏州市人民政府');
    assert.deepEqual(document.notes, ['苏州市人民政府']);
  });

  it('10 杭州高新区（滨江）: the district is the jurisdiction, parent city first (as 广州开发区 is 广州黄埔区)', () => {
    const { document } = importProbe('10_hangzhou_binjiang_oneline.txt');
    assert.equal(document.city, '杭州滨江区');
    assert.equal(document.level, '区县级');
    assert.equal(deriveCity('深圳市南山区关于促进人工智能产业发展的若干措施', undefined, ''), '深圳南山区');
    assert.equal(deriveCity('天津市滨海新区人民政府关于印发某某办法的通知', undefined, ''), '天津滨海新区');
    assert.equal(deriveCity('深圳市重点区域产业发展规划', undefined, ''), '深圳');
    assert.equal(deriveCity('关于支持重点企业发展的若干措施', '成都市经济和信息化局', ''), '成都');
    assert.equal(levelOfCity('深圳南山区'), '区县级');
  });
});

describe('policy-lint import: unusable input', () => {
  const CLI = path.join(REPO_ROOT, 'bin', 'policy-lint.js');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lint-edges-'));
  const cases: Array<[string, Buffer]> = [
    ['empty.txt', Buffer.alloc(0)],
    ['blank.txt', Buffer.from('\n  \n\u3000\n')],
    ['garbage.txt', Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x67, 0x61, 0x72, 0x62, 0x61, 0x67, 0x65])],
  ];
  for (const [name, bytes] of cases) {
    it(`${name}: exits 2 with one line on stderr and writes nothing`, () => {
      fs.writeFileSync(path.join(dir, name), bytes);
      const out = path.join(dir, `${name}.policy.yaml`);
      const r = spawnSync(process.execPath, [CLI, 'import', name, '-o', out], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      assert.equal(r.status, 2, r.stderr);
      assert.equal(r.stderr, `policy-lint: no policy text found in '${name}'\n`);
      assert.equal(r.stdout, '');
      assert.ok(!fs.existsSync(out));
    });
  }

  it('a policy text with a stray replacement character still imports', () => {
    fs.writeFileSync(path.join(dir, 'ok.txt'), probe('16b_portal_dates_oneline.txt').replace('奖励', '奖\ufffd励'));
    const r = spawnSync(process.execPath, [CLI, 'import', 'ok.txt'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^policy: 合肥市支持量子科技产业发展若干政策$/m);
  });
});
