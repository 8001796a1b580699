import * as assert from 'node:assert/strict';
import { findAmounts, findCapMentions } from '../server/src/core/normalise/caps';

/** Roles of every amount: [amount as written, role]. */
const ROLES: Array<[string, Array<[string, string]>]> = [
  ['总投资不低于5000万元的项目，按投资额的10%给予最高1000万元补助', [['5000万元', 'threshold'], ['1000万元', 'cap']]],
  ['年销售收入首次突破1亿元的企业，给予50万元奖励', [['1亿元', 'threshold'], ['50万元', 'grant']]],
  ['对年主营业务收入达到5亿元以上的企业，给予最高200万元奖励', [['5亿元', 'threshold'], ['200万元', 'cap']]],
  ['一次性给予100万元奖励', [['100万元', 'grant']]],
  ['设立100亿元人工智能产业基金', [['100亿元', 'other']]],
  ['到2025年，人工智能核心产业规模达到1000亿元', [['1000亿元', 'threshold']]],
  ['对注册资本1000万元以上的企业，给予最高50万元奖励', [['1000万元', 'threshold'], ['50万元', 'cap']]],
  ['单个企业年度最高不超过1000万元', [['1000万元', 'cap']]],
  ['贷款贴息不超过1.5个百分点', []],
  ['补贴金额原则上不超过500万元', [['500万元', 'cap']]],
];

describe('caps: roles of amounts', () => {
  for (const [text, expected] of ROLES) {
    it(text, () => assert.deepEqual(findAmounts(text).map((a) => [text.slice(a.start, a.end), a.role]), expected));
  }
});

type Seen = { amount: string; yuan: number; qualifier: string; per?: string; period?: string; tier?: string; rate?: string; for?: string };

function mentions(text: string): Seen[] {
  return findCapMentions(text).map((m) => {
    const seen: Seen = { amount: text.slice(m.start, m.end), yuan: m.yuan, qualifier: m.qualifier };
    if (m.per) seen.per = m.per;
    if (m.period) seen.period = m.period;
    if (m.tier) seen.tier = m.tier;
    if (m.rate) seen.rate = text.slice(m.rate.start, m.rate.end);
    if (m.for) seen.for = m.for;
    return seen;
  });
}

describe('caps: findCapMentions', () => {
  it('tiered list with 分别: tiers in order', () => {
    assert.deepEqual(mentions('对获得国家级、省级、市级认定的，分别给予最高300万元、200万元、100万元奖励'), [
      { amount: '300万元', yuan: 3e6, qualifier: '最高', tier: '国家级', for: '获得国家级、省级、市级认定' },
      { amount: '200万元', yuan: 2e6, qualifier: '最高', tier: '省级', for: '获得国家级、省级、市级认定' },
      { amount: '100万元', yuan: 1e6, qualifier: '最高', tier: '市级', for: '获得国家级、省级、市级认定' },
    ]);
  });
  it('国家级和省级 with the unit written once: 分别给予最高300万、200万元', () => {
    const found = mentions('对获评的国家级和省级人工智能创新应用先导区，分别给予最高300万、200万元奖励');
    assert.deepEqual(found.map((m) => [m.amount, m.yuan, m.tier]), [['300万', 3e6, '国家级'], ['200万元', 2e6, '省级']]);
  });
  it('tiers in separate parts', () => {
    const found = mentions('获得国家级认定的，给予最高300万元；获得省级认定的，给予最高100万元');
    assert.deepEqual(found.map((m) => [m.amount, m.tier]), [['300万元', '国家级'], ['100万元', '省级']]);
  });
  it('a list whose tiers cannot all be told gets no tier', () => {
    const found = mentions('对主导制定国际、国家、行业标准的企业，分别给予最高100万元、50万元、30万元奖励');
    assert.deepEqual(found.map((m) => m.tier), [undefined, undefined, undefined]);
  });
  it('园区级', () => assert.equal(mentions('园区级奖励最高80万元')[0].tier, '园区'));
  it('yearly cap with no total: 每年最高500万元、连续支持3年', () => {
    assert.deepEqual(mentions('每年最高500万元、连续支持3年'), [{ amount: '500万元', yuan: 5e6, qualifier: '每年最高', period: 'yearly' }]);
  });
  it('yearly and total in one clause', () => {
    const found = mentions('给予每年最高200万元、累计不超过600万元支持');
    assert.deepEqual(found.map((m) => [m.amount, m.period, m.qualifier]), [['200万元', 'yearly', '每年最高'], ['600万元', 'total', '累计不超过']]);
  });
  it('合同总额的10% is a base, not a total period', () => {
    assert.equal(mentions('按合同总额的10%~20%给予最高200万元奖励')[0].period, undefined);
  });
  it('rate and threshold: 总投资不低于5000万元 … 10% … 最高1000万元', () => {
    assert.deepEqual(mentions('总投资不低于5000万元的项目，按投资额的10%给予最高1000万元补助'), [{ amount: '1000万元', yuan: 1e7, qualifier: '最高', rate: '10%' }]);
  });
  it('per 基站', () => assert.equal(mentions('给予每个基站最高2000元补贴')[0].per, '基站'));
  it('per 企业, yearly', () => {
    const [m] = mentions('单个企业年度最高不超过1000万元');
    assert.deepEqual([m.per, m.period], ['企业', 'yearly']);
  });
  it('per 项 after the amount, both list items', () => {
    const found = mentions('对担任国际、国家标准化组织秘书处工作的，分别给予最高100万元/项、50万元/项的资助');
    assert.deepEqual(found.map((m) => [m.amount, m.per, m.tier]), [['100万元', '项', '国际'], ['50万元', '项', '国家级']]);
  });
  it('grant, once', () => assert.deepEqual(mentions('一次性给予100万元奖励'), [{ amount: '100万元', yuan: 1e6, qualifier: '', period: 'once' }]));
  it('for: what the cap is for', () => assert.equal(mentions('对首次入选的“头雁”企业给予最高100万元奖励')[0].for, '首次入选的“头雁”企业'));
  it('total', () => assert.deepEqual(mentions('累计不超过3000万元').map((m) => [m.period, m.qualifier]), [['total', '累计不超过']]));
  it('thresholds are never caps', () => assert.deepEqual(mentions('年销售收入首次突破1亿元'), []));
});
