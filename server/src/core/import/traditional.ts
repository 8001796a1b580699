/**
 * Traditional → simplified characters common in policy text, one character for one, so offsets in
 * the simplified copy are offsets in the original. The copy is only used to detect structure,
 * markers and amounts; clause text stays as written.
 */
const PAIRS =
  '與与於于國国發发業业產产實实應应對对為为會会這这個个們们從从來来關关區区經经電电體体點点數数術术' +
  '進进號号條条項项資资標标準准設设計计劃划員员廣广東东萬万億亿補补貼贴獎奖勵励費费資资額额範范圍围' +
  '責责單单門门負负協协辦办務务總总體体導导機机構构創创新新級级縣县區区園园鎮镇廳厅處处屬属準准則则' +
  '專专項项組组織织營营運运環环境境權权證证認认據据維维護护舉举辦办併并購购優优勢势強强領领網网絡络' +
  '雲云數数據据庫库聯联鏈链場场應应產产學学研研開开發发團团隊队訓训練练職职稱称獲获給给予予與与補补' +
  '貸贷貼贴擔担險险債债稅税費费務务參参閱阅規规劃划範范準准級级區区縣县鄉乡鎮镇際际內内兩两條条並并' +
  '為为於于當当時时間间後后歷历個个們们這这樣样麼么還还進进過过邊边達达遠远適适選选遞递連连週周遊游' +
  '車车軟软輔辅輸输轉转農农醫医療疗藥药衛卫華华蘇苏滬沪粵粤贛赣閩闽遼辽瀋沈陽阳濟济鄭郑漢汉軍军豐丰' +
  '財财長长訂订驗验測测試试質质價价書书圖图積积極极類类紀纪錄录獨独頭头龍龙級级對对區区則则';

const MAP: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  const chars = [...PAIRS];
  for (let i = 0; i + 1 < chars.length; i += 2) map.set(chars[i], chars[i + 1]);
  return map;
})();

/** Same length as the input: every character is replaced by at most one character. */
export function toSimplified(text: string): string {
  let out = '';
  for (const ch of text) out += MAP.get(ch) ?? ch;
  return out;
}
