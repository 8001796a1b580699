/**
 * Canonical department names: 苏州市工业和信息化局, 市工业和信息化局, 市工信局 and 工信局 all become
 * `市|工业和信息化局`, so registry look-ups and comparisons see one body. Renamed bodies map to their
 * current name (经信委 → 工业和信息化局; 银保监分局 → 金融监管分局).
 */
import { normaliseDepartmentName } from '../normalise/departments';
import { RecentCache } from '../text/recentCache';

/** Short form → full form of the body's own name (without the 市/区 prefix). */
const ABBREVIATIONS: ReadonlyArray<[RegExp, string]> = [
  [/^(?:工信局|工业和信息化局|经信局|经信委|经济和信息化委员会|经济和信息化局|工业和信息化委员会|经济信息化局|经济信息委|经信办)$/, '工业和信息化局'],
  [/^(?:发改委|发展改革委|发展和改革委员会|发改局|发展和改革局|发展改革局)$/, '发展和改革委员会'],
  [/^(?:科技局|科学技术局|科委|科学技术委员会|科技委|科技创新局)$/, '科学技术局'],
  [/^(?:财政局|财政厅)$/, '财政局'],
  [/^(?:商务局|商务委|商务委员会)$/, '商务局'],
  [/^(?:人社局|人力资源社会保障局|人力资源和社会保障局|人力社保局)$/, '人力资源和社会保障局'],
  [/^(?:市场监管局|市场监督管理局|市监局|质监局|工商局)$/, '市场监督管理局'],
  [/^(?:教育局|教委|教育委员会)$/, '教育局'],
  [/^(?:住建局|住房城乡建设局|住房和城乡建设局|住建委|住房和城乡建设委员会)$/, '住房和城乡建设局'],
  [/^(?:网信办|互联网信息办公室|委网信办)$/, '互联网信息办公室'],
  [/^(?:大数据局|大数据管理局|大数据中心|数据局|数据资源局|政务服务和大数据管理局|政务服务数据管理局)$/, '数据局'],
  [/^(?:地方金融监管局|金融监管局|地方金融监督管理局|金融办|金融工作办公室|金融工作局|地方金融局)$/, '地方金融监督管理局'],
  [/^(?:国资委|国有资产监督管理委员会)$/, '国有资产监督管理委员会'],
  [/^(?:知识产权局)$/, '知识产权局'],
  [/^(?:统计局)$/, '统计局'],
  [/^(?:税务局)$/, '税务局'],
  [/^(?:卫健委|卫生健康委|卫生健康委员会|卫生和计划生育委员会|卫计委)$/, '卫生健康委员会'],
  [/^(?:交通局|交通运输局|交通委|交通运输委员会)$/, '交通运输局'],
  [/^(?:生态环境局|环保局|环境保护局)$/, '生态环境局'],
  [/^(?:文旅局|文化广电和旅游局|文化和旅游局|文广旅局|文广新局)$/, '文化广电和旅游局'],
  [/^(?:政务办|政务服务办|政务服务管理办公室|行政审批局|政务服务管理局|行政审批服务局)$/, '政务服务管理办公室'],
  [/^(?:应急局|应急管理局|安监局)$/, '应急管理局'],
  [/^(?:自然资源局|自然资源和规划局|规划和自然资源局|国土局|规划局)$/, '自然资源和规划局'],
  [/^(?:农业农村局|农委|农业局)$/, '农业农村局'],
  [/^(?:公安局)$/, '公安局'],
  [/^(?:司法局)$/, '司法局'],
  [/^(?:民政局)$/, '民政局'],
  [/^(?:审计局)$/, '审计局'],
  [/^(?:外办|外事办|外事办公室|人民政府外事办公室)$/, '外事办公室'],
  [/^(?:银保监分局|银保监局|金融监管分局|国家金融监督管理总局.*分局)$/, '金融监管分局'],
  [/^(?:人民银行.*(?:中心支行|分行|支行)|人行.*(?:中心支行|分行)|人民银行)$/, '人民银行分支机构'],
  [/^(?:委组织部|组织部)$/, '委组织部'],
  [/^(?:委宣传部|宣传部)$/, '委宣传部'],
  [/^(?:委编办|编办|机构编制委员会办公室)$/, '委编办'],
];

/** 区县级 prefixes are kept apart from 市: 区工信局 is not 市工信局. */
const LEVEL_PREFIX = /^(省|市|区|县|新区|园区|开发区|高新区)/;

export interface CanonicalName {
  /** `市|工业和信息化局`; bodies without a level prefix get an empty level. */
  readonly key: string;
  readonly level: string;
  readonly body: string;
}

/** Names are canonicalised for every registry entry and every department of a draft, on every keystroke. */
const canonicalCache = new RecentCache<CanonicalName>(20000);

/** Canonical form of a department name, for a document of `city` (its name is stripped as a prefix). */
export function canonicalDepartment(name: string, city?: string): CanonicalName {
  const cacheKey = `${city ?? ''}\u0000${name}`;
  const known = canonicalCache.get(cacheKey);
  if (known) return known;
  const canonical = computeCanonical(name, city);
  canonicalCache.set(cacheKey, canonical);
  return canonical;
}

function computeCanonical(name: string, city?: string): CanonicalName {
  let value = normaliseDepartmentName(name);
  if (city) {
    const cityName = normaliseDepartmentName(city);
    for (const prefix of [`${cityName}市`, `${cityName}省`, cityName]) {
      if (value.startsWith(prefix) && value.length > prefix.length) {
        value = (prefix.endsWith('省') ? '省' : prefix.endsWith('市') || prefix === cityName ? '市' : '') + value.slice(prefix.length);
        break;
      }
    }
  }
  const level = LEVEL_PREFIX.exec(value)?.[1] ?? '';
  let body = value.slice(level.length);
  // A province's 厅 is a city's 局: 省科技厅 is the province's 科学技术局.
  const asBureau = level === '省' ? body.replace(/厅$/, '局') : body;
  for (const [pattern, full] of ABBREVIATIONS) {
    if (pattern.test(body) || pattern.test(asBureau)) {
      body = full;
      break;
    }
  }
  // A name without 市/区 prefix (工信局) inside a city's policy means the city's own body.
  const effectiveLevel = level === '' && /局|委|办$/.test(body) && city ? '市' : level;
  return { key: `${effectiveLevel}|${body}`, level: effectiveLevel, body };
}

const STANDARD_BODIES = new Set(ABBREVIATIONS.map(([, full]) => full));

/** A standard municipal or district bureau (财政局, 工业和信息化局 …): valid in any city. */
export function isStandardBody(name: string, city?: string): boolean {
  const { level, body } = canonicalDepartment(name, city);
  return (level === '市' || level === '区' || level === '县' || level === '省') && STANDARD_BODIES.has(body);
}

/** Collective bodies (各县级市（区）人民政府, 各区政府, 各地) are always valid names. */
export function isCollectiveBody(name: string): boolean {
  return /^(?:各|全市各|有关|相关)/.test(normaliseDepartmentName(name));
}
