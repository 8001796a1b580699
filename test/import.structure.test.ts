/**
 * Importer structure: run-in titles, lists with a trailing responsibility marker, PDF line breaks
 * (markers alone on a line, a marker split across lines, an article cited at the start of a line),
 * spread chapter titles, and the numbering glyphs of PDF and Taiwan-style copies.
 */
import * as assert from 'node:assert/strict';
import { importPolicyText } from '../server/src/core/import';
import type { ImportedDocument } from '../server/src/core/import';
import { bareMarker, parseMarker } from '../server/src/core/import/numbering';
import { clause, clausesOf } from './helpers/importedClauses';

const imported = (lines: string[]): ImportedDocument => importPolicyText(lines.join('\n')).document;

describe('import structure', () => {
  describe('run-in titles', () => {
    it('a granting first sentence is text, and a one-sentence item keeps its 。', () => {
      const doc = imported([
        '深圳市若干措施',
        '一、对新引进企业给予最高100万元奖励。具体办法另行制定。（责任单位：市工信局）',
        '二、鼓励企业上市。',
        '三、本措施自2024年1月1日起施行。',
      ]);
      assert.deepEqual(clausesOf(doc).map((c) => [c.id, c.title, c.text]), [
        ['一', undefined, '对新引进企业给予最高100万元奖励。具体办法另行制定。（责任单位：市工信局）'],
        ['二', undefined, '鼓励企业上市。'],
        ['三', undefined, '本措施自2024年1月1日起施行。'],
      ]);
      assert.deepEqual(clause(doc, '一').caps, [{ max: '100万元', for: '新引进企业' }]);
      assert.deepEqual(clause(doc, '一').departments, { lead: ['市工信局'], support: [] });
    });

    it('an article that rules (本措施由……负责解释。) is text with its 。', () => {
      const doc = imported([
        '深圳市促进人工智能产业发展若干措施',
        '第一条 为加快推进人工智能产业高质量发展，结合本市实际，制定本措施。',
        '第二条 按照项目总投资的20%给予资助。最高不超过3000万元。',
        '第三条 本措施由市工业和信息化局负责解释。',
      ]);
      assert.deepEqual(clausesOf(doc).map((c) => [c.id, c.title, c.text]), [
        ['一', undefined, '为加快推进人工智能产业高质量发展，结合本市实际，制定本措施。'],
        ['二', undefined, '按照项目总投资的20%给予资助。最高不超过3000万元。'],
        ['三', undefined, '本措施由市工业和信息化局负责解释。'],
      ]);
    });

    it('real run-in titles stay titles (支持重点企业引育。 对接资本市场。 支持标准。 打造千亿元级产业集群。)', () => {
      const doc = imported([
        '苏州市促进新一代人工智能产业发展的若干措施',
        '1.支持重点企业引育。支持人工智能企业总部从外地迁入苏州。（责任部门：市发改委、市商务局）',
        '2.对接资本市场。鼓励符合条件的拟上市企业加入上市后备企业梯队。',
        '3.支持标准。企业使用创新券购买科技服务的，按照服务合同金额的50%给予补贴，每家企业每年最高30万元。',
        '4.打造千亿元级产业集群。推动人工智能与制造业深度融合。',
      ]);
      assert.deepEqual(clausesOf(doc).map((c) => [c.id, c.title, c.text]), [
        ['1', '支持重点企业引育', '支持人工智能企业总部从外地迁入苏州。（责任部门：市发改委、市商务局）'],
        ['2', '对接资本市场', '鼓励符合条件的拟上市企业加入上市后备企业梯队。'],
        ['3', '支持标准', '企业使用创新券购买科技服务的，按照服务合同金额的50%给予补贴，每家企业每年最高30万元。'],
        ['4', '打造千亿元级产业集群', '推动人工智能与制造业深度融合。'],
      ]);
    });

    it('a line introducing the list under it (……包括：) is text, not a title', () => {
      const doc = imported([
        '南京市科技创新券实施管理办法',
        '第一条 为降低企业创新成本，制定本办法。',
        '第二条 科技创新券（以下简称“创新券”）支持范围包括：',
        '（一）研究开发服务；',
        '（二）检验检测服务。',
      ]);
      const second = clause(doc, '二');
      assert.equal(second.title, undefined);
      assert.equal(second.text, '科技创新券（以下简称“创新券”）支持范围包括：\n（一）研究开发服务；\n（二）检验检测服务。');
    });
  });

  describe('a responsibility marker after the last sub-item', () => {
    it('belongs to the item whose list it closes (the list is folded into it)', () => {
      const doc = imported([
        '上海市推动人工智能大模型创新发展若干措施',
        '一、重点任务',
        '（一）加强算力供给',
        '1.建设公共算力平台。统筹全市智能算力资源，建设市级人工智能公共算力服务平台。',
        '（1）对租用平台算力的中小企业，按照合同金额的40%给予补贴，单个企业每年最高300万元；',
        '（2）对自建智能算力中心的企业，按照设备投资的15%给予补助，单个项目最高不超过5000万元。',
        '（责任单位：市经济信息化委、市发展改革委、市财政局）',
        '2.优化算力调度。推动算力资源统一调度，降低企业用算成本。（市经济信息化委牵头，市通信管理局配合）',
      ]);
      assert.deepEqual(clausesOf(doc).map((c) => c.id), ['1', '2']);
      const first = clause(doc, '1');
      assert.equal(first.title, '建设公共算力平台');
      assert.equal(
        first.text,
        '统筹全市智能算力资源，建设市级人工智能公共算力服务平台。\n' +
          '（1）对租用平台算力的中小企业，按照合同金额的40%给予补贴，单个企业每年最高300万元；\n' +
          '（2）对自建智能算力中心的企业，按照设备投资的15%给予补助，单个项目最高不超过5000万元。（责任单位：市经济信息化委、市发展改革委、市财政局）',
      );
      assert.deepEqual(first.departments, { lead: ['市经济信息化委'], support: ['市发展改革委', '市财政局'] });
      assert.deepEqual(first.caps?.map((c) => c.max), ['300万元', '5000万元']);
      // Each sub-item's recipient, after its （1） / （2）.
      assert.deepEqual(first.caps?.map((c) => c.for), ['租用平台算力的中小企业', '自建智能算力中心的企业']);
    });

    it('a condition list with a marker line: the money-granting item gets the departments', () => {
      const doc = imported([
        '杭州市加快推进智能网联汽车产业高质量发展实施方案',
        '一、主要任务',
        '（一）推动产业集聚发展',
        '１．支持零部件企业做大做强。对年营业收入首次突破10亿元的零部件企业，给予一次性奖励100万元。',
        '（1）企业须在杭州市注册登记；',
        '（2）企业上年度纳税额不低于1000万元。',
        '（牵头单位：市经信局  配合单位：市财政局、市税务局）',
      ]);
      assert.deepEqual(clausesOf(doc).map((c) => [c.id, c.title]), [['1', '支持零部件企业做大做强']]);
      const only = clausesOf(doc)[0];
      assert.equal(
        only.text,
        '对年营业收入首次突破10亿元的零部件企业，给予一次性奖励100万元。\n（1）企业须在杭州市注册登记；\n（2）企业上年度纳税额不低于1000万元。（牵头单位：市经信局  配合单位：市财政局、市税务局）',
      );
      assert.deepEqual(only.departments, { lead: ['市经信局'], support: ['市财政局', '市税务局'] });
    });

    it('sub-items that each name their departments stay separate clauses', () => {
      const doc = imported([
        '深圳市若干措施',
        '一、支持企业发展',
        '1.支持企业研发。',
        '（1）对企业研发给予补助，最高100万元；（责任单位：市科技局）',
        '（2）对上市企业给予奖励，最高500万元。（责任单位：市金融局）',
      ]);
      assert.deepEqual(clausesOf(doc).map((c) => [c.id, c.departments?.lead]), [
        ['1', ['市科技局']],
        ['2', ['市金融局']],
      ]);
    });
  });

  describe('PDF line breaks', () => {
    const PDF = [
      '武汉市促进软件产业发展实施办法',
      '第一章',
      '总则',
      '第一条',
      '为加快软件产业发展，制定本办法。',
      '第二章',
      '支持措施',
      '第二条 对首次认定的软件企业，给予最高',
      '50万元奖励。（责任单位：市经信局）',
      '第三条 对取得CMMI5级认证的企业，给予',
      '一次性奖励30万元。',
      '（责任单位：',
      '市经信局）',
      '第三章',
      '附则',
      '第四条 本办法自2024年1月1日起施行。',
    ];

    it('a marker alone on its line heads the next line', () => {
      const doc = imported(PDF);
      assert.equal(doc.preamble, undefined);
      assert.deepEqual(doc.chapters?.map((c) => [c.id, c.title, c.clauses.map((k) => [k.id, k.kind])]), [
        ['一', '总则', [['一', 'principle']]],
        ['二', '支持措施', [['二', 'measure'], ['三', 'measure']]],
        ['三', '附则', [['四', 'safeguard']]],
      ]);
      assert.equal(clause(doc, '一').text, '为加快软件产业发展，制定本办法。');
      assert.equal(clause(doc, '四').text, '本办法自2024年1月1日起施行。');
    });

    it('a responsibility marker broken across lines is joined with nothing inserted', () => {
      const doc = imported(PDF);
      assert.equal(clause(doc, '三').text, '对取得CMMI5级认证的企业，给予一次性奖励30万元。（责任单位：市经信局）');
      assert.deepEqual(clause(doc, '三').departments, { lead: ['市经信局'], support: [] });
    });

    it('an article cited at the start of a line continues the sentence', () => {
      const doc = imported([
        '苏州市促进工业互联网发展专项资金管理办法',
        '第一章　总　　则',
        '第一条　为规范和加强专项资金管理，制定本办法。',
        '第二章　支持内容和标准',
        '第二条　支持工业互联网平台建设。对新认定的国家级工业互联网平台，给予一次性奖励1000万元。',
        '第三条　支持企业智能化改造。对符合本办法',
        '第二条规定条件且设备投资额在1000万元以上的项目，按设备投资额的12%给予补助，单个项目最高不超过1500万元。',
        '第四条　支持服务商做大做强。对符合本办法',
        '第二条所称条件的服务商，给予20万元奖励。',
        '第三章　附　　则',
        '第五条　本办法由市财政局负责解释。',
      ]);
      assert.deepEqual(clausesOf(doc).map((c) => c.id), ['一', '二', '三', '四', '五']);
      assert.equal(clause(doc, '三').text, '对符合本办法第二条规定条件且设备投资额在1000万元以上的项目，按设备投资额的12%给予补助，单个项目最高不超过1500万元。');
      assert.equal(clause(doc, '四').text, '对符合本办法第二条所称条件的服务商，给予20万元奖励。');
      // 总　　则 spread over the line is 总则, so the kinds follow.
      assert.deepEqual(doc.chapters?.map((c) => c.title), ['总则', '支持内容和标准', '附则']);
      assert.deepEqual(clausesOf(doc).map((c) => c.kind), ['principle', 'measure', 'measure', 'measure', 'safeguard']);
    });

    it('the next article after an unfinished line is still a new article', () => {
      const doc = imported([
        '南京市科技创新券实施管理办法',
        '第一条 为降低企业创新成本，激发中小微企业创新活力，制定本办法',
        '第二条 本办法适用于在本市注册的科技型中小企业。',
      ]);
      assert.deepEqual(clausesOf(doc).map((c) => [c.id, c.text]), [
        ['一', '为降低企业创新成本，激发中小微企业创新活力，制定本办法'],
        ['二', '本办法适用于在本市注册的科技型中小企业。'],
      ]);
    });
  });

  describe('numbering forms', () => {
    it('⒈ is 1., ⑴ is （1）, 1） has a style of its own; 第1条 and 第 1 條 are articles', () => {
      assert.deepEqual(parseMarker('⒈支持研发'), { style: 'num', label: '1', value: 1, length: 1 });
      assert.deepEqual(parseMarker('⒓支持研发'), { style: 'num', label: '12', value: 12, length: 1 });
      assert.deepEqual(parseMarker('⑵强化考核'), { style: 'numParen', label: '2', value: 2, length: 1 });
      assert.deepEqual(parseMarker('1)引进人才'), { style: 'numHalf', label: '1', value: 1, length: 2 });
      assert.deepEqual(parseMarker('第1条 为促进'), { style: 'article', label: '1', value: 1, length: 4 });
      assert.deepEqual(parseMarker('第 12 条 本办法'), { style: 'article', label: '12', value: 12, length: 7 });
      assert.equal(parseMarker('1.5亿元'), undefined);
      assert.deepEqual(bareMarker('第一章'), { style: 'chapter', label: '一', value: 1, length: 3 });
      assert.equal(bareMarker('第一章 总则'), undefined);
      assert.equal(bareMarker('专栏1'), undefined);
    });

    it('PDF glyph items are clauses of their chapter', () => {
      const doc = imported([
        '深圳市若干措施',
        '一、支持企业发展',
        '⒈支持研发，对企业研发给予补助，最高100万元。（责任单位：市科技局）',
        '⒉支持上市，对上市企业给予奖励，最高500万元。（责任单位：市金融局）',
        '二、支持人才',
        '1）引进人才，对人才给予补贴，最高50万元。（责任单位：市人社局）',
        '2）培养人才，对培训机构给予补贴，最高20万元。（责任单位：市人社局）',
        '三、保障措施',
        '⑴加强领导，建立工作机制，统筹推进。（责任单位：市工信局）',
        '⑵强化考核，定期通报，督促落实。（责任单位：市工信局）',
      ]);
      assert.deepEqual(doc.chapters?.map((c) => [c.id, c.clauses.map((k) => k.id)]), [
        ['一', ['一-1', '一-2']],
        ['二', ['二-1', '二-2']],
        ['三', ['三-1', '三-2']],
      ]);
      assert.equal(clause(doc, '一-2').text, '支持上市，对上市企业给予奖励，最高500万元。（责任单位：市金融局）');
      assert.equal(clause(doc, '三-1').kind, 'safeguard');
    });

    it('Taiwan-style 第 1 條 articles are clauses of their chapters', () => {
      const doc = imported([
        '臺北市產業發展獎勵補助辦法',
        '第一章　總則',
        '第 1 條　臺北市政府（以下簡稱本府）為促進產業發展，特訂定本辦法。',
        '第 2 條　本辦法之主管機關為本府產業發展局（以下簡稱產業局）。',
        '第二章　獎勵補助',
        '第 3 條　研發補助：補助金額以計畫總經費百分之五十為上限，每案最高新臺幣一千萬元。（產業局負責）',
        '第三章　附則',
        '第 4 條　本辦法自發布日施行。',
      ]);
      assert.deepEqual(doc.chapters?.map((c) => [c.id, c.title, c.clauses.map((k) => [k.id, k.kind])]), [
        ['一', '總則', [['1', 'principle'], ['2', 'principle']]],
        ['二', '獎勵補助', [['3', 'measure']]],
        ['三', '附則', [['4', 'safeguard']]],
      ]);
      assert.equal(clause(doc, '1').text, '臺北市政府（以下簡稱本府）為促進產業發展，特訂定本辦法。');
      assert.equal(clause(doc, '3').title, '研發補助');
      assert.deepEqual(clause(doc, '3').departments, { lead: ['產業局'], support: [] });
    });
  });

  it('a 专栏 before the first 一、 does not swallow that chapter', () => {
    const doc = imported([
      '深圳市若干措施',
      '专栏 1：重点工程',
      '1.智算中心工程：建设智算中心。',
      '2.数据要素工程：建设数据交易所。',
      '一、支持企业',
      '对企业给予最高100万元奖励。（责任单位：市工信局）',
    ]);
    assert.deepEqual(doc.chapters?.map((c) => [c.id, c.title, c.clauses.map((k) => k.id)]), [
      ['专栏1', '重点工程', ['1', '2']],
      ['一', '支持企业', ['一']],
    ]);
    assert.equal(clause(doc, '一').text, '对企业给予最高100万元奖励。（责任单位：市工信局）');
  });
});
