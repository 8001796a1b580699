/** Chinese numerals below 一万 as policies write them in amounts: 五百, 一千, 两, 一百五十, 十. */
const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const MULTIPLIERS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

export const CHINESE_NUMERAL = '[零〇一二两三四五六七八九十百千]+';

export function parseChineseNumeral(text: string): number | undefined {
  let total = 0;
  let digit: number | undefined;
  for (const ch of text) {
    if (ch in DIGITS) {
      if (digit !== undefined && digit !== 0) return undefined; // 五五 is not a number
      digit = DIGITS[ch];
    } else if (ch in MULTIPLIERS) {
      total += (digit ?? 1) * MULTIPLIERS[ch];
      digit = undefined;
    } else return undefined;
  }
  return total + (digit ?? 0);
}
