/**
 * Jurisdictions of provinces, parks and districts (SPEC §4), a 责任分工表 attachment giving the
 * clauses their departments, table-only 专栏 boxes as goals, and the unknown-department rule's
 * did-you-mean. Fixtures in test/fixtures/import-probe2 are published layouts (Guangdong and Zhejiang
 * provincial plans, a Wuhan 东湖 park draft, a Xi'an plan with a duty table).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createPolicyLanguageService } from '../server/src/core';
import { buildDepartmentRegistry } from '../server/src/core/departments/registry';
import { importPolicyText } from '../server/src/core/import';
import type { ImportResult } from '../server/src/core/import';
import { readDutyTables } from '../server/src/core/import/dutyTable';
import { FIXTURES } from './helpers/paths';
import { clause } from './helpers/importedClauses';

const PROBE = path.join(FIXTURES, 'import-probe2');

function importFile(name: string): ImportResult {
  return importPolicyText(fs.readFileSync(path.join(PROBE, name), 'utf8'), { sourceName: name });
}

function place(text: string): { city: string; level?: string; warnings: string[] } {
  const result = importPolicyText(text);
  return { city: result.document.city, level: result.document.level, warnings: result.warnings };
}

const BODY = '\n\n一、支持研发。对企业给予最高100万元补助。\n';

describe('import: provinces, parks and districts', () => {
  it('a province is 省级 and named without 省 (title or issuer)', () => {
    for (const [name, city] of [
      ['02c_province_level.txt', '江苏'],
      ['02_guangdong_zhuanlan_tables.txt', '广东'],
      ['03_zhejiang_ruogan_zhengce_numbers.txt', '浙江'],
    ]) {
      const { document } = importFile(name);
      assert.equal(document.city, city, name);
      assert.equal(document.level, '省级', name);
    }
    assert.deepEqual(place(`安徽省加快发展智能网联汽车若干措施${BODY}`), { city: '安徽', level: '省级', warnings: [] });
    assert.deepEqual(place(`江苏省苏州市促进集成电路产业发展若干措施${BODY}`), { city: '苏州', level: '市级', warnings: [] });
    assert.deepEqual(place(`浙江省加快城市更新若干措施${BODY}`), { city: '浙江', level: '省级', warnings: [] });
    const byIssuer = importPolicyText(`关于印发若干措施的通知\n\n各地级以上市人民政府：\n\n一、支持研发。对企业给予最高100万元补助。\n\n广东省人民政府办公厅\n2025年3月1日\n`);
    assert.equal(byIssuer.document.city, '广东');
    assert.equal(byIssuer.document.level, '省级');
  });

  it('a development zone is its own jurisdiction, 园区级, with the parent city first', () => {
    const { document } = importFile('09_zhengqiuyijian_qicaoshuoming.txt');
    assert.equal(document.city, '武汉东湖新技术开发区');
    assert.equal(document.level, '园区级');
    assert.deepEqual(place(`北京经济技术开发区促进机器人产业发展若干措施${BODY}`), { city: '北京经济技术开发区', level: '园区级', warnings: [] });
    assert.deepEqual(place(`合肥高新技术产业开发区关于支持人工智能产业发展的若干政策${BODY}`), { city: '合肥高新技术产业开发区', level: '园区级', warnings: [] });
  });

  it('a district is found whatever verb follows it', () => {
    assert.equal(importFile('09b_district_verb_whitelist.txt').document.city, '杭州余杭区');
    assert.equal(importFile('09b_district_verb_whitelist.txt').document.level, '区县级');
    assert.deepEqual(place(`南京市江宁区科技创新十条政策${BODY}`), { city: '南京江宁区', level: '区县级', warnings: [] });
    assert.deepEqual(place(`南京市江宁区测试若干措施${BODY}`), { city: '南京江宁区', level: '区县级', warnings: [] });
    assert.deepEqual(place(`佛山市顺德区促进机器人产业发展若干措施${BODY}`), { city: '佛山顺德区', level: '区县级', warnings: [] });
  });

  it('a district without its city keeps its own name, with a warning, never an empty city', () => {
    const { city, level, warnings } = place(`江宁区促进数字经济若干措施${BODY}`);
    assert.equal(city, '江宁区');
    assert.equal(level, '区县级');
    assert.deepEqual(warnings, ['city: 江宁区 is named without its parent city; write it with the city first (SPEC §4)']);
  });

  it('common nouns in 区 are no district', () => {
    assert.deepEqual(place(`深圳市重点区域产业发展规划${BODY}`), { city: '深圳', level: '市级', warnings: [] });
    assert.deepEqual(place(`长沙市建设国家新一代人工智能创新发展试验区三年行动计划${BODY}`), { city: '长沙', level: '市级', warnings: [] });
    assert.deepEqual(place(`南京市各区推进数字经济发展若干措施${BODY}`), { city: '南京', level: '市级', warnings: [] });
    assert.deepEqual(place(`深圳市南山区关于促进人工智能产业发展的若干措施${BODY}`), { city: '深圳南山区', level: '区县级', warnings: [] });
    // 城市 and a subject verb are no city name (not 推进城).
    assert.deepEqual(place(`关于推进城市更新先行区建设的若干措施${BODY}`), { city: '', level: undefined, warnings: ['no city found; pass options.city'] });
  });
});

describe('import: 责任分工表', () => {
  it('rows give departments to the clauses whose title is the task; the table stays in the notes', () => {
    const { document, yaml } = importFile('10_fengong_table_end.txt');
    assert.deepEqual(clause(document, '一-一').departments, { lead: ['市发改委'], support: ['市工信局', '市大数据局'] });
    assert.deepEqual(clause(document, '一-二').departments, { lead: ['市科技局'], support: ['市工信局'] });
    assert.deepEqual(clause(document, '一-三').departments, { lead: ['市工信局'], support: ['市财政局', '各区县政府'] });
    assert.deepEqual(clause(document, '一-四').departments, { lead: ['市人社局'], support: ['市委人才办'] });
    assert.equal(clause(document, '二-一').departments, undefined);
    assert.ok(document.notes?.includes('1\t建设人工智能算力平台\t市发改委\t市工信局、市大数据局'));
    assert.match(yaml, /# 原文：序号\t重点任务\t牵头单位\t配合单位/);
  });

  it('multi-space rows and a 责任单位 column; a clause\'s own marker wins; a near title matches, another does not', () => {
    const text = [
      '某某市促进智能制造发展行动方案',
      '',
      '一、推进智能工厂建设。对新认定的智能工厂给予最高200万元奖励。',
      '二、支持工业互联网平台。对平台给予最高100万元补助。（责任单位：市工信局）',
      '三、加强人才培养。支持高校开设智能制造专业。',
      '四、优化营商环境。深化“放管服”改革。',
      '',
      '附件',
      '',
      '任务分工表',
      '',
      '序号  工作任务  责任部门',
      '1  推进智能工厂建设  市工信局、市财政局',
      '2  支持工业互联网平台  市大数据局',
      '3  加强人才培养工作  市人社局、市教育局',
      '4  持续优化全市营商环境工作  市政务办',
    ].join('\n');
    const { document } = importPolicyText(text);
    assert.deepEqual(clause(document, '一').departments, { lead: ['市工信局'], support: ['市财政局'] });
    assert.deepEqual(clause(document, '二').departments, { lead: ['市工信局'], support: [] });
    assert.deepEqual(clause(document, '三').departments, { lead: ['市人社局'], support: ['市教育局'] });
    assert.equal(clause(document, '四').departments, undefined);
  });

  it('task cells with the clause numbering, headers with a parenthesis, an empty last 配合 cell', () => {
    const text = [
      '某某市智能制造行动方案',
      '',
      '一、推进智能工厂建设。对新认定的智能工厂给予最高200万元奖励。',
      '二、加强组织领导。成立工作专班。',
      '',
      '附件',
      '',
      '序号\t重点任务\t牵头单位（部门）\t配合单位（部门）',
      '1\t（一）推进智能工厂建设\t市工信局\t市财政局',
      '2\t二、加强组织领导\t市政府办公室\t',
    ].join('\n');
    const { document } = importPolicyText(text);
    assert.deepEqual(clause(document, '一').departments, { lead: ['市工信局'], support: ['市财政局'] });
    assert.deepEqual(clause(document, '二').departments, { lead: ['市政府办公室'], support: [] });
  });

  it('reads only tables with a 牵头/责任 column', () => {
    assert.deepEqual(readDutyTables(['指标名称\t2024年\t2027年', '算力规模\t10\t20']), []);
    assert.deepEqual(readDutyTables(['序号\t重点任务\t牵头部门\t配合部门', '1\t建设算力平台\t市发改委', '说明：表中单位按职责分工负责。']), [
      { task: '建设算力平台', departments: { lead: ['市发改委'], support: [] } },
    ]);
  });
});

describe('import: 专栏 of table rows', () => {
  it('is a goal, and its caps stay', () => {
    const { document } = importFile('02_guangdong_zhuanlan_tables.txt');
    assert.equal(clause(document, '专栏1').kind, 'goal');
    assert.equal(clause(document, '专栏2').kind, 'goal');
    assert.deepEqual(clause(document, '专栏2').caps?.map((c) => c.max), ['1000万元']);
    assert.equal(clause(document, '二-一').kind, 'measure');
  });
});

describe('unknown-department suggestions', () => {
  const service = createPolicyLanguageService();
  const doc = (city: string, names: string): ReturnType<typeof service.parse>['document'] =>
    service.parse(`policy: 测试\ncity: ${city}\nclauses:\n  - id: "1"\n    text: |\n      对企业给予补助。（责任单位：${names}）\n`, `${city}.policy.yaml`).document;
  const registry = buildDepartmentRegistry([
    doc('南京', '市科协、市民政局、市财政局、市大数据局、市工业和信息化局、市人才办'),
    doc('苏州', '苏州海关、市科协、市民政局'),
    doc('天津', '市工业和信息化局、市民政局'),
  ]);

  it('suggests only a body of the same level sharing the distinctive part of the name', () => {
    assert.deepEqual(registry.suggest('南京', '省科技厅'), []);
    assert.deepEqual(registry.suggest('南京', '省民航局'), []);
    assert.deepEqual(registry.suggest('南京', '开发区'), []);
    assert.deepEqual(registry.suggest('南京', '市人才局'), ['市人才办']);
    assert.deepEqual(registry.suggest('南京', '市工信息局'), ['市工业和信息化局']);
    assert.deepEqual(registry.suggest('天津', '市民证局'), []);
  });

  it('a province\'s 厅 is its standard 局', () => {
    assert.equal(registry.isKnown('南京', '省科技厅'), true);
    assert.equal(registry.isKnown('广东', '省工业和信息化厅'), true);
    assert.equal(registry.isKnown('南京', '省民航局'), false);
  });
});
