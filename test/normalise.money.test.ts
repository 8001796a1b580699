import * as assert from 'node:assert/strict';
import { findMoneyAmounts, formatMoney, parseMoney } from '../server/src/core/normalise/money';

/** [text, [[raw as written, 元], …]] — sentences from the seed policies. */
const FOUND: Array<[string, Array<[string, number]>]> = [
  ['对首次入选的“头雁”企业给予最高100万元奖励', [['100万元', 1_000_000]]],
  ['对符合条件的项目给予最高1000万元补助', [['1000万元', 10_000_000]]],
  ['分别给予最高300万、200万元奖励', [['300万', 3_000_000], ['200万元', 2_000_000]]],
  ['分别给予最高500、300、100万元', [['500', 5_000_000], ['300', 3_000_000], ['100万元', 1_000_000]]],
  ['总投资5000 万元以上的项目', [['5000 万元', 50_000_000]]],
  ['给予五百万元奖励', [['五百万元', 5_000_000]]],
  ['最高一千万元', [['一千万元', 10_000_000]]],
  ['设立两亿元基金', [['两亿元', 200_000_000]]],
  ['给予三千元补贴', [['三千元', 3_000]]],
  ['产业规模突破1.5亿元', [['1.5亿元', 150_000_000]]],
  ['最高１０００万元', [['１０００万元', 10_000_000]]],
  ['给予20万/项的奖励', [['20万', 200_000]]],
  ['最高1,000万元', [['1,000万元', 10_000_000]]],
  ['给予每个基站最高2000元补贴', [['2000元', 2_000]]],
  ['最高10千元', [['10千元', 10_000]]],
  ['打造万亿级产业，规模达到1万亿元', [['1万亿元', 1e12]]],
];

const NOT_MONEY = [
  '到2025年，新增就业10万人',
  '建设10万平方米的产业园',
  '培育100家企业，建设10个平台',
  '年均增长20%以上',
  '部署5万台服务器',
  '（2023-2025年）',
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
});

describe('money: parseMoney', () => {
  const cases: Array<[string | number, number | undefined, ('元' | '万元' | '亿元')?]> = [
    ['100万元', 1_000_000], ['1亿元', 100_000_000], ['2000元', 2_000], ['100万', 1_000_000],
    [100, 1_000_000], [100, 100, '元'], ['300', 3_000_000], ['1.5亿元', 150_000_000], ['５０万元', 500_000],
    ['5000 万元', 50_000_000], ['五百万元', 5_000_000], ['about 100', undefined], ['', undefined], [-5, undefined],
  ];
  for (const [raw, expected, unit] of cases) {
    it(`${String(raw)}${unit ? ` in ${unit}` : ''} → ${String(expected)}`, () => assert.equal(parseMoney(raw, unit), expected));
  }
});

describe('money: formatMoney', () => {
  const cases: Array<[number, string]> = [[1_000_000, '100万元'], [150_000_000, '1.5亿元'], [2_000, '2000元'], [100_000_000, '1亿元'], [123_456_789, '12345.68万元']];
  for (const [yuan, expected] of cases) it(`${yuan} → ${expected}`, () => assert.equal(formatMoney(yuan), expected));
});
