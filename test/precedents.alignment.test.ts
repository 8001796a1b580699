/** Smith-Waterman excerpts: the matching passage, also when it sits deep in a long precedent. */
import * as assert from 'node:assert/strict';
import { alignInWindow, alignLocal } from '../server/src/core/precedents/alignment';

describe('precedents: alignment', () => {
  const passage = '对经江苏省及以上认定的首版次人工智能软件按年度销售总额给予奖励';

  it('finds the shared passage of two wordings', () => {
    const target = `加强人工智能产业首台套重大装备推广应用${passage}责任部门`;
    const a = alignLocal('对认定的首版次人工智能软件按年度销售总额给予奖励', target);
    assert.equal(target.slice(a.start, a.end), '认定的首版次人工智能软件按年度销售总额给予奖励');
  });

  it('in a long target, the window holding the passage gives the same alignment as the whole', () => {
    const filler = '支持企业建设研发机构开展关键核心技术攻关推动成果转化'.repeat(40);
    const target = `${filler}${passage}${filler}`;
    const query = '对认定的首版次人工智能软件按年度销售总额给予奖励';
    const whole = alignLocal(query, target);
    const windowed = alignInWindow(query, target, 200);
    assert.deepEqual(windowed, whole);
    assert.equal(target.slice(windowed.start, windowed.end), '认定的首版次人工智能软件按年度销售总额给予奖励');
    assert.ok(windowed.start > 1000);
  });

  it('empty inputs align to nothing', () => {
    assert.deepEqual(alignLocal('', '支持'), { start: 0, end: 0, score: 0 });
    assert.deepEqual(alignInWindow('支持', ''), { start: 0, end: 0, score: 0 });
  });
});
