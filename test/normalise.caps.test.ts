import * as assert from 'node:assert/strict';
import { analyseMoney, findAmounts, findCapMentions } from '../server/src/core/normalise/caps';

/** Roles of every amount: [text, [[amount as written, role], …]] — mostly sentences quoted from the seeds. */
const ROLES: Array<[string, Array<[string, string]>]> = [
  ['总投资不低于5000万元的项目，按投资额的10%给予最高1000万元补助', [['5000万元', 'threshold'], ['1000万元', 'cap']]],
  ['年销售收入首次突破1亿元的企业，给予50万元奖励', [['1亿元', 'threshold'], ['50万元', 'grant']]],
  ['对年主营业务收入达到5亿元以上的企业，给予最高200万元奖励', [['5亿元', 'threshold'], ['200万元', 'cap']]],
  ['对注册资本1000万元以上的企业，给予最高50万元奖励', [['1000万元', 'threshold'], ['50万元', 'cap']]],
  ['一次性给予100万元奖励', [['100万元', 'grant']]],
  ['单个企业年度最高不超过1000万元', [['1000万元', 'cap']]],
  ['补贴金额原则上不超过500万元', [['500万元', 'cap']]],
  ['贷款贴息不超过1.5个百分点', []],
  ['最高300万、200万元', [['300万', 'cap'], ['200万元', 'cap']]],
  [
    '对年销售收入首次突破1亿元、5亿元、10亿元的集成电路设计企业,分别给予200万元、300万元、500万元晋档补差奖励。',
    [['1亿元', 'threshold'], ['5亿元', 'threshold'], ['10亿元', 'threshold'], ['200万元', 'grant'], ['300万元', 'grant'], ['500万元', 'grant']],
  ],
  [
    '对年销售收入首次突破10亿元、50亿元、100亿元的集成电路制造、封装测试、关键装备和材料企业,分别给予最高200万元、500万元、1000万元晋档补差奖励。',
    [['10亿元', 'threshold'], ['50亿元', 'threshold'], ['100亿元', 'threshold'], ['200万元', 'cap'], ['500万元', 'cap'], ['1000万元', 'cap']],
  ],
  ['对每单交易额在5000万元（含）到1亿元（含）的，奖励50万元；', [['5000万元', 'threshold'], ['1亿元', 'threshold'], ['50万元', 'grant']]],
  [
    '年单笔贷款额不低于 50 万元（含 50 万元），且不超过 1000 万元（含 1000 万元）的流动资金贷款',
    [['50 万元', 'threshold'], ['50 万元', 'threshold'], ['1000 万元', 'threshold'], ['1000 万元', 'threshold']],
  ],
  // 不超过 after 年销售收入 bounds the condition, the second 不超过 bounds the rate: only 最高 caps.
  [
    '对获得创业投资机构投资的年销售收入不超过 2000 万元的人工智能领域初创期科技型中小企业，按照不超过所获投资额 10% 的比例给予最高 100 万元投资后扶持',
    [['2000 万元', 'threshold'], ['100 万元', 'cap']],
  ],
  // 最低 is a floor; the 不超过 before it bounds the rate 50%.
  ['按照实际支出不超过 50% 的标准，给予最低 1 万元，最高 30 万元进行补助。', [['1 万元', 'other'], ['30 万元', 'cap']]],
  ['对实际投入 500 万元以上、服务产业取得良好成效的，按其软硬件投入的 30% 给予补助，最高不超过 500 万元。', [['500 万元', 'threshold'], ['500 万元', 'cap']]],
  ['其中，总投资在 1500 万元及以下的一般项目，资助最高不超过 300 万元；', [['1500 万元', 'threshold'], ['300 万元', 'cap']]],
  ['对固定资产投资达 1000 万元（含）以上的人工智能技术改造项目，按项目投入的 5% 给予最高 500 万元补助。', [['1000 万元', 'threshold'], ['500 万元', 'cap']]],
  ['对在我市实施总投资超过2亿元的人工智能制造业重大项目，按照其实际固定资产投资的10%给予最高5亿元资金支持', [['2亿元', 'threshold'], ['5亿元', 'cap']]],
  ['（二）实际固定资产投资总额达到5000万元以上。', [['5000万元', 'threshold']]],
  ['对投资额在1000万元以上的项目，给予最高100万元补助', [['1000万元', 'threshold'], ['100万元', 'cap']]],
  ['对实缴注册资本5000万元的企业给予100万元奖励', [['5000万元', 'threshold'], ['100万元', 'grant']]],
  ['总投资规模5亿元的项目，给予最高2000万元', [['5亿元', 'threshold'], ['2000万元', 'cap']]],
  ['对新引进且年收入 50 万元以上的人工智能领军人才，按其贡献给予不超过其年度个人收入 5% 的奖励。', [['50 万元', 'threshold']]],
  ['以每人 1000 元标准给予补贴，每个单位每年最高补贴 100 万元。', [['1000 元', 'grant'], ['100 万元', 'cap']]],
  ['新迁入我市的企业 3 年内成功上市的，除享受企业上市各项补助外，另补助 100 万元。', [['100 万元', 'grant']]],
  ['对人工智能企业数量达到30家的创业孵化载体，给予100万元资金补助。', [['100万元', 'grant']]],
  // Fund sizes, budgets, estimates and goals: neither caps nor eligibility conditions.
  ['设立100亿元人工智能产业基金', [['100亿元', 'other']]],
  ['设立规模 10 亿元的人工智能产业引导基金，采用“母基金+直投”的方式', [['10 亿元', 'other']]],
  ['市产业投资基金联合社会资本发起设立人工智能相关产业发展子基金，规模 50 亿元，用于引导和支持新一代人工智能企业发展。', [['50 亿元', 'other']]],
  ['设立人工智能产业发展专项资金，每年列支5亿元，用于支持全市人工智能产业发展', [['5亿元', 'other']]],
  ['加大财政资金支持力度，园区财政累计投入15亿元左右，支持人工智能产业龙头项目引进', [['15亿元', 'other']]],
  ['到2025年，人工智能核心产业规模达到1000亿元', [['1000亿元', 'other']]],
  ['全市人工智能核心产业规模超过300亿元，带动相关产业规模超过2500亿元', [['300亿元', 'other'], ['2500亿元', 'other']]],
];

describe('caps: roles of amounts', () => {
  for (const [text, expected] of ROLES) {
    it(text, () => assert.deepEqual(findAmounts(text).map((a) => [text.slice(a.start, a.end), a.role]), expected));
  }
});

type Seen = { amount: string; yuan: number; role: string; qualifier: string; per?: string; period?: string; tier?: string; rate?: string; for?: string };

/** Cap mentions as plain objects, with spans checked against the raw text. */
function mentions(text: string): Seen[] {
  return findCapMentions(text).map((m) => {
    assert.equal(text.slice(m.start, m.end), m.raw, 'the span covers the amount as written');
    const seen: Seen = { amount: m.raw, yuan: m.yuan, role: m.role, qualifier: m.qualifier };
    if (m.per) seen.per = m.per;
    if (m.period) seen.period = m.period;
    if (m.tier) seen.tier = m.tier;
    if (m.rate) seen.rate = text.slice(m.rate.start, m.rate.end);
    if (m.for) seen.for = m.for;
    return seen;
  });
}

/** Picks some fields of every mention, for terse expectations. */
function pick(text: string, ...keys: Array<keyof Seen>): unknown[][] {
  return mentions(text).map((m) => keys.map((k) => m[k]));
}

describe('caps: tiers', () => {
  it('tiered list with 分别: tiers in order', () => {
    assert.deepEqual(mentions('对获得国家级、省级、市级认定的，分别给予最高300万元、200万元、100万元奖励'), [
      { amount: '300万元', yuan: 3e6, role: 'cap', qualifier: '最高', tier: '国家级', for: '获得国家级、省级、市级认定' },
      { amount: '200万元', yuan: 2e6, role: 'cap', qualifier: '最高', tier: '省级', for: '获得国家级、省级、市级认定' },
      { amount: '100万元', yuan: 1e6, role: 'cap', qualifier: '最高', tier: '市级', for: '获得国家级、省级、市级认定' },
    ]);
  });
  it('国家级和省级 with the unit written once: 分别给予最高300万、200万元 (seed)', () => {
    const text = '鼓励各地区积极建设研发及产业载体,对获评的国家级和省级人工智能创新应用先导区,分别给予最高300万、200万元奖励;对新获认定人工智能领域的市级制造业创新中心给予最高100万元奖励,对新获认定人工智能领域的省级制造业创新中心、省级产业创新中心和省级工程研究中心给予最高500万元奖励';
    assert.deepEqual(pick(text, 'amount', 'yuan', 'tier'), [
      ['300万', 3e6, '国家级'], ['200万元', 2e6, '省级'], ['100万元', 1e6, '市级'], ['500万元', 5e6, '省级'],
    ]);
    assert.equal(mentions(text)[3].for, '新获认定人工智能领域的省级制造业创新中心、省级产业创新中心和省级工程研究中心');
  });
  it('国家、省、市级 before 分别 grants (seed)', () => {
    assert.deepEqual(pick('对新认定的国家、省、市级人工智能专业孵化器，分别给予200万元、100万元、50万元资金补助。', 'amount', 'role', 'tier'), [
      ['200万元', 'grant', '国家级'], ['100万元', 'grant', '省级'], ['50万元', 'grant', '市级'],
    ]);
  });
  it('tier written after each amount: 500万元（国家级）、100万元（省级） (seed)', () => {
    const text = '对成功创建为国家级、省级技术创新中心的我市人工智能研发机构，分别给予最高500万元（国家级）、100万元（省级）支持；';
    assert.deepEqual(pick(text, 'amount', 'role', 'tier'), [['500万元', 'cap', '国家级'], ['100万元', 'cap', '省级']]);
  });
  it('按照国家和省级分别给予 (seed)', () => {
    assert.deepEqual(pick('对纳入国家、省级人工智能重大专项的人工智能企业或项目，按照国家和省级分别给予 200 万元和 100 万元的配套奖励。', 'amount', 'tier'), [
      ['200 万元', '国家级'], ['100 万元', '省级'],
    ]);
  });
  it('tiers in separate parts', () => {
    assert.deepEqual(pick('获得国家级认定的，给予最高300万元；获得省级认定的，给予最高100万元', 'amount', 'tier'), [['300万元', '国家级'], ['100万元', '省级']]);
  });
  it('国家级…奖励300万元；省级…奖励100万元', () => {
    assert.deepEqual(pick('国家级单项冠军企业奖励300万元；省级单项冠军企业奖励100万元', 'amount', 'role', 'tier'), [
      ['300万元', 'grant', '国家级'], ['100万元', 'grant', '省级'],
    ]);
  });
  it('a list whose tiers cannot all be told gets no tier', () => {
    assert.deepEqual(pick('对主导制定国际、国家、行业标准的企业，分别给予最高100万元、50万元、30万元奖励', 'tier'), [[undefined], [undefined], [undefined]]);
    assert.deepEqual(pick('鼓励园区人工智能及相关领域企业参与国际、国家和行业标准的制定，可分别给予100万元、50万元和20万元的补贴。', 'amount', 'tier'), [
      ['100万元', undefined], ['50万元', undefined], ['20万元', undefined],
    ]);
  });
  it('a single amount for two tiers gets none (国家级或市级)', () => {
    assert.deepEqual(pick('2. 对国家级或市级智能制造领域试点示范、新模式应用企业，给予最高 1000 万元支持。', 'amount', 'tier'), [['1000 万元', undefined]]);
  });
  it('the tier the sentence ends on: 市级企业技术中心…升级为国家级的', () => {
    assert.equal(mentions('对市级企业技术中心、企业重点实验室、工程研究中心等企业研发设计平台升级为国家级的，给予最高 100 万元补助。')[0].tier, '国家级');
  });
  it('国际 alone (国际顶尖人才) is not a tier; 国际标准 is', () => {
    assert.equal(mentions('对来蓉从事人工智能领域创新创业的图灵奖获得者、菲尔兹奖获得者等国际顶尖人才（团队），给予最高 1 亿元的综合资助；')[0].tier, undefined);
    assert.equal(mentions('对主导国际标准研制的,给予最高100万元/项奖励')[0].tier, '国际');
  });
  it('the verb left out for the next tiers: 国际级给予500万元，国家级300万元，省级100万元', () => {
    assert.deepEqual(pick('对获得国际级认定的给予500万元，国家级300万元，省级100万元', 'amount', 'role', 'tier'), [
      ['500万元', 'grant', '国际'], ['300万元', 'grant', '国家级'], ['100万元', 'grant', '省级'],
    ]);
    assert.deepEqual(pick('对获得国家级认定的企业给予最高300万元奖励，省级最高100万元', 'amount', 'qualifier', 'tier'), [
      ['300万元', '最高', '国家级'], ['100万元', '最高', '省级'],
    ]);
  });
  it('区县级、园区级', () => {
    assert.deepEqual(pick('对区县级、园区级载体分别给予50万元、30万元补助', 'amount', 'tier'), [['50万元', '区县级'], ['30万元', '园区']]);
  });
  it('园区级', () => assert.equal(mentions('园区级奖励最高80万元')[0].tier, '园区'));
  it('担任国际、国家标准化组织秘书处: per 项 after each amount, tiers in order', () => {
    assert.deepEqual(pick('对担任国际、国家标准化组织秘书处工作的，分别给予最高100万元/项、50万元/项的资助', 'amount', 'per', 'tier'), [
      ['100万元', '项', '国际'], ['50万元', '项', '国家级'],
    ]);
  });
});

describe('caps: periods', () => {
  it('yearly cap with no total: 每年最高500万元、连续支持3年', () => {
    assert.deepEqual(mentions('每年最高500万元、连续支持3年'), [{ amount: '500万元', yuan: 5e6, role: 'cap', qualifier: '每年最高', period: 'yearly' }]);
  });
  it('每年支持最高 500 万元，连续支持 3 年 (seed)', () => {
    assert.deepEqual(pick('对被认定为市级创新中心的，对其申报的创新能力建设项目，每年支持最高 500 万元，连续支持 3 年；', 'amount', 'period', 'tier'), [['500 万元', 'yearly', '市级']]);
  });
  it('yearly and total in one clause', () => {
    assert.deepEqual(pick('给予每年最高200万元、累计不超过600万元支持', 'amount', 'period', 'qualifier'), [['200万元', 'yearly', '每年最高'], ['600万元', 'total', '累计不超过']]);
  });
  it('total', () => assert.deepEqual(pick('累计不超过3000万元', 'period', 'qualifier', 'role'), [['total', '累计不超过', 'cap']]));
  it('累计最高不超过, per 企业 (seed)', () => {
    assert.deepEqual(pick('奖励金额每家企业五年内累计最高不超过1亿元。', 'amount', 'qualifier', 'per', 'period'), [['1亿元', '累计最高不超过', '企业', 'total']]);
  });
  it('总额最高 is a total; 合同总额的10% is a base, not a period', () => {
    assert.equal(mentions('给予总投资最高 30%，总额最高 2000 万元的支持')[0].period, 'total');
    assert.equal(mentions('按合同总额的10%~20%给予最高200万元奖励')[0].period, undefined);
  });
  it('累计在500万元以上 is a condition, not a total (seed)', () => {
    const text = '对于使用非关联本地设计企业的产品和服务的,且年使用金额累计在500万元以上,最高按当年使用金额的1%给予奖励,最高奖励100万元。';
    assert.deepEqual(mentions(text), [{ amount: '100万元', yuan: 1e6, role: 'cap', qualifier: '最高', rate: '1%', for: '使用非关联本地设计企业的产品和服务' }]);
  });
  it('年度销售总额 is a base, not a yearly period (seed)', () => {
    assert.equal(mentions('对经江苏省及以上认定的首版次人工智能软件,按年度销售总额的10%~20%给予最高200万元奖励。')[0].period, undefined);
  });
  it('单个企业年补助最高50万元 is yearly (seed)', () => {
    assert.deepEqual(pick('对于使用苏州认定公共服务平台的企业,最高按照实际发生费用50%补助,单个企业年补助最高50万元。', 'per', 'period', 'rate'), [['企业', 'yearly', '50%']]);
  });
  it('每年…合计不超过 is a yearly ceiling (seed)', () => {
    assert.deepEqual(pick('每年每家企业或机构的国家和行业标准奖励合计不超过100万元。', 'qualifier', 'per', 'period'), [['合计不超过', '企业', 'yearly']]);
  });
  it('每年择优评定 schedules a selection, it is not a yearly cap (seed)', () => {
    const text = '每年在全市范围内择优评定100个人工智能应用示范项目及场景，给予示范项目及场景投资主体在人工智能技术、产品及服务部分投资额度20%的奖励（最高300万元），给予技术、产品及服务提供商实际研发投入30%的奖励（最高200万元）。';
    assert.deepEqual(pick(text, 'amount', 'period', 'rate'), [['300万元', undefined, '20%'], ['200万元', undefined, '30%']]);
  });
  it('一次性 before or after the amount', () => {
    assert.deepEqual(mentions('一次性给予100万元奖励'), [{ amount: '100万元', yuan: 1e6, role: 'grant', qualifier: '', period: 'once' }]);
    assert.deepEqual(pick('对新取得军工资质的智能科技企事业单位，给予每证 20 万元一次性补助。', 'role', 'per', 'period'), [['grant', '证', 'once']]);
    assert.deepEqual(pick('经认定后，给予最高 200 万元的一次性奖励。', 'role', 'period'), [['cap', 'once']]);
  });
  it('一次性 wins over a 每年 that schedules the selection (seed)', () => {
    const text = '每年面向工业、交通、安防等场景征集应用需求，评选不少于40个高价值的人工智能创新应用示范项目，对于获评企业最高给予一次性奖励50万元。';
    assert.deepEqual(pick(text, 'amount', 'qualifier', 'period', 'for'), [['50万元', '最高', 'once', '获评企业']]);
  });
});

describe('caps: per', () => {
  it('per 基站', () => assert.deepEqual(pick('给予每个基站最高2000元补贴', 'amount', 'yuan', 'per'), [['2000元', 2000, '基站']]));
  it('per 基站 does not leak into the next award (seed)', () => {
    const text = '对新建并投入运营的第五代移动通信（5G）基站给予每个基站 2 万元奖励，对光网络单元（ONU）、内容分发网络（CDN）以及 5G 应用场景、试点示范、国家重大专项等，给予最高 1000 万元奖励。';
    assert.deepEqual(pick(text, 'amount', 'role', 'per'), [['2 万元', 'grant', '基站'], ['1000 万元', 'cap', undefined]]);
  });
  it('per 企业, yearly: 单个企业年度最高不超过1000万元', () => {
    assert.deepEqual(pick('单个企业年度最高不超过1000万元', 'per', 'period', 'qualifier'), [['企业', 'yearly', '年度最高不超过']]);
  });
  it('每家企业每年最高不超过 (seed)', () => {
    assert.deepEqual(pick('给予每年50%—100%的奖励，最长不超过3年，奖励金额每家企业每年最高不超过500万元。', 'amount', 'per', 'period', 'rate'), [['500万元', '企业', 'yearly', '50%—100%']]);
  });
  it('单个平台每年最高 (seed)', () => {
    const text = '根据平台建设投入及对接成果,按年度运营经费20%给予单个平台每年最高100万元的补贴。';
    assert.deepEqual(mentions(text), [{ amount: '100万元', yuan: 1e6, role: 'cap', qualifier: '每年最高', per: '平台', period: 'yearly', rate: '20%' }]);
  });
  it('每场, 单个项目, 每人 …', () => {
    assert.equal(mentions('对于重大活动，经认定，给予主办方30%的补贴，每场最高200万元。')[0].per, '场');
    assert.equal(mentions('单个项目给予最高500万元补助')[0].per, '项');
    assert.equal(mentions('按照最高 150 元/人/期的标准对培训机构给予补贴')[0].per, '人');
    assert.equal(mentions('每认定1家，给予创业孵化载体20万元资金补助。')[0].per, '家');
  });
  it('per-person grant and a yearly cap per school (seed)', () => {
    const text = '对培养合格并在本地就业的职业人才，按每名1000元给予培训院校补贴，每所学校每年最高100万元。';
    assert.deepEqual(pick(text, 'amount', 'role', 'per', 'period'), [['1000元', 'grant', '人', undefined], ['100万元', 'cap', '学校', 'yearly']]);
  });
  it('每户每年, and a per-year amount (10万元/年)', () => {
    assert.deepEqual(pick('每户每年补贴不超过2000元', 'amount', 'qualifier', 'per', 'period'), [['2000元', '不超过', '户', 'yearly']]);
    assert.deepEqual(pick('给予10万元/年的运营补贴', 'role', 'per', 'period'), [['grant', '年', 'yearly']]);
  });
  it('单户本项累计 (seed)', () => {
    assert.deepEqual(pick('最高给予实际到位资本10%的补助，分3年拨付，单户本项累计补助金额不超过5000万元。', 'per', 'period', 'rate'), [['户', 'total', '10%']]);
  });
});

describe('caps: rates with caps', () => {
  it('rate and threshold: 总投资不低于5000万元 … 10% … 最高1000万元', () => {
    assert.deepEqual(mentions('总投资不低于5000万元的项目，按投资额的10%给予最高1000万元补助'), [
      { amount: '1000万元', yuan: 1e7, role: 'cap', qualifier: '最高', rate: '10%' },
    ]);
  });
  it('按项目投资额的20%给予最高500万元补助', () => assert.equal(mentions('按项目投资额的20%给予最高500万元补助')[0].rate, '20%'));
  it('a rate belongs to its own cap, not to a later one (seed)', () => {
    const text = '按项目研发投入的 20% 给予补助，最高不超过 500 万元，其中，对市人工智能战略咨询专家委员会专家审定推荐的人工智能芯片等基础核心技术攻关项目，给予最高不超过 2000 万元的补助';
    assert.deepEqual(pick(text, 'amount', 'qualifier', 'rate'), [['500 万元', '最高不超过', '20%'], ['2000 万元', '最高不超过', undefined]]);
  });
  it('给予不超过合同额 10%、最高 50 万元支持 (seed)', () => {
    const text = '对大数据领域合同额占主营业务收入 60% 以上的企业，给予不超过合同额 10%、最高 50 万元支持。';
    assert.deepEqual(pick(text, 'amount', 'qualifier', 'rate'), [['50 万元', '最高', '10%']]);
  });
  it('a rate range: 按该产品单台（套）销售价格的10%~30%给予最高1000万元奖励 (seed)', () => {
    const [m] = findCapMentions('对经苏州市及以上认定的首台(套)装备及关键零部件按该产品单台(套)销售价格的10%~30%给予最高1000万元奖励');
    assert.deepEqual([m.rate?.min, m.rate?.max, m.rate?.role], [10, 30, 'share']);
  });
  it('a 2‰ share', () => assert.equal(findCapMentions('按交易额的 2‰ 给予补助，每家企业每年补助额最高 100 万元。')[0].rate?.max, 0.2));
  it('interest points are not a share', () => {
    const analysis = analyseMoney('贷款贴息不超过1.5个百分点，单个企业每年最高贴息100万元');
    assert.deepEqual(analysis.rates.map((r) => r.role), ['points']);
    assert.deepEqual(analysis.capMentions.map((m) => [m.raw, m.rate, m.per, m.period]), [['100万元', undefined, '企业', 'yearly']]);
  });
});

describe('caps: for and amounts', () => {
  it('for: what the cap is for', () => assert.equal(mentions('对首次入选的“头雁”企业给予最高100万元奖励')[0].for, '首次入选的“头雁”企业'));
  it('for: 对 must open a phrase (not 实施对强链补链…) (seed)', () => {
    assert.equal(mentions('支持人工智能龙头企业实施对强链补链有重大影响的兼并重组,对符合条件的项目给予最高1000万元补助。')[0].for, '符合条件的项目');
  });
  it('for: 对于…, and 对接 is not 对 (seed)', () => {
    assert.equal(mentions('支持企业对外开展企业并购及技术收购,对于收购成功的企业,根据收购标的给予最高1000万元的奖励。')[0].for, '收购成功的企业');
    assert.equal(mentions('对成效显著的联盟、协会最高给予 100 万元奖励。')[0].for, '成效显著的联盟、协会');
  });
  it('for: a condition with a threshold in it (seed)', () => {
    const text = '对实际建设投资额不低于500万的项目，按其实际建设投资额的30%给予奖励，每个项目奖励不超过1000万元。';
    assert.deepEqual(mentions(text), [{ amount: '1000万元', yuan: 1e7, role: 'cap', qualifier: '不超过', per: '项', rate: '30%', for: '实际建设投资额不低于500万的项目' }]);
  });
  it('thresholds are never caps', () => assert.deepEqual(mentions('年销售收入首次突破1亿元'), []));
  it('年销售收入首次突破1亿元的企业，给予50万元奖励: one grant', () => {
    assert.deepEqual(mentions('年销售收入首次突破1亿元的企业，给予50万元奖励'), [{ amount: '50万元', yuan: 5e5, role: 'grant', qualifier: '' }]);
  });
  it('最高300万、200万元: both in 万元, both caps', () => {
    assert.deepEqual(pick('分别给予最高300万、200万元奖励', 'amount', 'yuan', 'qualifier'), [['300万', 3e6, '最高'], ['200万元', 2e6, '最高']]);
  });
  it('五百万元, 1.5亿元, 5000 万元, １０００万元', () => {
    assert.deepEqual(pick('给予最高五百万元奖励', 'amount', 'yuan'), [['五百万元', 5e6]]);
    assert.deepEqual(pick('给予最高1.5亿元支持', 'amount', 'yuan'), [['1.5亿元', 1.5e8]]);
    assert.deepEqual(pick('1. 支持制造业企业购置设备进行智能化改造，给予最高 5000 万元支持。', 'amount', 'yuan'), [['5000 万元', 5e7]]);
    assert.deepEqual(pick('对符合条件的项目给予最高１０００万元补助', 'amount', 'yuan', 'for'), [['１０００万元', 1e7, '符合条件的项目']]);
  });
  it('原则上不超过 and 上限 qualifiers', () => {
    assert.equal(mentions('补贴金额原则上不超过500万元')[0].qualifier, '原则上不超过');
    assert.deepEqual(pick('补助上限为200万元', 'role', 'qualifier'), [['cap', '上限为']]);
    assert.deepEqual(pick('补助资金以100万元为限', 'role', 'qualifier'), [['cap', '为限']]);
    assert.deepEqual(pick('补助100万元封顶', 'role', 'qualifier'), [['cap', '封顶']]);
  });
  it('analyseMoney shares one pass: amounts, caps and rates', () => {
    const analysis = analyseMoney('总投资不低于5000万元的项目，按投资额的10%给予最高1000万元补助');
    assert.deepEqual(analysis.amounts.map((a) => a.role), ['threshold', 'cap']);
    assert.deepEqual(analysis.capMentions.map((m) => m.raw), ['1000万元']);
    assert.deepEqual(analysis.rates.map((r) => [r.raw, r.role]), [['10%', 'share']]);
  });
  it('no money, no mentions', () => {
    assert.deepEqual(findCapMentions('建立健全工作机制，加强统筹协调'), []);
    assert.deepEqual(findCapMentions('到2025年，培育100家企业，建设10万平方米载体'), []);
  });
});

describe('caps: words after a whole list, and ranges', () => {
  it('一次性 after a list applies to every item (seed)', () => {
    const text = '对获评国家级、省级、市级人工智能“行业领军企业”等人工智能相关荣誉称号的企业，分别给予最高300万元、100万元、50万元的一次性奖励。';
    assert.deepEqual(pick(text, 'amount', 'period', 'tier'), [['300万元', 'once', '国家级'], ['100万元', 'once', '省级'], ['50万元', 'once', '市级']]);
    assert.deepEqual(pick('每项标准分别给予 100 万元、50 万元、20 万元一次性奖励。', 'amount', 'per', 'period'), [
      ['100 万元', '项', 'once'], ['50 万元', '项', 'once'], ['20 万元', '项', 'once'],
    ]);
  });
  it('/项 after a list applies to every item', () => {
    assert.deepEqual(pick('分别给予20万元、10万元/项的补贴', 'amount', 'per'), [['20万元', '项'], ['10万元', '项']]);
  });
  it('以上 after a list makes every item a condition', () => {
    assert.deepEqual(findAmounts('对投资1000万元、5000万元以上的项目').map((a) => a.role), ['threshold', 'threshold']);
  });
  it('an award range: the upper bound is the award, the lower one is no cap (seed)', () => {
    const text = '项目内容丰富，行业特色明显，效果特别突出，经专家评审认可的一次性给予 30 万元—50 万元补助。';
    assert.deepEqual(findAmounts(text).map((a) => [a.raw, a.role]), [['30 万元', 'other'], ['50 万元', 'grant']]);
    assert.deepEqual(pick(text, 'amount', 'role', 'period'), [['50 万元', 'grant', 'once']]);
  });
  it('a range with the unit written once: 500—1000 万元资金补助 (seed)', () => {
    assert.deepEqual(findAmounts('给予基地 500—1000 万元资金补助，暂定 5 年').map((a) => [a.raw, a.yuan, a.role]), [['500', 5e6, 'other'], ['1000 万元', 1e7, 'grant']]);
  });
  it('a condition range stays a condition on both ends (seed)', () => {
    assert.deepEqual(findAmounts('对每单交易额在5000万元（含）到1亿元（含）的，奖励50万元').map((a) => a.role), ['threshold', 'threshold', 'grant']);
  });
});
