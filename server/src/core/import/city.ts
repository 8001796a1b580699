/**
 * The jurisdiction (SPEC §4): the government as it names itself, without 市/省; districts, counties
 * and parks with their parent city first (苏州工业园区, 广州黄埔区, 北京海淀区, 上海闵行区, 德清县).
 * Read from the title first, then the issuer, then the text.
 */

/** Districts and parks, most specific first: [pattern, jurisdiction]. */
const LOCAL: ReadonlyArray<[RegExp, string]> = [
  [/苏州工业园区|园区党工委|园区管委会|苏园[工管]/, '苏州工业园区'],
  [/广州市?黄埔区|广州开发区/, '广州黄埔区'],
  [/中关村科学城|海淀区|海淀园/, '北京海淀区'],
  [/马桥人工智能|闵行区/, '上海闵行区'],
  [/德清县|德清/, '德清县'],
  // 杭州高新区（滨江） is one government with 滨江区, named like 广州开发区 → 广州黄埔区.
  [/杭州高新区|杭州市?滨江区/, '杭州滨江区'],
];

/** Cities and provinces named without 市/省. */
const CITIES = [
  '北京', '上海', '天津', '重庆', '深圳', '杭州', '合肥', '成都', '西安', '济南', '广州', '武汉', '苏州', '长沙', '郑州', '沈阳',
  '哈尔滨', '南京', '无锡', '宁波', '青岛', '厦门', '福州', '南昌', '长春', '大连', '昆明', '贵阳', '南宁', '太原', '石家庄',
];
const PROVINCES = [
  '江苏', '浙江', '安徽', '广东', '山东', '河南', '湖北', '湖南', '四川', '陕西', '辽宁', '福建', '河北', '江西', '山西', '吉林',
  '黑龙江', '海南', '贵州', '云南', '甘肃', '青海', '内蒙古', '广西', '西藏', '宁夏', '新疆',
];

/** Words that start a policy's subject, never part of a district's or park's name. */
const NOT_NAME = '(?!关于|促进|支持|加快|推进|推动|进一步|打造|建设|实施|发展|培育|重点|全|各)';
/** A parent city: a known one (市 optional) or any other name with 市. */
const PARENT = `(${CITIES.join('|')})市?|${NOT_NAME}([\\u4e00-\\u9fa5]{2,3}?)(?<!城)市`;
/** 佛山市…, 江西省…: any name before 市/省 at the start, but no 城市 or subject verb. */
const GENERIC_CITY = new RegExp(`^(?:关于)?${NOT_NAME}([\\u4e00-\\u9fa5]{2,4}?)(?<!城)(?:市|省)`);
/** 东湖新技术开发区, 经济技术开发区, 高新区: a park after its city. */
const PARK = new RegExp(
  `^(?:关于)?(?:${PARENT})((?:${NOT_NAME}[\\u4e00-\\u9fa5]){0,6}?(?:高新技术产业开发区|经济技术开发区|新技术开发区|开发区|高新区))(?![\\u4e00-\\u9fa5]{0,2}(?:区域|片区))`,
);
/** 余杭区, 江宁区, 滨海新区, 某某县: 1–3 characters and 区/县, not a common noun in 区 (示范区, 区域). */
const DISTRICT_NAME = `((?:${NOT_NAME}[\\u4e00-\\u9fa5]){1,3}?(?:新区|区|县))(?![域块间位划别])`;
const GENERIC_AREA = /^(?:示范|试验|先行|集聚|聚集|功能|保税|自贸|核心|承载|产业|园|城|社|景|片|老|山|库|矿|灾|辖|本|我|开发|高新|新)区$/;
/** 深圳市南山区关于… / 天津市滨海新区人民政府: a district of a city at the start of a title or issuer. */
const DISTRICT = new RegExp(`^(?:关于)?(?:${PARENT})${DISTRICT_NAME}`);
/** 江宁区促进…: a district named without its city. */
const BARE_DISTRICT = new RegExp(`^(?:关于)?${DISTRICT_NAME}(?=关于|人民政府|政府|管委会|委员会|办公室|促进|加快|支持|推进|推动|打造|进一步|[^\\u4e00-\\u9fa5]|$)`);
/** 江苏省…, 广东省人民政府办公厅: a province at the start. */
const PROVINCE = new RegExp(`^(?:关于)?(${PROVINCES.join('|')})(?:省|(?:壮族|回族|维吾尔)?自治区)`);

/** 苏州市…: a city named with 市 (after its province). */
const CITY_NAMED = new RegExp(`^${NOT_NAME}[\\u4e00-\\u9fa5]{2,3}?(?<!城)市`);

export interface Jurisdiction {
  readonly city: string;
  /** Set when the name is known to be incomplete. */
  readonly warning?: string;
}

function parentOf(match: RegExpExecArray): string {
  return match[1] ?? match[2];
}

function localOf(text: string): string | undefined {
  const park = PARK.exec(text);
  if (park) return parentOf(park) + park[3];
  const district = DISTRICT.exec(text);
  if (district && !GENERIC_AREA.test(district[3])) return parentOf(district) + district[3];
  return undefined;
}

function fromText(text: string, head = false): string | undefined {
  for (const [pattern, city] of LOCAL) if (pattern.test(text)) return city;
  if (head) {
    const local = localOf(text);
    if (local) return local;
    const province = PROVINCE.exec(text);
    if (province) {
      // 江苏省苏州市…: the city under the province governs.
      const rest = text.slice(province[0].length);
      const city = CITY_NAMED.test(rest) || CITIES.some((c) => rest.startsWith(c)) ? fromText(rest, true) : undefined;
      return city ?? province[1];
    }
  }
  let best: { city: string; at: number } | undefined;
  for (const city of CITIES) {
    const at = text.indexOf(city);
    if (at >= 0 && (!best || at < best.at)) best = { city, at };
  }
  if (best) return best.city;
  const generic = GENERIC_CITY.exec(text);
  if (generic) return generic[1];
  for (const province of PROVINCES) if (text.includes(`${province}省`)) return province;
  return undefined;
}

/** Jurisdiction from the title, else the issuer, else the opening of the text. */
export function deriveCity(title: string, issuer: string | undefined, text: string): string | undefined {
  return fromText(title, true) ?? (issuer ? fromText(issuer, true) : undefined) ?? fromText(text.slice(0, 400));
}

/** deriveCity, else a district named without its city (江宁区…), which is kept with a warning. */
export function deriveJurisdiction(title: string, issuer: string | undefined, text: string): Jurisdiction | undefined {
  const city = deriveCity(title, issuer, text);
  if (city) return { city };
  const bare = BARE_DISTRICT.exec(title) ?? (issuer ? BARE_DISTRICT.exec(issuer) : null);
  if (bare && !GENERIC_AREA.test(bare[1])) {
    return { city: bare[1], warning: `city: ${bare[1]} is named without its parent city; write it with the city first (SPEC §4)` };
  }
  return undefined;
}

/** Level implied by a jurisdiction when no source states one. */
export function levelOfCity(city: string): '省级' | '市级' | '区县级' | '园区级' {
  if (PROVINCES.includes(city)) return '省级';
  if (/园区$|开发区$|高新区$/.test(city)) return '园区级';
  if (/[区县]$/.test(city)) return '区县级';
  return '市级';
}
