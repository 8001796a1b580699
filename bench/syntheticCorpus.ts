/**
 * Synthetic precedent corpora of any size, made deterministically from the real corpus clauses the
 * way other cities' policies differ from each other: other jurisdictions, other amounts, wording
 * swapped for its usual synonyms, sentences dropped, reordered or borrowed from another clause, and
 * a field of application named. A million clauses read like a national library of policies.
 */
import { prng } from './fuzzLib';

export interface BaseClause {
  readonly title: string;
  readonly text: string;
}

export interface SyntheticClause {
  readonly city: string;
  readonly inForce: boolean;
  readonly title: string;
  readonly text: string;
}

const CITIES = [
  '北京', '天津', '石家庄', '太原', '呼和浩特', '沈阳', '大连', '长春', '哈尔滨', '上海', '南京', '无锡', '徐州', '常州', '苏州', '南通',
  '杭州', '宁波', '温州', '嘉兴', '湖州', '绍兴', '金华', '合肥', '芜湖', '福州', '厦门', '泉州', '南昌', '济南', '青岛', '烟台', '潍坊',
  '郑州', '洛阳', '武汉', '宜昌', '襄阳', '长沙', '株洲', '广州', '深圳', '珠海', '佛山', '东莞', '中山', '南宁', '海口', '重庆', '成都',
  '绵阳', '贵阳', '昆明', '西安', '兰州', '西宁', '银川', '乌鲁木齐', '拉萨', '唐山', '保定', '廊坊', '盐城', '扬州', '镇江', '泰州',
];
const DISTRICTS = ['', '高新区', '经开区', '新区', '滨海新区', '东区', '西区', '南区', '北区', '工业园区', '软件园', '科学城', '自贸片区'];

/** Wordings policies use interchangeably. */
const SYNONYMS: ReadonlyArray<readonly [string, string]> = [
  ['支持', '鼓励'], ['给予', '予以'], ['最高', '不超过'], ['奖励', '补助'], ['补贴', '资助'], ['企业', '单位'], ['我市', '本区'],
  ['人工智能', '智能'], ['项目', '工程'], ['平台', '载体'], ['建设', '打造'], ['推动', '推进'], ['加快', '加速'], ['认定', '评定'],
  ['重点', '重要'], ['一次性', '一次'], ['按照', '按'], ['开展', '实施'], ['引进', '引育'], ['培育', '培养'],
];
const FIELDS = [
  '在智能网联汽车领域', '围绕集成电路产业', '面向智能制造', '聚焦生物医药', '在智慧医疗方面', '围绕工业互联网', '面向智慧城市',
  '在金融科技领域', '聚焦数字文旅', '围绕新能源', '在智慧农业方面', '面向智慧教育', '聚焦低空经济', '围绕机器人产业',
];

const SENTENCE = /[^。；]+[。；]?/g;

function sentencesOf(text: string): string[] {
  return text.match(SENTENCE) ?? [text];
}

/** Clause number `i` of the synthetic corpus `seed`: random access, so no one needs to keep the texts. */
export function syntheticClause(base: readonly BaseClause[], i: number, seed: number): SyntheticClause {
  const rand = prng(Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(i + 1, 0xc2b2ae35));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)];
  const source = pick(base);
  let sentences = sentencesOf(source.text);
  if (sentences.length > 1 && rand() < 0.2) sentences.splice(Math.floor(rand() * sentences.length), 1);
  if (sentences.length > 1 && rand() < 0.2) sentences.reverse();
  if (rand() < 0.3) sentences.push(pick(sentencesOf(pick(base).text)));
  if (rand() < 0.3) sentences[0] = pick(FIELDS) + '，' + sentences[0];
  let text = sentences.join('');
  let title = source.title;
  for (const [a, b] of SYNONYMS) {
    if (rand() < 0.25) {
      text = text.split(a).join(b);
      title = title.split(a).join(b);
    }
  }
  // Other amounts: policies of different places give different sums for the same measure.
  const factor = [0.5, 0.8, 1, 1.5, 2, 3][Math.floor(rand() * 6)];
  text = text.replace(/(\d+(?:\.\d+)?)(\s*(?:万元|亿元|万|元))/g, (_, n: string, unit: string) => `${Math.round(Number(n) * factor * 100) / 100}${unit}`);
  return { city: pick(CITIES) + pick(DISTRICTS), inForce: rand() < 0.4, title, text };
}

/** Clauses 0 … count − 1 of the synthetic corpus `seed`. */
export function* syntheticClauses(base: readonly BaseClause[], count: number, seed: number): Generator<SyntheticClause> {
  for (let i = 0; i < count; i++) yield syntheticClause(base, i, seed);
}
