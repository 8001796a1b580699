import * as assert from 'node:assert/strict';
import { departmentNamesEqual, findDepartmentMarkers, normaliseDepartmentName } from '../server/src/core/normalise/departments';

function markers(text: string): Array<{ marker: string; lead: string[]; support: string[] }> {
  return findDepartmentMarkers(text).map((m) => {
    for (const n of [...m.lead, ...m.support]) assert.equal(text.slice(n.start, n.end), n.name, 'name span');
    return { marker: text.slice(m.start, m.end), lead: m.lead.map((n) => n.name), support: m.support.map((n) => n.name) };
  });
}

describe('departments: findDepartmentMarkers', () => {
  const cases: Array<[string, Array<{ marker: string; lead: string[]; support: string[] }>]> = [
    ['具体支持措施按苏州现有相关政策执行。(责任部门:市发改委、市科技局、市工信局、市商务局,各县级市〈区〉人民政府〈管委会〉)', [
      { marker: '(责任部门:市发改委、市科技局、市工信局、市商务局,各县级市〈区〉人民政府〈管委会〉)', lead: ['市发改委'], support: ['市科技局', '市工信局', '市商务局', '各县级市〈区〉人民政府〈管委会〉'] }]],
    ['给予最高100万元奖励。（责任单位：市工信局、市财政局）', [{ marker: '（责任单位：市工信局、市财政局）', lead: ['市工信局'], support: ['市财政局'] }]],
    ['（牵头单位：市科技局；配合单位：市财政局、市工信局）', [{ marker: '（牵头单位：市科技局；配合单位：市财政局、市工信局）', lead: ['市科技局'], support: ['市财政局', '市工信局'] }]],
    ['推动产业发展。（市工信局、市财政局负责）', [{ marker: '（市工信局、市财政局负责）', lead: ['市工信局'], support: ['市财政局'] }]],
    ['（市科技局牵头，市财政局、市工信局配合）', [{ marker: '（市科技局牵头，市财政局、市工信局配合）', lead: ['市科技局'], support: ['市财政局', '市工信局'] }]],
    ['推动产业发展。责任单位：市工信局、市发改委', [{ marker: '责任单位：市工信局、市发改委', lead: ['市工信局'], support: ['市发改委'] }]],
    ['（各县级市（区）人民政府（管委会）、市工信局按职责分工负责）', [{ marker: '（各县级市（区）人民政府（管委会）、市工信局按职责分工负责）', lead: ['各县级市（区）人民政府（管委会）'], support: ['市工信局'] }]],
    ['【责任单位：市科技局、市财政局等】', [{ marker: '【责任单位：市科技局、市财政局等】', lead: ['市科技局'], support: ['市财政局'] }]],
    ['（责任单位：市委网信办、市公安局；配合单位：各区人民政府）', [{ marker: '（责任单位：市委网信办、市公安局；配合单位：各区人民政府）', lead: ['市委网信办'], support: ['市公安局', '各区人民政府'] }]],
    ['（牵头单位：市科技局、市工信局；配合单位：市财政局）', [{ marker: '（牵头单位：市科技局、市工信局；配合单位：市财政局）', lead: ['市科技局', '市工信局'], support: ['市财政局'] }]],
    ['支持建设。（责任单位：市发改委）支持应用。（责任单位：市工信局）', [
      { marker: '（责任单位：市发改委）', lead: ['市发改委'], support: [] }, { marker: '（责任单位：市工信局）', lead: ['市工信局'], support: [] }]],
  ];
  for (const [text, expected] of cases) it(text, () => assert.deepEqual(markers(text), expected));

  const notMarkers = [
    '对首次入选的“头雁”企业（以下简称“头雁”企业）给予奖励',
    '营业收入10亿元（含）以上的企业',
    '苏州市人工智能产业创新集群行动计划（2023-2025年）',
    '（一）支持企业做大做强',
    '苏委办发〔2021〕16号',
    '鼓励企业（机构）自主负责',
    '加强首台（套）重大装备推广应用',
  ];
  for (const text of notMarkers) it(`not a marker: ${text}`, () => assert.deepEqual(markers(text), []));
});

describe('departments: names', () => {
  it('folds width and brackets', () => {
    assert.equal(normaliseDepartmentName('各县级市〈区〉人民政府〈管委会〉'), '各县级市(区)人民政府(管委会)');
    assert.ok(departmentNamesEqual('各县级市（区）人民政府（管委会）', '各县级市〈区〉人民政府〈管委会〉'));
    assert.ok(!departmentNamesEqual('市工信局', '市财政局'));
  });
});
