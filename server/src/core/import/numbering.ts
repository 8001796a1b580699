/**
 * Numbering markers at the start of a paragraph, in every style Chinese policies use:
 * 第一章 / 第一节 / 第一条 第1条 / 一、 / （一） / 1. 1、 1． ⒈ / （1） ⑴ / 1） / ① / 专栏1 专栏一： / 【标题】 /
 * ● and emoji bullets.
 * Works on the analysis copy (simplified, width-folded), so （一） and (一) are one style. The
 * one-character glyphs of PDF copies (⒈ ⑴) are the styles they stand for.
 */
import { parseChineseNumeral } from '../normalise/chineseNumerals';

export type MarkerStyle =
  | 'chapter' // 第一章
  | 'section' // 第一节
  | 'article' // 第一条
  | 'cn' // 一、
  | 'cnParen' // （一）
  | 'num' // 1.  1、
  | 'numParen' // （1）
  | 'numHalf' // 1）
  | 'circled' // ①
  | 'box' // 专栏1
  | 'bracket' // 【支持创新药研发】 on a line of its own (WeChat copies): numbered in order by the outline
  | 'bullet'; // ● and emoji bullets 🔹 ✅ ▶️ 📌

export interface Marker {
  readonly style: MarkerStyle;
  /** The number as written (一, 12, 专栏3); '' for bullets. */
  readonly label: string;
  /** Numeric value of the number, for sequence checks; 0 for bullets. */
  readonly value: number;
  /** Length of the marker including the spaces and separator after it. */
  readonly length: number;
}

const CN = '[一二三四五六七八九十百零〇]{1,4}';
/** 第十条 and, in Taiwan-style and some PDF copies, 第 1 条. */
const ORDINAL = `${CN}|\\d{1,3}`;
const PATTERNS: ReadonlyArray<[MarkerStyle, RegExp]> = [
  ['chapter', new RegExp(`^第\\s*(${ORDINAL})\\s*章\\s*`)],
  ['section', new RegExp(`^第\\s*(${ORDINAL})\\s*节\\s*`)],
  ['article', new RegExp(`^第\\s*(${ORDINAL})\\s*条(?![款件])\\s*`)],
  ['cn', new RegExp(`^(${CN})\\s*[、.]\\s*`)],
  ['cnParen', new RegExp(`^\\(\\s*(${CN})\\s*\\)\\s*`)],
  // 1. but not 1.5亿元; 1、; ⒈ (U+2488…)
  ['num', /^(\d{1,2})\s*(?:\.(?!\d)|、)\s*/],
  ['num', /^([\u2488-\u249b])\s*/],
  ['numParen', /^\(\s*(\d{1,2})\s*\)\s*/],
  // ⑴ (U+2474…)
  ['numParen', /^([\u2474-\u2487])\s*/],
  ['numHalf', /^(\d{1,2})\s*\)\s*/],
  ['circled', /^([①-⑳])\s*/],
  ['box', /^专栏\s*([0-9一二三四五六七八九十]{1,3})\s*[:.、]?\s*/],
  // The marker is the 【 alone: the heading code takes the title out of the brackets. 【苏州市级】 is a portal label.
  ['bracket', /^(【)(?=[^】。；;，,：:!！?？]{2,30}(?<!级)】$)/],
  ['bullet', /^([●•◆■▪▶◇○◾◽▫◼✔✓☑➤➢►]|(?![©®™👆👇❤])\p{Extended_Pictographic})\uFE0F?\s*/u],
];

/** ⒈ and ⑴ as the number they show. */
function glyphDigits(raw: string): string {
  const code = raw.charCodeAt(0);
  if (raw.length === 1 && code >= 0x2474 && code <= 0x249b) return String(((code - 0x2474) % 20) + 1);
  return raw;
}

function valueOf(style: MarkerStyle, label: string): number {
  if (style === 'circled') return label.charCodeAt(0) - 0x2460 + 1;
  if (style === 'bullet' || style === 'bracket') return 0;
  if (/^\d+$/.test(label)) return Number(label);
  return parseChineseNumeral(label) ?? 0;
}

function matchMarker(norm: string, alone: boolean): Marker | undefined {
  for (const [style, pattern] of PATTERNS) {
    const match = pattern.exec(norm);
    if (!match) continue;
    // A marker must be followed by something (a heading or text), not stand alone.
    if ((match[0].length >= norm.length) !== alone && style !== 'box') continue;
    if (alone && (style === 'box' || style === 'bullet')) continue;
    const raw = glyphDigits(match[1]);
    const label = style === 'box' ? `专栏${raw}` : style === 'bullet' || style === 'bracket' ? '' : raw;
    const value = valueOf(style, raw);
    if (style !== 'bullet' && style !== 'bracket' && value <= 0) continue;
    return { style, label, value, length: match[0].length };
  }
  return undefined;
}

/** The marker at the start of `norm` (an analysis copy), if any. */
export function parseMarker(norm: string): Marker | undefined {
  return matchMarker(norm, false);
}

/** A marker that is the whole line (第一章 / 第一条 on a line of their own in PDF copies). */
export function bareMarker(norm: string): Marker | undefined {
  return matchMarker(norm.trim(), true);
}

/** Chinese numeral for 1…99, as policies write chapter numbers (一 … 十二 … 二十一). */
export function chineseNumber(n: number): string {
  const digits = '零一二三四五六七八九';
  if (n < 10) return digits[n];
  if (n < 20) return `十${n % 10 ? digits[n % 10] : ''}`;
  return `${digits[Math.floor(n / 10)]}十${n % 10 ? digits[n % 10] : ''}`;
}
