/**
 * Responsibility markers in clause text, in every form real policies use:
 *   （责任单位：市工信局、市财政局）   (责任部门:市发改委,各县级市〈区〉人民政府〈管委会〉)
 *   （牵头单位：市科技局；配合单位：市财政局、市工信局）   （市工信局、市财政局负责）
 *   （市科技局牵头，市财政局配合）   责任单位：市工信局（at the end, without brackets）
 * The first name of a plain list, or every 牵头 name, is the lead.
 */
import type { DepartmentMarker, DepartmentName } from './types';
import { foldWidth } from './width';

const LEAD_LABEL = /^(?:牵头单位|牵头部门|主责单位|主责部门|牵头)$/;
const SUPPORT_LABEL = /^(?:配合单位|配合部门|参与单位|参与部门|协同单位|协办单位|协助单位|配合)$/;
const LABEL = '(?:责任单位|责任部门|负责单位|负责部门|实施单位|实施部门|责任主体|主责单位|主责部门|牵头单位|牵头部门|配合单位|配合部门|参与单位|参与部门|协同单位|协办单位|协助单位)';
const LABEL_AT_START = new RegExp(`^\\s*${LABEL}\\s*[:：]`);
const LABEL_SEGMENT = new RegExp(`(${LABEL})\\s*[:：]`, 'g');
const BARE_LABEL = new RegExp(`${LABEL}\\s*[:：]`, 'g');
const OPEN = '（(〈<《【[〔';
const CLOSE = '）)〉>》】]〕';
const MARKER_OPEN = '（(【[〔';
const DEPARTMENT_END = /(?:局|委|办|厅|部|中心|院|会|政府|管委会|集团|公司|银行|行|所|处|室|署|社|协会|联合会|总工会|团市委|团委|海关|分局|支队|大队|科|站|馆|台|法院|检察院|党校|组|(?:\(|（|〈)[^)）〉]*(?:\)|）|〉))$/;
const DEPARTMENT_START = /^(?:市|区|县|省|各|全市|自治区|新区|园区|开发区|高新区)/;

interface Piece {
  readonly text: string;
  readonly start: number;
}

/** Index of the bracket that closes the one at `open`, counting nested brackets; -1 when unclosed. */
function matchingClose(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (OPEN.includes(text[i])) depth++;
    else if (CLOSE.includes(text[i])) {
      depth--;
      if (depth === 0) return i;
    }
    if (text[i] === '\n' || text[i] === '。') return -1;
  }
  return -1;
}

/** Splits a name list on 、，,；; and spaces, outside brackets; keeps each piece's offset. */
function splitNames(text: string, offset: number, separators = /[、，,；;\s]/): Piece[] {
  const pieces: Piece[] = [];
  let depth = 0;
  let start = 0;
  const flush = (end: number): void => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const name = raw.trim();
    if (name !== '') pieces.push({ text: name, start: offset + start + lead });
  };
  for (let i = 0; i < text.length; i++) {
    if (OPEN.includes(text[i])) depth++;
    else if (CLOSE.includes(text[i])) depth = Math.max(0, depth - 1);
    else if (depth === 0 && separators.test(text[i])) {
      flush(i);
      start = i + 1;
    }
  }
  flush(text.length);
  return pieces;
}

/** Drops trailing 等 and 按职责分工负责-like tails, which are not part of a name. */
function cleanName(piece: Piece): DepartmentName | undefined {
  let name = piece.text;
  for (let previous = ''; previous !== name;) {
    previous = name;
    name = name.replace(/(?:等(?:部门|单位)?|按职责分工负责|按职责负责|分别负责|负责|牵头|配合)$/, '').trim();
  }
  if (name === '' || /^(?:按职责分工|各有关部门按职责分工|相关部门)$/.test(name)) return undefined;
  return { name, start: piece.start, end: piece.start + name.length };
}

function looksLikeDepartment(name: string): boolean {
  return DEPARTMENT_END.test(name) || DEPARTMENT_START.test(name);
}

/** `责任单位：A、B；配合单位：C` → lead/support. */
function parseLabelled(content: string, offset: number): { lead: DepartmentName[]; support: DepartmentName[] } {
  const lead: DepartmentName[] = [];
  const support: DepartmentName[] = [];
  const labels = [...content.matchAll(LABEL_SEGMENT)];
  labels.forEach((label, i) => {
    const from = (label.index ?? 0) + label[0].length;
    const to = i + 1 < labels.length ? labels[i + 1].index ?? content.length : content.length;
    const names = splitNames(content.slice(from, to), offset + from).map(cleanName).filter((n): n is DepartmentName => n !== undefined);
    const kind = label[1];
    if (LEAD_LABEL.test(kind)) lead.push(...names);
    else if (SUPPORT_LABEL.test(kind)) support.push(...names);
    else if (lead.length === 0) {
      lead.push(...names.slice(0, 1));
      support.push(...names.slice(1));
    } else support.push(...names);
  });
  return { lead, support };
}

/** `A、B负责`, `A牵头，B、C配合`, `A、B按职责分工负责`; undefined when it is not a list of departments. */
function parseSuffixed(content: string, offset: number): { lead: DepartmentName[]; support: DepartmentName[] } | undefined {
  const trimmed = content.replace(/\s+$/, '');
  if (!/(?:负责|配合|牵头)$/.test(trimmed)) return undefined;
  const leadAt = trimmed.search(/牵头(?:负责)?(?=[，,；;、]|$)/);
  let lead: DepartmentName[];
  let support: DepartmentName[] = [];
  const names = (from: number, to: number): DepartmentName[] =>
    splitNames(trimmed.slice(from, to), offset + from).map(cleanName).filter((n): n is DepartmentName => n !== undefined);
  if (leadAt > 0) {
    lead = names(0, leadAt);
    const rest = trimmed.slice(leadAt).replace(/^牵头(?:负责)?/, '');
    const restStart = trimmed.length - rest.length;
    support = names(restStart, trimmed.length);
  } else {
    const all = names(0, trimmed.length);
    lead = all.slice(0, 1);
    support = all.slice(1);
  }
  const every = [...lead, ...support];
  if (every.length === 0 || !every.every((n) => looksLikeDepartment(n.name))) return undefined;
  return { lead, support };
}

/** Every responsibility marker in the text, in order. */
export function findDepartmentMarkers(text: string, folded?: string): DepartmentMarker[] {
  if (!/责任|牵头|配合|负责|实施单位|主责|参与单位|协同单位|协办单位/.test(text)) return [];
  folded ??= foldWidth(text);
  const markers: DepartmentMarker[] = [];
  const covered: Array<[number, number]> = [];
  for (let i = 0; i < folded.length; i++) {
    if (!MARKER_OPEN.includes(folded[i])) continue;
    const close = matchingClose(folded, i);
    if (close < 0) continue;
    const content = folded.slice(i + 1, close);
    const parsed = LABEL_AT_START.test(content) ? parseLabelled(content, i + 1) : parseSuffixed(content, i + 1);
    if (!parsed || parsed.lead.length + parsed.support.length === 0) continue;
    markers.push({ start: i, end: close + 1, ...withOriginalNames(text, parsed) });
    covered.push([i, close + 1]);
    i = close;
  }
  // Labels without brackets: 责任单位：市工信局、市财政局 to the end of the sentence.
  for (const match of folded.matchAll(BARE_LABEL)) {
    const start = match.index ?? 0;
    if (covered.some(([from, to]) => start >= from && start < to)) continue;
    let end = folded.slice(start).search(/[。\n]/);
    end = end < 0 ? folded.length : start + end;
    const parsed = parseLabelled(folded.slice(start, end), start);
    if (parsed.lead.length + parsed.support.length === 0) continue;
    markers.push({ start, end, ...withOriginalNames(text, parsed) });
    covered.push([start, end]);
  }
  return markers.sort((a, b) => a.start - b.start);
}

/** Names as written in the original text (folding kept offsets, not characters). */
function withOriginalNames(text: string, parsed: { lead: DepartmentName[]; support: DepartmentName[] }): { lead: DepartmentName[]; support: DepartmentName[] } {
  const original = (n: DepartmentName): DepartmentName => ({ ...n, name: text.slice(n.start, n.end) });
  return { lead: parsed.lead.map(original), support: parsed.support.map(original) };
}

/** Canonical form of a department name for comparison: width-folded, brackets unified, spaces removed. */
export function normaliseDepartmentName(name: string): string {
  return foldWidth(name).replace(/[〈<（【〔]/g, '(').replace(/[〉>）】〕]/g, ')').replace(/\s+/g, '');
}

export function departmentNamesEqual(a: string, b: string): boolean {
  return normaliseDepartmentName(a) === normaliseDepartmentName(b);
}
