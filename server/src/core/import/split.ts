/**
 * One source file → the policy documents in it. Three shapes occur:
 *  - a search-result page: every document starts with a bullet line `• 【苏州市级】Title`;
 *  - a compilation with a table of contents (目录): the contents list the titles in order, and each
 *    document starts where its title (on one to three lines, spacing and bracket widths aside)
 *    stands on lines of its own after the contents;
 *  - plain concatenations: a document starts at a title-shaped line (no sentence punctuation, not
 *    numbered, ending in a document kind such as 措施/方案/意见, or followed by one that does),
 *    except a title repeated after 附件： or announced by the cover notice above it (关于印发《X》的通知
 *    … X: the attachment of a cover letter is the same document).
 * Text before the first title stays with the first document (a portal page's metadata is there).
 */
import { parseMarker } from './numbering';
import { analysisCopy } from './paragraphs';

export interface SourceDocument {
  /** The title as listed (contents / bullet), when the source lists one. */
  readonly title?: string;
  readonly text: string;
  /** Portal level label such as 苏州市级. */
  readonly levelHint?: string;
  /** The group a compilation lists the document under (e.g. 德清县 for 七、德清县国家…试验区). */
  readonly group?: string;
  /** 0-based line where the document starts in the source. */
  readonly line: number;
}

const KIND = '(?:措施|政策|意见|方案|计划|办法|细则|规划|导则|通知|决定|条例|规定|纲要)';
const ENDS_WITH_KIND = new RegExp(`${KIND}\\s*(?:[(（][^()（）]*[)）])?$`);
/** 关于印发《X》的通知 on squashed text (《》 stay): X. */
const COVER = /关于(?:印发|发布|转发|公布)《?(.+?)》?的通知$/;
const BULLET = /^\s*[•·]\s*【([^】]{1,12})】\s*(.+?)\s*$/;
const TOC_HEAD = /^\s*目\s*录\s*$/;
const TOC_ENTRY = /^\s*(?:[-*]\s*)?(\d{1,3})\s*[.、．]\s*(.+?)\s*$/;
const TOC_GROUP = /^\s*(?:[-*]\s*)?([一二三四五六七八九十]{1,3})\s*、\s*(.+?)\s*$/;

/** Comparable form of a title: no spaces, folded width, one kind of bracket and dash. */
export function squashTitle(text: string): string {
  return analysisCopy(text)
    .replace(/\s+/g, '')
    .replace(/[〔【\[]/g, '(')
    .replace(/[〕】\]]/g, ')')
    .replace(/[—–－~～]+/g, '-');
}

function stripPageNumber(entry: string): string {
  return entry.replace(/\s*(?:\.{2,}|…+|·{2,})\s*\d*\s*$/, '').replace(/(?<=[^\d\s-])\s*\d{1,4}$/, '').trim();
}

function fromBullets(lines: readonly string[]): SourceDocument[] | undefined {
  const starts = lines.map((l, i) => (BULLET.test(l) ? i : -1)).filter((i) => i >= 0);
  if (starts.length === 0) return undefined;
  return starts.map((start, k) => {
    const match = BULLET.exec(lines[start])!;
    const end = k + 1 < starts.length ? starts[k + 1] : lines.length;
    return { title: match[2], levelHint: match[1], text: lines.slice(start + 1, end).join('\n'), line: start };
  });
}

interface TocEntry {
  readonly title: string;
  readonly group?: string;
}

function readToc(lines: readonly string[]): { entries: TocEntry[]; end: number } | undefined {
  const head = lines.findIndex((l) => TOC_HEAD.test(l));
  if (head < 0) return undefined;
  const entries: TocEntry[] = [];
  let group: string | undefined;
  let i = head + 1;
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '') continue;
    const entry = TOC_ENTRY.exec(line);
    if (entry) {
      entries.push({ title: stripPageNumber(entry[2]), group });
      continue;
    }
    const g = TOC_GROUP.exec(line);
    if (g && !/[。，；]/.test(g[2])) {
      // 七、德清县国家新一代人工智能创新发展试验区 → 德清县
      group = g[2].replace(/国家.*$/, '') || g[2];
      continue;
    }
    break;
  }
  return entries.length > 0 ? { entries, end: i } : undefined;
}

/** Line where `title` stands alone on one to three consecutive non-blank lines, from `from` on. */
function findTitle(lines: readonly string[], title: string, from: number): number {
  const target = squashTitle(title);
  for (let i = from; i < lines.length; i++) {
    if (lines[i].trim() === '') continue;
    let joined = '';
    for (let j = i, taken = 0; j < lines.length && taken < 3; j++) {
      if (lines[j].trim() === '') continue;
      joined += squashTitle(lines[j]);
      taken++;
      if (joined === target) return i;
      if (!target.startsWith(joined)) break;
    }
  }
  return -1;
}

function fromToc(lines: readonly string[]): SourceDocument[] | undefined {
  const toc = readToc(lines);
  if (!toc) return undefined;
  const found: Array<{ entry: TocEntry; line: number }> = [];
  let cursor = toc.end;
  for (const entry of toc.entries) {
    const line = findTitle(lines, entry.title, cursor);
    if (line < 0) continue; // listed but not found: its text stays with the document before it
    found.push({ entry, line });
    cursor = line + 1;
  }
  if (found.length === 0) return undefined;
  return found.map(({ entry, line }, k) => {
    const end = k + 1 < found.length ? found[k + 1].line : lines.length;
    return { title: entry.title, group: entry.group, text: lines.slice(line, end).join('\n'), line };
  });
}

function isTitleShaped(line: string): boolean {
  const norm = analysisCopy(line.trim());
  return norm.length >= 2 && norm.length <= 70 && !/[。，；：,;:！？]/.test(norm) && !parseMarker(norm) && !/^\d+$/.test(norm);
}

function fromTitleShapes(lines: readonly string[]): SourceDocument[] {
  const starts: number[] = [];
  let previousNonBlank = '';
  let coverOf: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '') continue;
    if (isTitleShaped(line) && !/^附件/.test(previousNonBlank)) {
      // The title group: this line and up to two title-shaped lines after it.
      const group = [i];
      for (let j = i + 1; j < lines.length && group.length < 3; j++) {
        if (lines[j].trim() === '') continue;
        if (isTitleShaped(lines[j])) group.push(j);
        else break;
      }
      const last = group.findIndex((g) => ENDS_WITH_KIND.test(analysisCopy(lines[g].trim())));
      const length = group.slice(0, last + 1).reduce((n, g) => n + analysisCopy(lines[g].trim()).length, 0);
      if (last >= 0 && length >= 8) {
        const title = group.slice(0, last + 1).map((g) => lines[g].trim()).join('');
        // The policy a cover notice (关于印发《X》的通知) has just announced is that notice's document.
        const repeats = coverOf !== undefined && group.slice(0, last + 1).some((_, k) => squashTitle(group.slice(k, last + 1).map((g) => lines[g]).join('')) === coverOf);
        if (!repeats) starts.push(i);
        coverOf = repeats ? undefined : COVER.exec(squashTitle(title))?.[1];
        i = group[last];
      }
    }
    previousNonBlank = lines[i].trim();
  }
  if (starts.length <= 1) return [{ text: lines.join('\n'), line: 0 }];
  starts[0] = 0;
  return starts.map((start, k) => ({ text: lines.slice(start, k + 1 < starts.length ? starts[k + 1] : lines.length).join('\n'), line: start }));
}

export function splitDocuments(text: string): SourceDocument[] {
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  return fromBullets(lines) ?? fromToc(lines) ?? fromTitleShapes(lines);
}
