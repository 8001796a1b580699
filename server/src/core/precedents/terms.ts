/**
 * What precedent search compares: the wording of a clause without the parts that must not drive
 * similarity — amounts and numbers (a clause copied with 30% → 50% is still a copy), department
 * markers, punctuation, and the boilerplate every policy repeats — as terms of three kinds:
 * character bigrams within a sentence, single characters (so 服务券 and 创新券 still share 券) and
 * measure concepts (./concepts: 服务券 and 算力券 are one measure).
 */
import { CONCEPTS } from './concepts';

const BOILERPLATE: readonly RegExp[] = [
  /为(?:深入)?贯彻落实?[^，。；]*[，。；]?/g,
  /具体(?:支持)?(?:措施|政策|办法)?按[^。；]*执行/g,
  /按照?[^。；]{0,20}(?:有关|相关)规定(?:执行|办理)?/g,
  /(?:各|有关)(?:地区|部门|单位)[^。；]{0,10}按职责分工负责/g,
  /(?:符合|满足)(?:相关)?条件的/g,
  /(?:经|通过)(?:认定|评审|审核)(?:后)?/g,
  // Application paperwork (申报材料 lists) reads alike in every policy and says nothing of the measure.
  /(?:营业执照|组织机构代码证|税务登记证|法人身份证)[^。；]{0,12}(?:复印件|副本)/g,
  /(?:申报|申请)(?:书|表)(?:一式[^。；]{0,4}份)?/g,
  /(?:加盖公章|承诺书|信用承诺|真实性承诺)/g,
];
const DIGITS_AND_AMOUNTS = /[0-9０-９.．%％‰]+|[零一二三四五六七八九十百千两]+(?=[万亿元%个家项年])|[万亿]?元/g;
/** Where a sentence ends: bigrams never span one. */
const SENTENCE_BREAK = /[。；;!?！？\n]/;

export type Spans = ReadonlyArray<{ readonly start: number; readonly end: number }>;

function masked(text: string, blanked: Spans): string {
  if (blanked.length === 0) return text;
  const chars = text.split('');
  for (const { start, end } of blanked) for (let i = start; i < end && i < chars.length; i++) chars[i] = ' ';
  return chars.join('');
}

/** The wording left for comparison: letters only, boilerplate removed. */
export function comparableWording(text: string, blanked: Spans = []): string {
  let kept = masked(text, blanked);
  for (const pattern of BOILERPLATE) kept = kept.replace(pattern, ' ');
  return kept.replace(DIGITS_AND_AMOUNTS, ' ').replace(/[^\p{L}]/gu, '');
}

/**
 * The comparable wording with, for each of its characters, the offset it came from in `text`, so a
 * match found in the wording can be shown in the original.
 */
export function wordingWithOffsets(text: string, blanked: Spans = []): { wording: string; offsets: number[] } {
  let kept = masked(text, blanked);
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

/** Term kinds by their first character: concepts `#id`, single characters `~字`, else a bigram. */
export const CONCEPT_PREFIX = '#';
export const UNIGRAM_PREFIX = '~';

function add(counts: Map<string, number>, term: string, n = 1): void {
  counts.set(term, (counts.get(term) ?? 0) + n);
}

function addWording(counts: Map<string, number>, text: string, blanked: Spans, times = 1): void {
  for (const sentence of masked(text, blanked).split(SENTENCE_BREAK)) {
    const wording = comparableWording(sentence);
    for (let i = 0; i < wording.length; i++) {
      add(counts, UNIGRAM_PREFIX + wording[i], times);
      if (i + 1 < wording.length) add(counts, wording.slice(i, i + 2), times);
    }
  }
}

/** A title names the measure in a few words: its terms count twice. */
const TITLE_TIMES = 2;

/**
 * The terms of a clause (title and text, with `blanked` spans of the text — amounts, rates,
 * department markers — left out) and their counts. A concept counts once however often it appears.
 */
export function clauseTerms(title: string, text: string, blanked: Spans = []): Map<string, number> {
  const counts = new Map<string, number>();
  addWording(counts, title, [], TITLE_TIMES);
  addWording(counts, text, blanked);
  const plain = `${title}\n${masked(text, blanked)}`;
  for (const concept of CONCEPTS) if (concept.pattern.test(plain)) counts.set(CONCEPT_PREFIX + concept.id, 1);
  return counts;
}

/** Bigram counts of a wording. */
export function bigramCounts(wording: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + 1 < wording.length; i++) add(counts, wording.slice(i, i + 2));
  return counts;
}
