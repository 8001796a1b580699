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
const PROVINCES = ['江苏', '浙江', '安徽', '广东', '山东', '河南', '湖北', '湖南', '四川', '陕西', '辽宁', '福建', '河北', '江西'];

/** 深圳市南山区关于… / 天津市滨海新区人民政府: a district of a known city at the start of a title or issuer. */
const DISTRICT = new RegExp(
  `^(?:关于)?(${CITIES.join('|')})市?([\\u4e00-\\u9fa5]{2,3}?(?:新区|区|县))(?=关于|人民政府|政府|管委会|委员会|办公室|促进|加快|支持|推进|进一步|[^\\u4e00-\\u9fa5]|$)`,
);

function fromText(text: string, head = false): string | undefined {
  for (const [pattern, city] of LOCAL) if (pattern.test(text)) return city;
  const district = head ? DISTRICT.exec(text) : null;
  if (district) return district[1] + district[2];
  let best: { city: string; at: number } | undefined;
  for (const city of CITIES) {
    const at = text.indexOf(city);
    if (at >= 0 && (!best || at < best.at)) best = { city, at };
  }
  if (best) return best.city;
  const generic = /^(?:关于)?([\u4e00-\u9fa5]{2,4}?)(?:市|省)/.exec(text);
  if (generic) return generic[1];
  for (const province of PROVINCES) if (text.includes(`${province}省`)) return province;
  return undefined;
}

/** Jurisdiction from the title, else the issuer, else the opening of the text. */
export function deriveCity(title: string, issuer: string | undefined, text: string): string | undefined {
  return fromText(title, true) ?? (issuer ? fromText(issuer, true) : undefined) ?? fromText(text.slice(0, 400));
}

/** Level implied by a jurisdiction when no source states one. */
export function levelOfCity(city: string): '市级' | '区县级' | '园区级' {
  if (/园区$|开发区$|高新区$/.test(city)) return '园区级';
  if (/[区县]$/.test(city)) return '区县级';
  return '市级';
}
