/**
 * Department markers, from sentences quoted from the seed policies (Suzhou, Hefei, Chongqing, Xi'an,
 * Guangzhou, Changsha, Tianjin, Chengdu, Shenyang, Nanjing, Suzhou Industrial Park …), including their
 * PDF-extraction line breaks, plus close calls that must not be markers.
 */
import * as assert from 'node:assert/strict';
import { departmentNamesEqual, findDepartmentMarkers, normaliseDepartmentName } from '../server/src/core/normalise/departments';
import { foldWidth } from '../server/src/core/normalise/width';

interface Expected {
  marker: string;
  lead: string[];
  support: string[];
}

/** Markers as text, after checking every span: names are exact slices, trimmed, inside their marker. */
function markers(text: string): Expected[] {
  const found = findDepartmentMarkers(text);
  assert.deepEqual(findDepartmentMarkers(text, foldWidth(text)), found, 'same result with a pre-folded text');
  let previousEnd = 0;
  return found.map((m) => {
    assert.ok(m.start >= previousEnd && m.end > m.start && m.end <= text.length, 'markers ordered and disjoint');
    previousEnd = m.end;
    for (const n of [...m.lead, ...m.support]) {
      assert.equal(text.slice(n.start, n.end), n.name, 'name span covers exactly the name');
      assert.equal(n.name, n.name.trim(), 'name is trimmed');
      assert.ok(n.start >= m.start && n.end <= m.end, 'name inside its marker');
    }
    return { marker: text.slice(m.start, m.end), lead: m.lead.map((n) => n.name), support: m.support.map((n) => n.name) };
  });
}

function one(text: string, expected: Expected): void {
  assert.deepEqual(markers(text), [expected]);
}

const SUZHOU_BODIES = '各县级市〈区〉人民政府〈管委会〉';

describe('departments: labelled markers (责任单位/责任部门)', () => {
  it('Suzhou, half-width brackets and colon, 〈〉 inside a name, 、 and , separators', () => {
    const marker = '(责任部门:市发改委、市科技局、市工信局、市商务局,各县级市〈区〉人民政府〈管委会〉)';
    one(`具体支持措施按苏州现有相关政策执行。${marker}`, { marker, lead: ['市发改委'], support: ['市科技局', '市工信局', '市商务局', SUZHOU_BODIES] });
  });

  it('exact offsets of the marker and of each name', () => {
    const text = '具体支持措施按苏州现有相关政策执行。(责任部门:市发改委、市科技局,各县级市〈区〉人民政府〈管委会〉)';
    const [m] = findDepartmentMarkers(text);
    assert.equal(m.start, text.indexOf('('));
    assert.equal(m.end, text.length);
    assert.deepEqual(m.lead, [{ name: '市发改委', start: 24, end: 28 }]);
    assert.deepEqual(m.support, [
      { name: '市科技局', start: 29, end: 33 },
      { name: SUZHOU_BODIES, start: 34, end: 34 + SUZHOU_BODIES.length },
    ]);
  });

  it('Hefei, full-width brackets and colon', () => {
    const marker = '（责任单位：市工业和信息化局、市财政局、各区人民政府）';
    one(`支持市级企业技术中心所在企业购置研发设备提升创新能力，给予最高 200 万元支持。${marker}`, { marker, lead: ['市工业和信息化局'], support: ['市财政局', '各区人民政府'] });
  });

  it('a single department', () => {
    one('全面落实国家关于集成电路企业税收政策,扩大政策宣传,简化办税流程。(责任单位:市税务局)', { marker: '(责任单位:市税务局)', lead: ['市税务局'], support: [] });
  });

  it('a collective body named first is the lead', () => {
    const marker = `(责任单位:${SUZHOU_BODIES}、市发改委、市工信局)`;
    one(`做好集成电路窗口指导服务工作,采用“一事一议”方式,给予财政补贴。${marker}`, { marker, lead: [SUZHOU_BODIES], support: ['市发改委', '市工信局'] });
  });

  it('（区）（管委会） with ASCII brackets inside a name', () => {
    const marker = '(责任单位:市工信局,各县级市(区)人民政府(管委会))';
    one(`积极打造以智能制造、智慧医疗、智能交通、智能机器人等为特色的人工智能重点领域产业集群。${marker}`, { marker, lead: ['市工信局'], support: ['各县级市(区)人民政府(管委会)'] });
  });

  it('各县（市）区政府 and 开发区管委会', () => {
    const marker = '（责任单位：市科技局，各县（市）区政府、开发区管委会）';
    one(`鼓励跨国公司、国外机构、国内优势企业等在我市设立人工智能研发机构。${marker}`, { marker, lead: ['市科技局'], support: ['各县（市）区政府', '开发区管委会'] });
  });

  it('Nanjing: a name with a bracketed note holding 、 and ，', () => {
    const marker = '（责任单位：市发展改革委、市商务局、市财政局，各区人民政府〈含开发区、风景区管委会，下同〉）';
    one(marker, { marker, lead: ['市发展改革委'], support: ['市商务局', '市财政局', '各区人民政府〈含开发区、风景区管委会，下同〉'] });
  });

  it('Hefei: companies in the list', () => {
    const marker = '（责任单位：市经信局、市发改委、市数据资源局、合肥电信公司、合肥移动公司、合肥联通公司、合肥铁塔公司）';
    one(`加快布局实施5G网络基础设施建设。${marker}`, { marker, lead: ['市经信局'], support: ['市发改委', '市数据资源局', '合肥电信公司', '合肥移动公司', '合肥联通公司', '合肥铁塔公司'] });
  });

  it('Chengdu: a collective first, ， between groups', () => {
    const marker = '（责任单位：有关区（市）县，市科技局、成都产业集团）';
    one(marker, { marker, lead: ['有关区（市）县'], support: ['市科技局', '成都产业集团'] });
  });

  it('Chengdu: 成华区政府等相关区（市）县政府 is two names', () => {
    const marker = '（责任部门：市经信局、市财政局，成都天府新区、成都高新区管委会，郫都区、武侯区、温江区、崇州市、新津县、成华区政府等相关区（市）县政府）';
    one(marker, {
      marker,
      lead: ['市经信局'],
      support: ['市财政局', '成都天府新区', '成都高新区管委会', '郫都区', '武侯区', '温江区', '崇州市', '新津县', '成华区政府', '相关区（市）县政府'],
    });
  });

  it('Shenyang: square brackets, and 各区、县(市)政府 as one name', () => {
    const marker = '[责任部门：市科技局、经济和信息化委，各区、县(市)政府]';
    one(marker, { marker, lead: ['市科技局'], support: ['经济和信息化委', '各区、县(市)政府'] });
  });

  it('Shenyang: 〔〕 brackets', () => {
    one('〔责任部门：市经济和信息化委、发展改革委〕', { marker: '〔责任部门：市经济和信息化委、发展改革委〕', lead: ['市经济和信息化委'], support: ['发展改革委'] });
  });

  it('a name carrying its alias in brackets', () => {
    one('[责任部门:市科技局(市知识产权局)]', { marker: '[责任部门:市科技局(市知识产权局)]', lead: ['市科技局(市知识产权局)'], support: [] });
  });

  it('full-width square brackets ［］', () => {
    one('推进应用示范。［责任单位：市工信局、市科技局］', { marker: '［责任单位：市工信局、市科技局］', lead: ['市工信局'], support: ['市科技局'] });
  });

  it('【】 brackets and a trailing 等', () => {
    one('【责任单位：市科技局、市财政局等】', { marker: '【责任单位：市科技局、市财政局等】', lead: ['市科技局'], support: ['市财政局'] });
  });

  it('names separated by spaces (ASCII and ideographic)', () => {
    one('（责任单位：市工信局 市财政局\u3000市科技局）', { marker: '（责任单位：市工信局 市财政局\u3000市科技局）', lead: ['市工信局'], support: ['市财政局', '市科技局'] });
  });

  it('a space before the colon', () => {
    one('（责任单位 ：市工信局）', { marker: '（责任单位 ：市工信局）', lead: ['市工信局'], support: [] });
  });

  it('two markers in one clause', () => {
    assert.deepEqual(markers('支持建设。（责任单位：市发改委）支持应用。(责任部门:市工信局,各区政府)'), [
      { marker: '（责任单位：市发改委）', lead: ['市发改委'], support: [] },
      { marker: '(责任部门:市工信局,各区政府)', lead: ['市工信局'], support: ['各区政府'] },
    ]);
  });
});

describe('departments: 牵头单位 / 配合单位', () => {
  it('Chongqing, half-width: one lead, supports after ;', () => {
    const marker = '(牵头单位:市公安局;配合单位:市科技局、市交通局)';
    one(`北斗导航及定位、4G/5G、IPv6、物联网等技术集成应用。${marker}`, { marker, lead: ['市公安局'], support: ['市科技局', '市交通局'] });
  });

  it('Chongqing, full-width', () => {
    one('（牵头单位：市科技局；配合单位：市教委）', { marker: '（牵头单位：市科技局；配合单位：市教委）', lead: ['市科技局'], support: ['市教委'] });
  });

  it('Chongqing: 〔〕 with a comma inside a support name', () => {
    const marker = '(牵头单位:市科技局;配合单位:两江新区管委会、重庆高新区管委会、重庆经开区管委会，各区县〔自治县，以下简称区县〕政府)';
    one(marker, { marker, lead: ['市科技局'], support: ['两江新区管委会', '重庆高新区管委会', '重庆经开区管委会', '各区县〔自治县，以下简称区县〕政府'] });
  });

  it("Xi'an: several leads, 等 and ， in the support list", () => {
    const marker = '（牵头单位：市委组织部、市科技局；配合单位：市人社局等，相关区县市政府，西咸新区，各开发区管委会）';
    one(`开辟人工智能领域高端人才引进绿色通道，在落户、医疗、子女教育等方面予以支持。${marker}`, {
      marker,
      lead: ['市委组织部', '市科技局'],
      support: ['市人社局', '相关区县市政府', '西咸新区', '各开发区管委会'],
    });
  });

  it("Xi'an: collective bodies as the leads", () => {
    const marker = '（牵头单位：相关区县政府，西咸新区，各开发区管委会；配合单位：市科技局、市工信局、市投资局等）';
    one(marker, { marker, lead: ['相关区县政府', '西咸新区', '各开发区管委会'], support: ['市科技局', '市工信局', '市投资局'] });
  });

  it('Guangzhou: 牵头单位 and 配合单位 separated by ，', () => {
    const marker = '（牵头单位：市科技局，配合单位：市工业和信息化局，各区政府）';
    one(`促进 AI 精准赋能，提升人工智能应用安全性与可信性。${marker}`, { marker, lead: ['市科技局'], support: ['市工业和信息化局', '各区政府'] });
  });

  it('Changsha: 牵头单位 then 责任单位 — the 责任单位 names support', () => {
    const marker = '（牵头单位：湘江新区管委会，责任单位：市科技局、市发展改革委、市财政局、市工业和信息化局、各区县市人民政府和园区管委会）';
    one(marker, { marker, lead: ['湘江新区管委会'], support: ['市科技局', '市发展改革委', '市财政局', '市工业和信息化局', '各区县市人民政府和园区管委会'] });
  });

  it('责任单位 then 配合单位: the first 责任 name leads', () => {
    const marker = '（责任单位：市委网信办、市公安局；配合单位：各区人民政府）';
    one(marker, { marker, lead: ['市委网信办'], support: ['市公安局', '各区人民政府'] });
  });
});

describe('departments: other label words', () => {
  it('牵头部门 with 参与单位: every 参与 body supports', () => {
    const marker = '（牵头部门：市商务局；参与单位：市总工会、团市委）';
    one(`支持举办人工智能创新创业大赛，营造良好创新氛围。${marker}`, { marker, lead: ['市商务局'], support: ['市总工会', '团市委'] });
  });

  it('协同单位 naming a customs office and an association', () => {
    const marker = '（牵头单位：市科技局；协同单位：苏州海关、市科协）';
    one(`支持企业进口用于研发的关键设备。${marker}`, { marker, lead: ['市科技局'], support: ['苏州海关', '市科协'] });
  });

  it('实施单位 with names separated by ；', () => {
    const marker = '（实施单位：市发改委；市工信局；市商务局）';
    one(marker, { marker, lead: ['市发改委'], support: ['市工信局', '市商务局'] });
  });

  it('负责单位 with names separated by a space', () => {
    const marker = '（负责单位：市工信局 市财政局）';
    one(marker, { marker, lead: ['市工信局'], support: ['市财政局'] });
  });
});

describe('departments: 负责 / 牵头 suffix forms', () => {
  it('SIP: （A、B负责） with a bracketed note in a name', () => {
    one('保证园区在人工智能相关产业领军型人才和项目的集聚优势（科信局（科协）、组织部负责）', {
      marker: '（科信局（科协）、组织部负责）',
      lead: ['科信局（科协）'],
      support: ['组织部'],
    });
  });

  it('SIP: centres and companies', () => {
    one('（经发委、国资办、CBD招商中心、元禾控股负责）', { marker: '（经发委、国资办、CBD招商中心、元禾控股负责）', lead: ['经发委'], support: ['国资办', 'CBD招商中心', '元禾控股'] });
  });

  it('SIP: a single department, half-width brackets', () => {
    one('(经发委负责)', { marker: '(经发委负责)', lead: ['经发委'], support: [] });
  });

  it('Tianjin: 等按职责分工负责', () => {
    const marker = '（市工业和信息化局、市科技局等按职责分工负责）';
    one(`实施智能制造试点示范工程，建设智能制造示范基地、示范园区、示范企业，建成100项以上市级智能制造项目。${marker}`, { marker, lead: ['市工业和信息化局'], support: ['市科技局'] });
  });

  it('Tianjin: a district, universities and an eco-city in the list', () => {
    const marker = '（中新天津生态城、市委网信办、市发展改革委、市工业和信息化局、滨海新区人民政府等按职责分工负责）';
    one(marker, { marker, lead: ['中新天津生态城'], support: ['市委网信办', '市发展改革委', '市工业和信息化局', '滨海新区人民政府'] });
    const universities = '（天津大学、南开大学、市委网信办、市科技局、市工业和信息化局等按职责分工负责）';
    one(universities, { marker: universities, lead: ['天津大学'], support: ['南开大学', '市委网信办', '市科技局', '市工业和信息化局'] });
  });

  it('Tianjin: a collective that names no department is still read as written', () => {
    one('（有关单位按职责分工负责）', { marker: '（有关单位按职责分工负责）', lead: ['有关单位'], support: [] });
  });

  it('（A、B按职责分工负责） without 等', () => {
    one('建立人工智能产业统计监测制度（市统计局、市工信局按职责分工负责）', { marker: '（市统计局、市工信局按职责分工负责）', lead: ['市统计局'], support: ['市工信局'] });
  });

  it('mass organisations and customs offices as names', () => {
    one('开展人工智能技能竞赛（市总工会、团市委、苏州海关负责）', { marker: '（市总工会、团市委、苏州海关负责）', lead: ['市总工会'], support: ['团市委', '苏州海关'] });
  });

  it('（A、B负责，C配合）: 负责 names lead and support, 配合 names support', () => {
    one('（市科技局、市财政局负责，各区配合）', { marker: '（市科技局、市财政局负责，各区配合）', lead: ['市科技局'], support: ['市财政局', '各区'] });
  });

  it('（A牵头，B、C配合）', () => {
    one('（市科技局牵头，市财政局、市工信局配合）', { marker: '（市科技局牵头，市财政局、市工信局配合）', lead: ['市科技局'], support: ['市财政局', '市工信局'] });
  });

  it('（A牵头负责，B、C按职责分工负责）', () => {
    one('（市工信局牵头负责，市财政局、各区政府按职责分工负责）', { marker: '（市工信局牵头负责，市财政局、各区政府按职责分工负责）', lead: ['市工信局'], support: ['市财政局', '各区政府'] });
  });

  it('（由A、B负责）: 由 is not part of the first name', () => {
    const text = '（由市工信局、市财政局负责）';
    const [m] = findDepartmentMarkers(text);
    assert.deepEqual(m.lead, [{ name: '市工信局', start: 2, end: 6 }]);
    assert.deepEqual(m.support.map((n) => n.name), ['市财政局']);
  });

  it('等各部门 and 等有关部门 close the list', () => {
    one('（市工信局、市财政局等各部门按职责分工负责）', { marker: '（市工信局、市财政局等各部门按职责分工负责）', lead: ['市工信局'], support: ['市财政局'] });
    one('（责任单位：市科技局等有关部门）', { marker: '（责任单位：市科技局等有关部门）', lead: ['市科技局'], support: [] });
  });

  it('各地 as a support name', () => {
    one('（市商务局、各地按职责分工负责）', { marker: '（市商务局、各地按职责分工负责）', lead: ['市商务局'], support: ['各地'] });
  });
});

describe('departments: labels without brackets', () => {
  it('at the end of a clause', () => {
    one('对首次入选的“头雁”企业给予最高100万元奖励。责任单位：市工信局、市财政局', { marker: '责任单位：市工信局、市财政局', lead: ['市工信局'], support: ['市财政局'] });
  });

  it('followed by another label', () => {
    one('推进应用。牵头单位:市科技局；配合单位:市财政局、各区政府', { marker: '牵头单位:市科技局；配合单位:市财政局、各区政府', lead: ['市科技局'], support: ['市财政局', '各区政府'] });
  });

  it('stops before running text', () => {
    one('责任单位：市工信局、市财政局，对首次入选的企业给予奖励。', { marker: '责任单位：市工信局、市财政局', lead: ['市工信局'], support: ['市财政局'] });
  });

  it('stops at the line end', () => {
    one('责任单位：市工信局\n2. 支持企业做大做强', { marker: '责任单位：市工信局', lead: ['市工信局'], support: [] });
  });

  it('【责任单位】 followed by the names', () => {
    one('【责任单位】市工信局、市财政局', { marker: '【责任单位】市工信局、市财政局', lead: ['市工信局'], support: ['市财政局'] });
  });
});

describe('departments: text extracted from PDFs', () => {
  it('a line break inside a name keeps the name whole (as written)', () => {
    const text = '（责任单位：市发改委、市科技\n\n局)加大对人工智能企业产品和服务的政府采购力度。';
    one(text, { marker: '（责任单位：市发改委、市科技\n\n局)', lead: ['市发改委'], support: ['市科技\n\n局'] });
    assert.equal(normaliseDepartmentName('市科技\n\n局'), '市科技局');
  });

  it('a line break after a complete name separates names', () => {
    const marker = '(责任单位:市工信局、\n\n市发改委、市科技局、市金融监管局,各县级市(区)人民政府(管委会))';
    one(`打造具有行业影响力的“链主型”企业。${marker}\n\n专栏1 龙头企业引育重点工作`, {
      marker,
      lead: ['市工信局'],
      support: ['市发改委', '市科技局', '市金融监管局', '各县级市(区)人民政府(管委会)'],
    });
  });

  it('a line break inside the label', () => {
    const marker = '（牵\n\n头单位：市工业和信息化局，配合单位：各区政府）';
    one(`促进人工智能产品产业化发展。${marker}`, { marker, lead: ['市工业和信息化局'], support: ['各区政府'] });
    const split = '（牵头单位：市政务服务数据管理局、发展改革委，配\n\n合单位：市科技局、工业和信息化局、交通运输局，各区政府）';
    one(split, { marker: split, lead: ['市政务服务数据管理局', '发展改革委'], support: ['市科技局', '工业和信息化局', '交通运输局', '各区政府'] });
  });

  it('a marker whose closing bracket was lost ends at the line end', () => {
    const text = '（责任部门：市金融监管局、苏州银保监分局、人行苏州中支、市科技局，各县级市（区）人民政府（管委会）\n\n13. 打造“AI+医药”中国药谷。加强BT（生物技术）+IT（信息技术）深度融合。';
    one(text, {
      marker: '（责任部门：市金融监管局、苏州银保监分局、人行苏州中支、市科技局，各县级市（区）人民政府（管委会）',
      lead: ['市金融监管局'],
      support: ['苏州银保监分局', '人行苏州中支', '市科技局', '各县级市（区）人民政府（管委会）'],
    });
  });
});

describe('departments: close calls that are not markers', () => {
  const notMarkers: Array<[string, string]> = [
    ['以下简称', '上海马桥人工智能创新试验区（以下简称“试验区”）选址位于闵行区马桥镇及其周边'],
    ['以下简称 with 企业', '对首次入选的“头雁”企业（以下简称“头雁”企业）给予奖励'],
    ['（含）', '对每单交易额在5000万元（含）到1亿元（含）的，奖励50万元'],
    ['years', '苏州市人工智能产业创新集群行动计划（2023-2025年）'],
    ['numbering', '（一）支持企业做大做强'],
    ['（区） inside a name', '各县级市（区）人民政府（管委会）要加强统筹'],
    ['首台（套）', '11. 支持重点领域首台（套）重大技术装备集成应用、软件首版次示范应用'],
    ['document number', '苏委办发〔2021〕16号'],
    ['glosses', '加强BT（生物技术）+IT（信息技术）深度融合'],
    ['an alias in brackets', '苏州市工业和信息化局（市工信局）'],
    ['企业 负责', '鼓励企业（机构）自主负责'],
    ['（企业负责）', '项目建设（企业负责）'],
    ['（由企业自主负责）', '日常运营（由企业自主负责）'],
    ['（市场主体负责）', '项目运营（市场主体负责）'],
    ['role word alone', '明确专人（具体负责）'],
    ['running text ending in 负责', '（每年评估一次，由企业负责）'],
    ['a verb ending in 行', '平台日常管理（自主运行负责）'],
    ['（全部负责）', '后续维护（全部负责）'],
    ['（各方共同负责）', '项目建设（各方共同负责）'],
    ['责任主体 without colon', '按照“锁定地块、锁定项目、锁定时间、锁定责任主体”的原则'],
    ['实施单位 without colon', '可通过政府购买服务等方式确定实施单位，进行资金使用评价'],
    ['narrative 牵头', '建立由市经济信息化委、市科委、市发展改革委牵头，相关部门、单位参与的协同推进机制'],
    ['narrative 由…牵头', '由市工信局牵头,会市财政局、科技局、卫生健康委等部门联合建立《苏州生物医药及健康产业创新名优产品目录》'],
    ['负责 followed by more words', '对首次认定的企业给予奖励（市财政局负责兑现）'],
    ['an empty label', '（责任单位：）'],
    ['a bare label followed by running text', '明确责任单位：各地要高度重视，加强统筹'],
  ];
  for (const [label, text] of notMarkers) it(label, () => assert.deepEqual(markers(text), []));
});

describe('departments: performance', () => {
  it('a 300-clause draft and pathological brackets stay fast', () => {
    const clause = '对首次入选的“头雁”企业（以下简称“头雁”企业）给予最高100万元奖励（含）。(责任部门:市发改委、市科技局,各县级市〈区〉人民政府〈管委会〉)';
    const started = Date.now();
    for (let i = 0; i < 300; i++) assert.equal(findDepartmentMarkers(clause).length, 1);
    assert.equal(findDepartmentMarkers('（'.repeat(20000) + '责任单位：市工信局').length, 1);
    assert.equal(findDepartmentMarkers('（责任单位：市工信局、'.repeat(3000)).length > 0, true);
    assert.ok(Date.now() - started < 2000, `took ${Date.now() - started} ms`);
  });
});

describe('departments: names', () => {
  it('unifies brackets and folds width', () => {
    assert.equal(normaliseDepartmentName(SUZHOU_BODIES), '各县级市(区)人民政府(管委会)');
    assert.equal(normaliseDepartmentName('各县级市（区）人民政府（管委会）'), '各县级市(区)人民政府(管委会)');
    assert.equal(normaliseDepartmentName('各县级市<区>人民政府<管委会>'), '各县级市(区)人民政府(管委会)');
    assert.equal(normaliseDepartmentName('ＣＢＤ招商中心'), 'CBD招商中心');
  });

  it('removes whitespace, including line breaks and ideographic spaces', () => {
    assert.equal(normaliseDepartmentName(' 市 工信局\u3000'), '市工信局');
    assert.equal(normaliseDepartmentName('各区县市人民政府和园区管\n\n委会'), '各区县市人民政府和园区管委会');
  });

  it('departmentNamesEqual compares canonical forms only (no aliases)', () => {
    assert.ok(departmentNamesEqual('各县级市（区）人民政府（管委会）', SUZHOU_BODIES));
    assert.ok(departmentNamesEqual('市科技\n局', '市科技局'));
    assert.ok(!departmentNamesEqual('市工信局', '市财政局'));
    assert.ok(!departmentNamesEqual('市工信局', '市工业和信息化局'));
  });
});
