/**
 * Import of traditional-character texts, kinds of closing and purpose items, and cap details
 * (tier, rate, per, period, for as written). Fixtures in test/fixtures/import-probe are published
 * policy layouts (a traditional copy of a Shenzhen text, a Taipei-style 辦法, Chengdu, Nanjing,
 * Hangzhou Binjiang and Guangzhou Huangpu items).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createPolicyLanguageService } from '../server/src/core';
import { importPolicyText } from '../server/src/core/import';
import type { ImportedCap, ImportedDocument } from '../server/src/core/import';
import { clauseCaps, clauseDepartments } from '../server/src/core/import/facts';
import { kindOf } from '../server/src/core/import/kinds';
import { toSimplified } from '../server/src/core/import/traditional';
import { findCapMentions } from '../server/src/core/normalise/caps';
import { normaliseDepartmentName } from '../server/src/core/normalise/departments';
import { findMoneyAmounts, parseMoney } from '../server/src/core/normalise/money';
import { FIXTURES } from './helpers/paths';
import { clause, clausesOf } from './helpers/importedClauses';

const PROBE = path.join(FIXTURES, 'import-probe');

function imported(name: string): ImportedDocument {
  return importPolicyText(fs.readFileSync(path.join(PROBE, name), 'utf8'), { sourceName: name }).document;
}

function kinds(document: ImportedDocument): Record<string, string> {
  return Object.fromEntries(clausesOf(document).map((c) => [c.id, c.kind]));
}

describe('import: traditional characters', () => {
  it('maps the characters of policy texts one for one, and leaves simplified text alone', () => {
    const written = '牽頭單位配合負責責任財政發展改革委員會經濟資訊產業創新補貼補助獎勵萬元億元總額累計最高超過設備購置項目實施辦法條規定認定國家級省級區縣園區機構企業總部資金貸款貼息融資上市標準軟體硬體製造駕駛無人機註冊臺灣';
    const simplified = toSimplified(written);
    assert.equal(simplified, '牵头单位配合负责责任财政发展改革委员会经济资讯产业创新补贴补助奖励万元亿元总额累计最高超过设备购置项目实施办法条规定认定国家级省级区县园区机构企业总部资金贷款贴息融资上市标准软体硬体制造驾驶无人机注册台湾');
    assert.equal(simplified.length, written.length);
    // 著 (显著) and 昇 (昇腾) are simplified characters too.
    const plain = '效果显著，昇腾生态，对企业给予最高100万元奖励。';
    assert.equal(toSimplified(plain), plain);
  });

  it('reads 牽頭單位 markers; names and `for` stay as written (fixture 04)', () => {
    const document = imported('04_traditional_copy.txt');
    assert.deepEqual(clause(document, '二').departments, { lead: ['市科技創新局'], support: ['市財政局'] });
    assert.deepEqual(clause(document, '一').caps, [{ max: '1000万元', for: '新引進的低空經濟領域整機製造企業', rate: '10%' }]);
    assert.deepEqual(clause(document, '二').caps, [
      { max: '500万元', for: '企業研製的無人駕駛航空器取得型號合格證', tier: '国家级' },
      { max: '200万元', for: '企業研製的無人駕駛航空器取得型號合格證', tier: '省级' },
    ]);
    assert.deepEqual(clause(document, '三').caps, [
      { max: '20万元', for: '新開通低空物流航線的企業', per: '航线', period: 'once' },
      { max: '200万元', per: '企业', period: 'yearly' },
    ]);
    assert.equal(clause(document, '五').kind, 'safeguard');
  });

  it('matches kinds on simplified titles: 總則 is principle, 附則 safeguard (fixture 15)', () => {
    const document = imported('15_taiwan_style_articles.txt');
    // 第 1 條 … 第 5 條 are the articles (clauses) of the chapters 總則, 獎勵補助 and 附則.
    assert.deepEqual(kinds(document), { 1: 'principle', 2: 'principle', 3: 'measure', 4: 'measure', 5: 'safeguard' });
    assert.deepEqual(document.chapters?.map((c) => c.title), ['總則', '獎勵補助', '附則']);
    assert.deepEqual(clause(document, '3').caps, [{ max: '1000万元', per: '案', rate: '50%' }]);
    assert.deepEqual(clause(document, '4').caps, [{ max: '200万元', per: '案', period: 'once' }]);
    assert.equal(kindOf(['附　　則']), 'safeguard');
  });

  it('the money normaliser reads 萬元, 億元, 萬 and 仟元, so lint agrees with the imported caps', () => {
    assert.deepEqual(findMoneyAmounts('最高不超過1000萬元，或1.5億元，或20萬/項，或5,000仟元，或貳佰萬元').map((a) => [a.raw, a.yuan]), [
      ['1000萬元', 1e7], ['1.5億元', 1.5e8], ['20萬', 2e5], ['5,000仟元', 5e6], ['貳佰萬元', 2e6],
    ]);
    assert.equal(parseMoney('1000萬元'), 1e7);
    const mentions = findCapMentions('按投資額的20%給予補助，單個項目最高不超過300萬元。');
    assert.deepEqual(mentions.map((m) => [m.raw, m.qualifier, m.per, m.rate?.min]), [['300萬元', '单个项目最高不超过', '项', 20]]);
    assert.equal(normaliseDepartmentName('市財政局'), '市财政局');
  });

  it('lints the imported traditional copy without cap-text-mismatch or missing-department', () => {
    const source = fs.readFileSync(path.join(PROBE, '04_traditional_copy.txt'), 'utf8');
    const service = createPolicyLanguageService();
    const diagnostics = service.lint(service.parse(importPolicyText(source).yaml, 'probe04.policy.yaml'));
    assert.deepEqual(diagnostics.filter((d) => d.code !== 'unknown-department').map((d) => `${d.code} ${d.message}`), []);
  });
});

describe('import: kinds of closing and purpose items', () => {
  it('fixture 03: 七、其他 (就高不重复, 解释, 施行) is a safeguard', () => {
    const document = imported('03_chengdu_measures_mixed.txt');
    assert.deepEqual(kinds(document), { 一: 'measure', 二: 'measure', 三: 'measure', 四: 'measure', 五: 'measure', 六: 'measure', 七: 'safeguard' });
  });

  it('fixture 07: 第一条 为…制定本办法 is a principle, 第五条 解释权 a safeguard', () => {
    const document = imported('07_nanjing_articles_attachment.txt');
    assert.equal(clause(document, '一').kind, 'principle');
    assert.equal(clause(document, '三').kind, 'measure');
    assert.equal(clause(document, '五').kind, 'safeguard');
  });

  it('fixture 10: 本意见自…起施行…负责解释 is a safeguard', () => {
    const document = imported('10_hangzhou_binjiang_oneline.txt');
    assert.deepEqual(kinds(document), { 一: 'measure', 二: 'measure', 三: 'measure', 四: 'safeguard' });
  });

  it('fixture 12: purpose, non-duplication and effective-date articles', () => {
    const document = imported('12_guangzhou_caps_variety.txt');
    assert.deepEqual(kinds(document), {
      一: 'principle', 二: 'measure', 三: 'measure', 四: 'measure', 五: 'measure', 六: 'measure', 七: 'measure', 八: 'measure', 九: 'safeguard', 十: 'safeguard',
    });
  });

  it('a measure that ends with a non-duplication sentence stays a measure', () => {
    assert.equal(kindOf([undefined], '对新认定的独角兽企业给予最高500万元奖励。同一企业不重复享受。'), 'measure');
    assert.equal(kindOf([undefined], '为推动产业发展，对新引进企业给予最高100万元奖励。'), 'measure');
    assert.equal(kindOf(['保障措施'], '加强组织领导。'), 'safeguard');
  });
});

describe('import: cap details', () => {
  const caps = (text: string): ImportedCap[] => clauseCaps(text);

  it('区级贡献 is a share of tax, not a tier (fixture 10)', () => {
    assert.deepEqual(caps('对集成电路企业引进的高端人才，按照其年度个人所得税区级贡献的80%给予奖励，每人每年最高50万元。'), [
      { max: '50万元', for: '集成电路企业引进的高端人才', per: '人', period: 'yearly', rate: '80%' },
    ]);
  });

  it('the rate is the share of support, not a ceiling share (fixture 12)', () => {
    assert.deepEqual(caps('对企业购置设备总额超过2000万元的，按设备购置额的15%给予补助，单个企业补助金额不超过实际投资额的50%，且最高不超过800万元。'), [
      { max: '800万元', for: '企业购置设备总额超过2000万元', per: '企业', rate: '15%' },
    ]);
    assert.deepEqual(caps('按不超过研发费用的20%给予补助，最高500万元。'), [{ max: '500万元', rate: '20%' }]);
  });

  it('最高可达 is a ceiling', () => {
    assert.deepEqual(caps('奖励金额最高可达2000万元。'), [{ max: '2000万元' }]);
  });

  it('per-units: 每辆车, 每款车型, 每条航线, 每平方米, 每案, 同一企业', () => {
    assert.equal(caps('对开展道路测试的企业，每辆车给予2万元补助。')[0].per, '辆');
    assert.equal(caps('对企业新开发并实现量产的新能源车型，每款车型给予最高200万元奖励。')[0].per, '车型');
    assert.equal(caps('对新开通低空物流航线的企业，每条航线给予一次性奖励20万元。')[0].per, '航线');
    assert.equal(caps('对企业租用办公用房的，按照每平方米每月不超过30元的标准给予租金补贴。')[0].per, '平方米');
    assert.equal(caps('研发补助：每案最高新台币一千万元。')[0].per, '案');
    assert.deepEqual(caps('分别给予最高300万元、500万元；同一企业每年累计资助不超过3000万元。').slice(2), [{ max: '3000万元', per: '企业', period: 'yearly' }]);
  });

  it('periods: 一次性 after the unit rate, 以一次为限, 总额', () => {
    assert.deepEqual(caps('对企业引进的高层次人才，按照5000元/人的标准给予一次性安家补贴。'), [{ max: '5000元', for: '企业引进的高层次人才', per: '人', period: 'once' }]);
    assert.deepEqual(caps('創新育成補助：每案補助最高新臺幣二百萬元，並以一次為限。'), [{ max: '200万元', per: '案', period: 'once' }]);
    assert.deepEqual(caps('对在主板上市的企业，分三个阶段给予总额1000万元奖励。'), [{ max: '1000万元', for: '在主板上市的企业', period: 'total' }]);
    // 每年限申请一次 is how often, not a one-off award.
    assert.equal(caps('每家企业每年最高100万元，每年限申请一次。')[0].period, 'yearly');
    // 合同总额的10% is a base, not a total.
    assert.equal(caps('按合同总额的10%给予补助，最高100万元。')[0].period, undefined);
  });

  it('`for` is as written: full-width brackets are kept', () => {
    assert.deepEqual(caps('对经认定的首台（套）重大技术装备，按照产品单价的20%给予奖励，单个产品最高不超过500万元。'), [
      { max: '500万元', for: '经认定的首台（套）重大技术装备', per: '产品', rate: '20%' },
    ]);
  });

  it('departments of traditional markers', () => {
    assert.deepEqual(clauseDepartments('给予支持。（牽頭單位：市科技創新局；配合單位：市財政局）'), { lead: ['市科技創新局'], support: ['市財政局'] });
  });
});
