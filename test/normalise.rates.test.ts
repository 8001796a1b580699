import * as assert from 'node:assert/strict';
import { findRates, parseRate } from '../server/src/core/normalise/rates';

describe('rates: findRates', () => {
  const cases: Array<[string, Array<[string, number, number, string]>]> = [
    ['按项目投资额的20%给予最高500万元补助', [['20%', 20, 20, 'share']]],
    ['补助比例不超过50%', [['50%', 50, 50, 'share']]],
    ['给予实际投入30%的补贴', [['30%', 30, 30, 'share']]],
    ['按首台（套）产品销售价格的10%~30%给予最高1000万元奖励', [['10%~30%', 10, 30, 'share']]],
    ['按10—30%比例给予补助', [['10—30%', 10, 30, 'share']]],
    ['按照百分之二十给予奖励', [['百分之二十', 20, 20, 'share']]],
    ['按照合同金额的2‰给予补贴', [['2‰', 0.2, 0.2, 'share']]],
    ['年均增长20%以上', [['20%', 20, 20, 'other']]],
    ['研发费用加计扣除比例提高到175%', [['175%', 175, 175, 'other']]],
    ['数字经济核心产业增加值占比达到30%', [['30%', 30, 30, 'other']]],
    ['贷款贴息不超过1.5个百分点', [['1.5个百分点', 1.5, 1.5, 'points']]],
    ['按照不超过项目总投资的120%给予补助', [['120%', 120, 120, 'share']]],
  ];
  for (const [text, expected] of cases) {
    it(text, () => {
      assert.deepEqual(findRates(text).map((r) => [text.slice(r.start, r.end), r.min, r.max, r.role]), expected);
    });
  }
  it('a bare number is not a rate', () => assert.deepEqual(findRates('培育100家企业'), []));
});

describe('rates: parseRate', () => {
  const cases: Array<[string | number, { min: number; max: number } | undefined]> = [
    ['20%', { min: 20, max: 20 }], ['20％', { min: 20, max: 20 }], ['10%~30%', { min: 10, max: 30 }],
    ['10%-30%', { min: 10, max: 30 }], ['10—30%', { min: 10, max: 30 }], ['百分之二十', { min: 20, max: 20 }],
    ['2‰', { min: 0.2, max: 0.2 }], [50, { min: 50, max: 50 }], ['120%', { min: 120, max: 120 }],
    ['30%~10%', { min: 30, max: 10 }], ['half', undefined], ['1.5个百分点', undefined],
  ];
  for (const [raw, expected] of cases) it(`${String(raw)}`, () => assert.deepEqual(parseRate(raw), expected));
});
