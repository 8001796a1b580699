import * as assert from 'node:assert/strict';
import { findRates, parseRate } from '../server/src/core/normalise/rates';

describe('rates: findRates', () => {
  /** [text, [[rate as written, min, max, role], …]] — mostly sentences quoted from the seed policies. */
  const cases: Array<[string, Array<[string, number, number, string]>]> = [
    ['按项目投资额的20%给予最高500万元补助', [['20%', 20, 20, 'share']]],
    ['补助比例不超过50%', [['50%', 50, 50, 'share']]],
    ['给予实际投入30%的补贴', [['30%', 30, 30, 'share']]],
    ['对入选项目，给予其不超过项目总投入50%的补贴，每年最高500万元。', [['50%', 50, 50, 'share']]],
    ['按首台（套）产品销售价格的10%~30%给予最高1000万元奖励', [['10%~30%', 10, 30, 'share']]],
    ['经认定，给予其建设投资额10%-30%的补贴，最高不超过1000万元；', [['10%-30%', 10, 30, 'share']]],
    ['经认定后，按项目总投入10—30%比例给予最高2000万元资助。', [['10—30%', 10, 30, 'share']]],
    ['企业获利后，根据其地方经济社会发展贡献，给予每年50%—100%的奖励', [['50%—100%', 50, 100, 'share']]],
    ['按照百分之二十给予奖励', [['百分之二十', 20, 20, 'share']]],
    ['按照百分之二十至百分之三十给予补助', [['百分之二十至百分之三十', 20, 30, 'share']]],
    ['按照合同金额的2‰给予补贴', [['2‰', 0.2, 0.2, 'share']]],
    ['按投资额的２０％给予补助', [['２０％', 20, 20, 'share']]],
    ['按照不高于企业测试费用 30% 的比例给予补贴支持，最高补贴 300 万元。', [['30%', 30, 30, 'share']]],
    ['按其上年度享受研发费用加计扣除政策的实际研发投入的 20% 给予补助，最高不超过 100 万元。', [['20%', 20, 20, 'share']]],
    ['按照应用场景实际研发投入或场景建设项目总投入的 30% 提供财政补助（最高补助金额 200 万元）', [['30%', 30, 30, 'share']]],
    ['按照不超过项目总投资的120%给予补助', [['120%', 120, 120, 'share']]],
    // Growth targets, shares of output, conditions: not a share of eligible cost.
    ['年均增长20%以上', [['20%', 20, 20, 'other']]],
    ['智能经济迅猛发展，人工智能核心产业规模年增速达到 10% 以上', [['10%', 10, 10, 'other']]],
    ['研发费用加计扣除比例提高到175%', [['175%', 175, 175, 'other']]],
    ['数字经济核心产业增加值占比达到30%', [['30%', 30, 30, 'other']]],
    [
      '对大数据领域合同额占主营业务收入 60% 以上的企业，给予不超过合同额 10%、最高 50 万元支持。',
      [['60%', 60, 60, 'other'], ['10%', 10, 10, 'share']],
    ],
    [
      '购置本地企业生产的智能装备产品超过 50%的，按项目投入的 20%给予资金支持，单个项目补助最高不超过 500 万元。',
      [['50%', 50, 50, 'other'], ['20%', 20, 20, 'share']],
    ],
    ['补贴人数不超过企业用人规模的 20%，单个企业补贴最高 50 万元。', [['20%', 20, 20, 'other']]],
    // How a budget may be spent (seed): a limit on cost composition, not a share of eligible cost.
    ['包括工作人员经费(人员费用不高于资助费用总额的30%)、专家咨询费', [['30%', 30, 30, 'other']]],
    ['项目投入为综合投入，其中人力成本最高不超过项目投入的50%', [['50%', 50, 50, 'other']]],
    // Interest points: neither a share nor money.
    ['贷款贴息不超过1.5个百分点', [['1.5个百分点', 1.5, 1.5, 'points']]],
    ['给予贷款贴息1个百分点', [['1个百分点', 1, 1, 'points']]],
  ];
  for (const [text, expected] of cases) {
    it(text, () => {
      const found = findRates(text);
      assert.deepEqual(found.map((r) => [text.slice(r.start, r.end), r.min, r.max, r.role]), expected);
      assert.deepEqual(found.map((r) => r.raw), expected.map(([raw]) => raw));
    });
  }
  it('a bare number is not a rate', () => assert.deepEqual(findRates('培育100家企业'), []));
  it('5G and years are not rates', () => assert.deepEqual(findRates('到2025年，建成5G基站2万个'), []));
});

describe('rates: parseRate', () => {
  const cases: Array<[string | number, { min: number; max: number } | undefined]> = [
    ['20%', { min: 20, max: 20 }], ['20％', { min: 20, max: 20 }], ['２０％', { min: 20, max: 20 }],
    [' 20% ', { min: 20, max: 20 }], ['0.5%', { min: 0.5, max: 0.5 }],
    ['10%~30%', { min: 10, max: 30 }], ['10%-30%', { min: 10, max: 30 }], ['10—30%', { min: 10, max: 30 }],
    ['10%至30%', { min: 10, max: 30 }], ['10%～30%', { min: 10, max: 30 }],
    ['百分之二十', { min: 20, max: 20 }], ['百分之五十', { min: 50, max: 50 }],
    ['2‰', { min: 0.2, max: 0.2 }], ['5‰', { min: 0.5, max: 0.5 }],
    [50, { min: 50, max: 50 }], ['50', { min: 50, max: 50 }], ['120%', { min: 120, max: 120 }],
    // Kept as written so cap-rate-invalid can report it.
    ['30%~10%', { min: 30, max: 10 }],
    ['half', undefined], ['1.5个百分点', undefined], ['', undefined],
  ];
  for (const [raw, expected] of cases) it(`${JSON.stringify(raw)}`, () => assert.deepEqual(parseRate(raw), expected));
});
