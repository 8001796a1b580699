import * as assert from 'node:assert/strict';
import { findMoneyAmounts, formatMoney, parseMoney } from '../server/src/core/normalise/money';
import type { MoneyUnit } from '../server/src/core/normalise/types';

/** [text, [[raw as written, 元], …]] — mostly sentences quoted from the seed policies. */
const FOUND: Array<[string, Array<[string, number]>]> = [
  ['开展具有行业引领性的人工智能“头雁”企业遴选,对首次入选的“头雁”企业给予最高100万元奖励', [['100万元', 1_000_000]]],
  ['对符合条件的项目给予最高1000万元补助', [['1000万元', 10_000_000]]],
  // The unit written once for two items: 300万 and 200万元 are both 万元.
  ['对获评的国家级和省级人工智能创新应用先导区,分别给予最高300万、200万元奖励', [['300万', 3_000_000], ['200万元', 2_000_000]]],
  // Bare list items take the unit of the amount after them.
  ['分别给予最高500、300、100万元', [['500', 5_000_000], ['300', 3_000_000], ['100万元', 1_000_000]]],
  ['分别给予最高300万、200万、100万元奖励', [['300万', 3_000_000], ['200万', 2_000_000], ['100万元', 1_000_000]]],
  // A full-width comma separates items; it is never a thousands separator.
  ['分别给予100，200万元', [['100', 1_000_000], ['200万元', 2_000_000]]],
  ['国资发起设立200-300亿元人民币的人工智能产业基金', [['200', 20_000_000_000], ['300亿元', 30_000_000_000]]],
  ['基地 500—1000 万元资金补助，暂定 5 年。', [['500', 5_000_000], ['1000 万元', 10_000_000]]],
  ['总投资5000 万元以上的项目', [['5000 万元', 50_000_000]]],
  ['对于对人工智能产业链上下游企业技术提升起到突出支撑和带动作用的平台，给予最高 1000 万元资金支持。', [['1000 万元', 10_000_000]]],
  ['给予最高 1 亿元的综合资助', [['1 亿元', 100_000_000]]],
  ['给予五百万元奖励', [['五百万元', 5_000_000]]],
  ['最高一千万元', [['一千万元', 10_000_000]]],
  ['设立两亿元基金', [['两亿元', 200_000_000]]],
  ['给予三千元补贴', [['三千元', 3_000]]],
  ['给予一百五十万元奖励', [['一百五十万元', 1_500_000]]],
  ['获得市场融资累计超千万元或领军项目超2家', [['千万元', 10_000_000]]],
  ['产业规模突破1.5亿元', [['1.5亿元', 150_000_000]]],
  ['给予最高1.5万元补贴', [['1.5万元', 15_000]]],
  ['最高１０００万元', [['１０００万元', 10_000_000]]],
  ['最高１００万元', [['１００万元', 1_000_000]]],
  ['遴选优秀人工智能产品及服务,给予最高20万/项的奖励。', [['20万', 200_000]]],
  ['最高1,000万元', [['1,000万元', 10_000_000]]],
  // A space between digit groups of three is a thousands separator, never the end of another number.
  ['给予最高 5 000万元补助', [['5 000万元', 50_000_000]]],
  ['给予最高5 000 万元补助', [['5 000 万元', 50_000_000]]],
  ['给予每个基站最高2000元补贴', [['2000元', 2_000]]],
  ['按照最高 150 元/人/期的标准对培训机构给予补贴', [['150 元', 150]]],
  ['全市每年统筹安排 100 亿经费', [['100 亿', 10_000_000_000]]],
  ['最高10千元', [['10千元', 10_000]]],
  ['打造万亿级产业，规模达到1万亿元', [['1万亿元', 1e12]]],
  [
    '年单笔贷款额不低于 50 万元（含 50 万元），且不超过 1000 万元（含 1000 万元）的流动资金贷款',
    [['50 万元', 500_000], ['50 万元', 500_000], ['1000 万元', 10_000_000], ['1000 万元', 10_000_000]],
  ],
];

/** No money at all: counts, areas, years, scale classes, other currencies, words that start with 元. */
const NOT_MONEY = [
  '到2025年，新增就业10万人',
  '建设10万平方米的产业园',
  '通过新建和存量改造提供不少于 100 万平方米产业空间',
  '培育100家企业，建设10个平台',
  '年均增长20%以上',
  '部署5万台服务器',
  '（2023-2025年）',
  '行驶里程累计突破4万公里',
  '培养相关专业高校毕业生 3 万名以上',
  '已开通 5G 基站超过 2 万个',
  '设立百亿级人工智能产业发展基金，力争培育2-3家十亿级、1-2家百亿级人工智能龙头企业',
  '培育超亿级企业10家、超10亿级企业5家',
  '打造千亿产业规模',
  '估值10亿美元以上的人工智能企业总部',
  '专栏6 元宇宙产业培育重点工作',
  '人机物三元协同与互操作等理论',
  '国家“千人计划”“万人计划”专家',
  '吸引数百万元社会投资',
  '打造千万元级、百亿元级产业集群',
];

describe('money: findMoneyAmounts', () => {
  for (const [text, expected] of FOUND) {
    it(text, () => {
      const found = findMoneyAmounts(text);
      assert.deepEqual(found.map((a) => [text.slice(a.start, a.end), a.yuan]), expected);
      assert.deepEqual(found.map((a) => a.raw), expected.map(([raw]) => raw));
    });
  }
  for (const text of NOT_MONEY) {
    it(`no money in ${text}`, () => assert.deepEqual(findMoneyAmounts(text), []));
  }
  it('offsets are UTF-16 offsets into the original (full-width) text', () => {
    const text = '对新认定的企业，给予最高　５０００　万元补助';
    const [amount] = findMoneyAmounts(text);
    assert.equal(text.slice(amount.start, amount.end), '５０００　万元');
    assert.equal(amount.yuan, 50_000_000);
  });
  it('a thousands separator is read only between digit groups of three', () => {
    assert.deepEqual(findMoneyAmounts('注册资本12,500万元').map((a) => a.yuan), [125_000_000]);
  });
});

describe('money: parseMoney', () => {
  const cases: Array<[string | number, number | undefined, MoneyUnit?]> = [
    ['100万元', 1_000_000], ['1亿元', 100_000_000], ['2000元', 2_000], ['100万', 1_000_000],
    [100, 1_000_000], [100, 100, '元'], ['300', 3_000_000], ['300', 300, '元'], ['2', 200_000_000, '亿元'],
    ['1.5亿元', 150_000_000], ['1.5亿', 150_000_000], ['５０万元', 500_000], ['１００万元', 1_000_000],
    ['5000 万元', 50_000_000], [' 100万元 ', 1_000_000], ['1,000万元', 10_000_000], ['10千元', 10_000],
    ['五百万元', 5_000_000], ['一千万元', 10_000_000], ['两亿元', 200_000_000], ['三千元', 3_000],
    ['五百', 5_000_000],
    ['about 100', undefined], ['', undefined], [-5, undefined], ['100美元', undefined], ['20%', undefined],
  ];
  for (const [raw, expected, unit] of cases) {
    it(`${JSON.stringify(raw)}${unit ? ` in ${unit}` : ''} → ${String(expected)}`, () => assert.equal(parseMoney(raw, unit), expected));
  }
});

describe('money: formatMoney', () => {
  const cases: Array<[number, string]> = [
    [1_000_000, '100万元'], [150_000_000, '1.5亿元'], [2_000, '2000元'], [100_000_000, '1亿元'],
    [123_000_000, '1.23亿元'], [123_456_789, '123456789元'], [12_345, '12345元'], [123_400_000, '12340万元'], [10_000, '1万元'], [15_000, '1.5万元'],
    [5_000, '5000元'], [0, '0元'], [1e12, '10000亿元'],
  ];
  for (const [yuan, expected] of cases) it(`${yuan} → ${expected}`, () => assert.equal(formatMoney(yuan), expected));
  it('round-trips through parseMoney', () => {
    for (const yuan of [2_000, 500_000, 3_000_000, 150_000_000, 2e10]) assert.equal(parseMoney(formatMoney(yuan)), yuan);
  });
});
