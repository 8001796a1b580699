/**
 * What precedent search compares: character bigrams of a clause's wording, without the parts that
 * must not drive similarity — amounts and numbers (a clause copied with 30% → 50% is still a copy),
 * department markers, punctuation, and the boilerplate every policy repeats.
 */
const BOILERPLATE: readonly RegExp[] = [
  /为(?:深入)?贯彻落实?[^，。；]*[，。；]?/g,
  /具体(?:支持)?(?:措施|政策|办法)?按[^。；]*执行/g,
  /按照?[^。；]{0,20}(?:有关|相关)规定(?:执行|办理)?/g,
  /(?:各|有关)(?:地区|部门|单位)[^。；]{0,10}按职责分工负责/g,
  /(?:符合|满足)(?:相关)?条件的/g,
  /(?:经|通过)(?:认定|评审|审核)(?:后)?/g,
];
const DIGITS_AND_AMOUNTS = /[0-9０-９.．%％‰]+|[零一二三四五六七八九十百千两]+(?=[万亿元%个家项年])|[万亿]?元/g;

/** The wording left for comparison: letters only, boilerplate removed. */
export function comparableWording(text: string, blanked: ReadonlyArray<{ start: number; end: number }> = []): string {
  let kept = text;
  if (blanked.length > 0) {
    const chars = text.split('');
    for (const { start, end } of blanked) for (let i = start; i < end && i < chars.length; i++) chars[i] = ' ';
    kept = chars.join('');
  }
  for (const pattern of BOILERPLATE) kept = kept.replace(pattern, ' ');
  return kept.replace(DIGITS_AND_AMOUNTS, ' ').replace(/[^\p{L}]/gu, '');
}

/**
 * The comparable wording with, for each of its characters, the offset it came from in `text`, so a
 * match found in the wording can be shown in the original.
 */
export function wordingWithOffsets(text: string, blanked: ReadonlyArray<{ start: number; end: number }> = []): { wording: string; offsets: number[] } {
  const masked = text.split('');
  for (const { start, end } of blanked) for (let i = start; i < end && i < masked.length; i++) masked[i] = ' ';
  let kept = masked.join('');
  for (const pattern of [...BOILERPLATE, DIGITS_AND_AMOUNTS]) kept = kept.replace(pattern, (m) => ' '.repeat(m.length));
  let wording = '';
  const offsets: number[] = [];
  for (let i = 0; i < kept.length; i++) {
    if (/\p{L}/u.test(kept[i])) {
      wording += kept[i];
      offsets.push(i);
    }
  }
  return { wording, offsets };
}

/** Bigram counts of a wording. */
export function bigramCounts(wording: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + 1 < wording.length; i++) {
    const gram = wording.slice(i, i + 2);
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}
