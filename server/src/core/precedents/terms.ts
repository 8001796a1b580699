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

/** `text` with each blanked span replaced by as many spaces (offsets stay as they were). */
function masked(text: string, blanked: Spans): string {
  if (blanked.length === 0) return text;
  const spans = [...blanked].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const { start, end } of spans) {
    const from = Math.max(at, Math.min(start, text.length));
    const to = Math.min(text.length, end);
    if (to <= from) continue;
    out += text.slice(at, from) + ' '.repeat(to - from);
    at = to;
  }
  return out + text.slice(at);
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

/**
 * Terms are small integers, which V8 keeps unboxed and hashes fast (string terms made indexing three
 * times slower): a concept is -(its index in CONCEPTS + 1), a single character its char code, a
 * bigram BIGRAM_BASE + i₁·CHAR_SLOTS + i₂ where i is a dense character number (CJK first).
 */
export type TermKey = number;
export const BIGRAM_BASE = 0x10000;
const CJK_FIRST = 0x4e00;
const CJK_LAST = 0x9fff;
const CHAR_SLOTS = 32000; // CHAR_SLOTS² + BIGRAM_BASE stays under 2³⁰, V8's small-integer range
const CJK_SLOTS = CJK_LAST - CJK_FIRST + 1;

/**
 * A dense number for a letter: CJK by code point, others hashed into the slots left (rare letters
 * may share one). A function of the letter alone, so every process and thread numbers alike.
 */
function charSlot(code: number): number {
  if (code >= CJK_FIRST && code <= CJK_LAST) return code - CJK_FIRST;
  return CJK_SLOTS + (code % (CHAR_SLOTS - CJK_SLOTS));
}

export function conceptKey(conceptIndex: number): TermKey {
  return -(conceptIndex + 1);
}

export type TermKind = 'concept' | 'unigram' | 'bigram';

export function termKind(key: TermKey): TermKind {
  return key < 0 ? 'concept' : key < BIGRAM_BASE ? 'unigram' : 'bigram';
}

function add(counts: Map<TermKey, number>, term: TermKey, n: number): void {
  counts.set(term, (counts.get(term) ?? 0) + n);
}

const LETTER = /\p{L}/u;

function isLetter(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code >= CJK_FIRST && code <= CJK_LAST) return true; // the common case, without a regex
  if (code < 0x80) return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
  return LETTER.test(text[i]);
}

/** Counts the single characters and within-sentence bigrams of a text's comparable wording. */
function addWording(counts: Map<TermKey, number>, text: string, times: number): void {
  let kept = text;
  for (const pattern of BOILERPLATE) kept = kept.replace(pattern, ' ');
  kept = kept.replace(DIGITS_AND_AMOUNTS, ' ');
  let previous = -1;
  for (let i = 0; i < kept.length; i++) {
    if (!isLetter(kept, i)) {
      if (SENTENCE_BREAK.test(kept[i])) previous = -1;
      continue;
    }
    const code = kept.charCodeAt(i);
    add(counts, code, times);
    const slot = charSlot(code);
    if (previous >= 0) add(counts, BIGRAM_BASE + previous * CHAR_SLOTS + slot, times);
    previous = slot;
  }
}

/** A title names the measure in a few words: its terms count twice. */
const TITLE_TIMES = 2;

/**
 * The terms of a clause (title and text, with `blanked` spans of the text — amounts, rates,
 * department markers — left out) and their counts. A concept counts once however often it appears.
 */
export function clauseTerms(title: string, text: string, blanked: Spans = []): Map<TermKey, number> {
  const counts = new Map<TermKey, number>();
  const kept = masked(text, blanked);
  addWording(counts, title, TITLE_TIMES);
  addWording(counts, kept, 1);
  const plain = `${title}\n${kept}`;
  CONCEPTS.forEach((concept, i) => {
    if (concept.pattern.test(plain)) counts.set(conceptKey(i), 1);
  });
  return counts;
}
