/**
 * The title of a numbered item: a heading line (（一）指导思想), or a short run-in first sentence
 * (1.支持重点企业引育。支持……). The rest is the item's text, exactly as written. A first sentence
 * that grants or rules (对新引进企业给予最高100万元奖励。 本措施由……负责解释。) is text, not a title.
 */
import type { Paragraph } from './paragraphs';

export interface SplitHeading {
  readonly title?: string;
  /** The text after the marker and title ('' for a heading line). */
  readonly text: string;
  /** Everything after the marker, as written: the item's text when it has nothing but a title. */
  readonly whole: string;
}

const SENTENCE_PUNCT = /[。；;，,！!？?]/;
/** A run-in title: up to 30 characters without commas or brackets, ended by 。 (or ： after at most 12). */
const RUN_IN = /^([^。；;，,：:！!？?()（）《》]{2,30}?)\s*(?:。|:(?<=^.{2,13}))/;
/** 支持范围包括： / 申报条件如下： introduces the list under it: a sentence, not a title. */
const INTRODUCES_LIST = /(?:包括|如下|以下|下列|主要有|分为)\s*[:：]$/;
const SPREAD_TITLE = /^[\u4e00-\u9fff](?:\s+[\u4e00-\u9fff]|[\u4e00-\u9fff]){1,7}$/u;
/** An amount or a rate: a title names a measure, a sentence with 100万元 or 30% grants one (千亿元级 is a scale). */
const AMOUNT = /[0-9零〇一二两三四五六七八九十百千]\s*(?:万元|亿元|元|%)(?!级)|百分之/;
/** How rules and grants begin (对…给予, 按…, 本办法…, 凡…, 经…, 根据…); titles do not (对接资本市场, 经济运行监测). */
const SENTENCE_START = /^(?:对(?![接标外口])|按(?!需)|给予|本(?![地土])|凡|经(?![济营费验])|根据|依据|为(?![民]))/;

/** 应当符合以下条件： / 须提交以下材料： is a lead-in sentence; 申报条件： is a label. */
const LEAD_IN_WORD = /应当|须|以下|下列|如下|包括/;

export function splitHeading(paragraph: Paragraph, markerLength: number): SplitHeading {
  const text = paragraph.text.slice(markerLength).trim();
  const norm = paragraph.norm.slice(markerLength).trim();
  // 【支持创新药研发】: the title inside the brackets (the marker is the 【).
  if (paragraph.norm.startsWith('【') && markerLength === 1 && text.endsWith('】')) return { title: text.slice(0, -1).trim(), text: '', whole: paragraph.text.trim() };
  const leadIn = /[：:]$/.test(norm) && LEAD_IN_WORD.test(norm);
  if (!SENTENCE_PUNCT.test(norm) && norm.length <= 50 && !INTRODUCES_LIST.test(norm) && !leadIn) {
    let title = text.replace(/[：:]$/, '').trim();
    // 总　　则: spacing that spreads a short title over the line, not part of it.
    if (SPREAD_TITLE.test(title)) title = title.replace(/\s+/g, '');
    return title === '' ? { text: '', whole: text } : { title, text: '', whole: text };
  }
  const runIn = RUN_IN.exec(norm);
  const runInLeadIn = runIn !== null && /[：:]$/.test(runIn[0]) && LEAD_IN_WORD.test(runIn[1]);
  if (runIn && !AMOUNT.test(runIn[1]) && !SENTENCE_START.test(runIn[1]) && !runInLeadIn) {
    const rest = text.slice(runIn[0].length).trim();
    // （八）推动产业主体抱团。 standing alone is a heading over its sub-items; without any, it is text.
    if (!/^[）)】\]]/.test(rest)) return { title: text.slice(0, runIn[1].length).trim(), text: rest, whole: text };
  }
  return { text, whole: text };
}
