/**
 * Round-2 probe findings on money, caps and departments: 千万元 written with digits, bracketed role
 * suffixes, 每年 of a budget sentence, tier rows, 分别 lists, the paying body's level, a ratio in the
 * next comma part. Fixtures in test/fixtures/import-probe2 are the probe texts (published policy language).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createPolicyLanguageService } from '../server/src/core';
import { importPolicyText } from '../server/src/core/import';
import type { ImportedClause, ImportedDocument } from '../server/src/core/import';
import { clauseCaps, clauseDepartments } from '../server/src/core/import/facts';
import { findAmounts } from '../server/src/core/normalise/caps';
import { findMoneyAmounts, parseMoney } from '../server/src/core/normalise/money';
import { FIXTURES } from './helpers/paths';

const PROBE = path.join(FIXTURES, 'import-probe2');
const read = (name: string): string => fs.readFileSync(path.join(PROBE, name), 'utf8');

function clauses(doc: ImportedDocument): ImportedClause[] {
  return [...(doc.clauses ?? []), ...(doc.chapters ?? []).flatMap((c) => c.clauses)];
}

function clauseWith(doc: ImportedDocument, words: string): ImportedClause {
  const found = clauses(doc).find((c) => c.text.includes(words));
  assert.ok(found, `no clause with ${words}`);
  return found;
}

describe('normalise round 2: 千万元 / 百万元 with digits', () => {
  it('reads 1千万元, 1.5千万元, 5百万元 and 3十万元 as amounts', () => {
    assert.deepEqual(findMoneyAmounts('最高1千万元，累计最高2千万元，另给予最高5千万元、最高1.5千万元，5百万元，3十万元').map((a) => [a.raw, a.yuan]), [
      ['1千万元', 1e7], ['2千万元', 2e7], ['5千万元', 5e7], ['1.5千万元', 1.5e7], ['5百万元', 5e6], ['3十万元', 3e5],
    ]);
    assert.equal(parseMoney('1千万元'), 1e7);
    assert.equal(parseMoney('1.5千万'), 1.5e7);
    assert.equal(parseMoney('2千元'), 2000);
  });

  it('keeps 5千万人 a count and 不低于1千万元 a threshold', () => {
    assert.deepEqual(findMoneyAmounts('服务5千万人'), []);
    assert.deepEqual(findAmounts('对年营业收入不低于1千万元的企业，给予最高50万元奖励').map((a) => [a.raw, a.role]), [['1千万元', 'threshold'], ['50万元', 'cap']]);
  });

  it('imports the caps of the 08 flow-tape sentence', () => {
    const text = '开展全掩膜（Full Mask）流片的，按照掩膜版制作费用的30%给予补贴，单个企业每年最高1千万元，累计最高2千万元。（责任单位：市经信局、市财政局）';
    assert.deepEqual(clauseCaps(text), [
      { max: '1000万元', per: '企业', period: 'yearly', rate: '30%' },
      { max: '2000万元', period: 'total' },
    ]);
    assert.deepEqual(clauseCaps('对重大项目给予最高5千万元、最高1.5千万元支持'), [
      { max: '5000万元', for: '重大项目' },
      { max: '1500万元', for: '重大项目' },
    ]);
    const doc = importPolicyText(read('08c_qianwanyuan.txt')).document;
    assert.deepEqual(clauseWith(doc, '1.5千万元').caps?.map((c) => c.max), ['1000万元', '2000万元', '5000万元', '1500万元']);
  });

  it('lint: caps 1000万元 agree with 1千万元 in the text; a wrong cap is still reported', () => {
    const service = createPolicyLanguageService();
    const diagnostics = service.lint(service.parse(read('08b_qianwan.policy.yaml'), '08b_qianwan.policy.yaml'));
    const mismatches = diagnostics.filter((d) => d.code === 'cap-text-mismatch').map((d) => `${d.range.start.line}:${d.message}`);
    assert.deepEqual(mismatches, [
      '14:The text states 1000万元 but `caps` of clause 2 leaves it out.',
      '16:caps gives 500万元 but the text of clause 2 states no such amount (it states 1000万元).',
    ]);
  });
});

describe('normalise round 2: bracketed role suffixes on department names', () => {
  it('区科技局（牵头）leads, without the suffix in its name', () => {
    assert.deepEqual(clauseDepartments('对企业给予最高10万元奖励。（责任单位：区科技局（牵头）、区财政局）'), { lead: ['区科技局'], support: ['区财政局'] });
    assert.deepEqual(clauseDepartments('（责任单位：区财政局、区科技局〔牵头〕）'), { lead: ['区科技局'], support: ['区财政局'] });
    assert.deepEqual(clauseDepartments('（责任单位：区科技局、区财政局（配合）、区工信局（按职责分工））'), { lead: ['区科技局'], support: ['区财政局', '区工信局'] });
  });

  it('imports the 04b probe with clean names', () => {
    const doc = importPolicyText(read('04b_marker_qiantou_suffix.txt')).document;
    assert.deepEqual(clauseWith(doc, '区科技局（牵头）').departments, { lead: ['区科技局'], support: ['区财政局'] });
  });

  it('lint: department-conflict sees 区科技局（牵头） as 区科技局', () => {
    const yaml = [
      'policy: 南京市江宁区测试若干措施',
      'city: 南京',
      'clauses:',
      '  - id: "1"',
      '    text: 对企业给予最高10万元奖励。（责任单位：区科技局（牵头）、区财政局）',
      '    departments:',
      '      lead: [区科技局]',
      '      support: [区财政局]',
      '',
    ].join('\n');
    const service = createPolicyLanguageService();
    const codes = service.lint(service.parse(yaml, 'x.policy.yaml')).map((d) => d.code);
    assert.equal(codes.includes('department-conflict'), false, codes.join(','));
  });
});

describe('normalise round 2: cap details', () => {
  it('每年 of a budget floor in another comma part is not the cap\'s period', () => {
    assert.deepEqual(clauseCaps('每年安排省财政资金不少于3亿元，对单个项目给予最高2000万元支持。（责任单位：省科技厅）'), [
      { max: '2000万元', for: '单个项目', per: '项' },
    ]);
    // …but 每年 in the cap's own words stays.
    assert.deepEqual(clauseCaps('单个企业每年最高500万元'), [{ max: '500万元', per: '企业', period: 'yearly' }]);
    assert.deepEqual(clauseCaps('每年培训1万人次，每家培训机构最高补助50万元').map((c) => c.period), ['yearly']);
    const doc = importPolicyText(read('02b_meinian_budget_period.txt')).document;
    assert.deepEqual(clauseWith(doc, '不少于3亿元').caps, [{ max: '2000万元', for: '单个项目', per: '项' }]);
  });

  it('tier rows 国家级奖励300万元，省级奖励100万元，市级奖励30万元 share their for', () => {
    const forText = '获评国家级、省级、市级企业技术中心的企业';
    assert.deepEqual(clauseCaps(`对${forText}，奖励标准如下：国家级奖励300万元，省级奖励100万元，市级奖励30万元。（责任单位：市经信局）`), [
      { max: '300万元', for: forText, tier: '国家级' },
      { max: '100万元', for: forText, tier: '省级' },
      { max: '30万元', for: forText, tier: '市级' },
    ]);
  });

  it('分别 lists give each award its own for', () => {
    const text = read('03_zhejiang_ruogan_zhengce_numbers.txt').split('\n').find((l) => l.includes('A1级')) ?? '';
    assert.deepEqual(clauseCaps(text), [
      { max: '1000万元', for: 'A1级通用机场', period: 'once' },
      { max: '500万元', for: 'A2级通用机场', period: 'once' },
      { max: '50万元', for: '新建成的垂直起降点', per: '个' },
      { max: '1000万元', per: '设区市', period: 'yearly' },
    ]);
    assert.deepEqual(clauseCaps('对年营业收入首次突破1亿元、5亿元的企业，分别给予50万元、200万元奖励。'), [
      { max: '50万元', for: '年营业收入首次突破1亿元的企业' },
      { max: '200万元', for: '年营业收入首次突破5亿元的企业' },
    ]);
    // A tier list keeps its for and is told apart by tier.
    assert.deepEqual(clauseCaps('對企業研製的無人駕駛航空器取得型號合格證的，按國家級、省級分別給予最高500萬元、200萬元獎勵。').map((c) => c.for), [
      '企業研製的無人駕駛航空器取得型號合格證', '企業研製的無人駕駛航空器取得型號合格證',
    ]);
    assert.deepEqual(clauseCaps('对国家级、省级企业技术中心分别给予最高500万元、200万元奖励'), [
      { max: '500万元', for: '国家级、省级企业技术中心', tier: '国家级' },
      { max: '200万元', for: '国家级、省级企业技术中心', tier: '省级' },
    ]);
  });

  it('the paying body\'s level is no tier; 单只子基金 is the per', () => {
    assert.deepEqual(clauseCaps('省级产业基金按照不超过子基金规模30%的比例参与设立低空经济产业子基金，单只子基金出资最高5亿元。（省财政厅、省金融办按职责分工负责）'), [
      { max: '5亿元', per: '子基金', rate: '30%' },
    ]);
    assert.deepEqual(clauseCaps('对获评省级专精特新企业的，给予最高50万元奖励'), [{ max: '50万元', for: '获评省级专精特新企业', tier: '省级' }]);
  });

  it('a ratio in the next comma part is the cap\'s rate; thresholds stay thresholds', () => {
    const text = '对总投资超过10亿元的芯片制造项目，按设备投资额的15%给予补助，单个项目最高不超过1亿元；对特别重大项目，最高可达3亿元，补助比例最高不超过20%。（责任单位：市发改委、市投资促进局）';
    assert.deepEqual(clauseCaps(text), [
      { max: '1亿元', for: '总投资超过10亿元的芯片制造项目', per: '项', rate: '15%' },
      { max: '3亿元', for: '特别重大项目', rate: '20%' },
    ]);
    assert.deepEqual(findAmounts(text).map((a) => a.role), ['threshold', 'cap', 'cap']);
    // Without 比例 the next part's rate stays its own.
    assert.deepEqual(clauseCaps('给予最高100万元奖励，贷款贴息按20%执行'), [{ max: '100万元' }]);
  });

  it('imports the whole 08 and 10 probes with these caps', () => {
    const doc08 = importPolicyText(read('08_tier_table_sentence_mixed_caps.txt')).document;
    assert.deepEqual(clauseWith(doc08, '国家级奖励300万元').caps?.map((c) => [c.max, c.tier, c.for]), [
      ['300万元', '国家级', '获评国家级、省级、市级企业技术中心的企业'],
      ['100万元', '省级', '获评国家级、省级、市级企业技术中心的企业'],
      ['30万元', '市级', '获评国家级、省级、市级企业技术中心的企业'],
    ]);
    const doc10 = importPolicyText(read('10_fengong_table_end.txt')).document;
    assert.deepEqual(clauseWith(doc10, '首次突破1亿元').caps?.map((c) => c.for), ['年营业收入首次突破1亿元的企业', '年营业收入首次突破5亿元的企业']);
  });
});
