/**
 * Measure concepts: the kinds of support Chinese industrial policies give, each with the wordings
 * policies use for it. Character n-grams miss that 服务券, 创新券 and 算力券 are one measure, or that
 * 首台（套） and 首版次 go together; a concept term shared by two clauses says so. How much a concept
 * counts is left to its IDF over the corpus, so a concept most clauses mention (平台) weighs little.
 *
 * `measure` concepts are instruments (what is given, for what); `topic` concepts are fields the
 * measure is about (芯片, 智能网联汽车) and weigh less.
 */
export interface Concept {
  readonly id: string;
  readonly label: string;
  readonly kind: 'measure' | 'topic';
  readonly pattern: RegExp;
}

const measure = (id: string, label: string, pattern: RegExp): Concept => ({ id, label, kind: 'measure', pattern });
const topic = (id: string, label: string, pattern: RegExp): Concept => ({ id, label, kind: 'topic', pattern });

export const CONCEPTS: readonly Concept[] = [
  measure('voucher', '券（服务券·创新券·算力券）', /(?:服务|创新|算力|科技|云|数据|人才|消费|技术|应用|模型)券|券额|发放[^。；]{0,8}券/),
  measure('standard', '标准制定', /标准(?:的)?(?:制定|制修订|修订|研制)|(?:制定|制修订|修订|主导|参与|牵头)[^。；，,]{0,16}标准|标准化/),
  measure('first-of-kind', '首台（套）·首版次·首批次', /首台|首套|首版次|首批次|首购|首用|首发/),
  measure('headquarters', '总部', /总部/),
  measure('relocation', '落户·迁入·新设', /落户|迁入|迁至|新注册|新设立|新引进|来[^。；，,]{0,4}设立|招引/),
  measure('listing', '上市·挂牌', /上市|挂牌|新三板|科创板|创业板|北交所|IPO|股改/i),
  measure('interest', '贴息·融资成本', /贴息|利息|融资成本|融资费用/),
  measure('guarantee', '担保·风险补偿', /担保|风险补偿|风险池|风险分担|知识产权质押|质押融资/),
  measure('loan', '贷款·信贷', /贷款|信贷|授信|银行/),
  measure('insurance', '保险·保费', /保险|保费/),
  measure('fund', '基金·股权投资', /基金|天使投资|风险投资|创业投资|股权投资|投贷联动/),
  measure('scenario', '应用场景', /场景/),
  measure('demonstration', '示范·试点·标杆', /示范|试点|标杆|样板/),
  measure('talent-introduction', '人才引进', /人才引进|引进[^。；]{0,10}(?:人才|团队|专家|科学家)|领军人才|高端人才|顶尖人才|高层次人才|创新团队|人才团队|人才计划|千人计划|院士/),
  measure('talent-training', '人才培养·培训', /培养|培训|实训|学科|专业建设|教育|职业技能|研究生|学院/),
  measure('talent-services', '人才安居·服务', /住房|安居|人才公寓|购房|租房补贴|子女入学|医疗保障|绿卡|人才服务/),
  measure('award-rank', '荣誉·认定奖励', /称号|荣誉|评为|认定为|入选|获评|获批/),
  measure('data-opening', '数据开放共享', /数据开放|开放[^。；]{0,6}数据|公共数据|数据共享|政务数据|数据资源/),
  measure('data-market', '数据标注·交易', /数据标注|数据交易|数据集|语料|训练数据|数据要素/),
  measure('platform', '公共服务·创新平台', /平台/),
  measure('compute', '算力·计算中心', /算力|计算中心|超算|智算|云计算|数据中心/),
  measure('rd-investment', '研发投入补助', /研发投入|研发费用|研发经费|研发投资/),
  measure('equipment', '设备投资·技术改造', /设备购置|购置设备|设备投资|技术改造|技改|固定资产投资|生产线/),
  measure('ip', '知识产权·专利', /知识产权|专利|软件著作权|著作权/),
  measure('event', '会议·赛事·展会', /会议|峰会|论坛|赛事|大赛|竞赛|展会|博览会|展览|活动/),
  measure('merger', '兼并重组', /兼并|重组|并购/),
  measure('institute', '研究院·新型研发机构', /研究院|新型研发机构|研发机构|研究机构|实验室|创新中心|技术中心|工程中心|研发中心/),
  measure('breakthrough', '关键技术攻关', /攻关|揭榜|卡脖子|核心技术|关键技术|共性技术|基础研究/),
  measure('enterprise-tiers', '企业梯度培育', /领军企业|龙头企业|骨干企业|头雁|独角兽|瞪羚|梯度培育|专精特新|小巨人|高新技术企业|雏鹰/),
  measure('procurement', '政府采购', /政府采购|采购/),
  measure('space', '用地·用房·租金', /用地|用房|租金|房租|厂房|办公场所|场地|楼宇/),
  measure('cluster', '产业园·集聚区', /产业园|集聚区|产业基地|先导区|创新区|小镇|园区/),
  measure('incubation', '孵化·众创空间', /孵化|众创空间|加速器|创客/),
  measure('cooperation', '产学研合作·联盟', /产学研|协同创新|联盟|合作/),
  measure('tax', '税收优惠', /税收|税费|减免|所得税|加计扣除|返还/),
  measure('service', '审批·营商服务', /审批|放管服|一站式|一企一策|一事一议|绿色通道|服务专员/),
  measure('governance', '伦理·安全·法规', /伦理|安全|法规|法律|监管|隐私|规范/),
  measure('opensource', '开源', /开源/),
  measure('international', '国际合作·外资', /国际|海外|境外|外资|跨国/),
  measure('publicity', '宣传·科普', /宣传|科普|推介|品牌/),
  topic('chips', '芯片·集成电路', /芯片|集成电路|半导体|传感器|处理器/),
  topic('robots', '机器人', /机器人/),
  topic('vehicles', '智能网联汽车', /智能网联|自动驾驶|车联网|无人驾驶|智能汽车/),
  topic('health', '医疗健康', /医疗|医院|健康|医药|药/),
  topic('manufacturing', '智能制造·工业互联网', /智能制造|工业互联网|智能工厂|数字化车间|制造业/),
  topic('networks', '网络·5G', /5G|基站|网络基础设施|物联网/),
  topic('models', '大模型·算法', /大模型|模型|算法/),
  topic('software', '软件', /软件/),
  topic('education', '教育', /中小学|课程|智慧教育/),
  topic('city', '智慧城市·政务', /智慧城市|城市大脑|政务|社会治理|交通/),
];

/** The ids of the concepts a text mentions, in lexicon order. */
export function conceptsOf(text: string): Concept[] {
  return CONCEPTS.filter((c) => c.pattern.test(text));
}
