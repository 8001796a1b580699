/**
 * Responsibility markers in clause text, in the forms real policies use:
 *   （责任单位：市工信局、市财政局）   (责任部门:市发改委,各县级市〈区〉人民政府〈管委会〉)   [责任部门:市科技局]
 *   （牵头单位：市科技局；配合单位：市财政局、市工信局）   （牵头单位：市科技局，责任单位：市工信局）
 *   （市工信局、市财政局负责）   （市工信局、市科技局等按职责分工负责）   （市科技局牵头，市财政局配合）
 *   责任单位：市工信局、市财政局   (at the end of a clause, without brackets)
 * The first name of a plain list, or every 牵头 name, is the lead; the rest are support.
 *
 * Offsets are found in the width-folded text (same length as the original), names are returned as
 * written in the original. Text extracted from PDFs breaks lines inside markers (市科技\n\n局,
 * 牵\n\n头单位), so labels tolerate whitespace between their characters and a line break only
 * separates names when the part before it is a complete name.
 */
import type { DepartmentMarker, DepartmentName } from './types';
import { toSimplified } from './traditional';
import { foldWidth } from './width';

type Role = 'lead' | 'support' | 'plain';

// ---------------------------------------------------------------------------------------------
// Vocabulary (compiled once: this runs on every keystroke).

const LEAD_LABELS = ['牵头单位', '牵头部门', '牵头处室', '主责单位', '主责部门'];
const SUPPORT_LABELS = ['配合单位', '配合部门', '参与单位', '参与部门', '协同单位', '协同部门', '协办单位', '协助单位', '协作单位'];
const PLAIN_LABELS = ['责任单位', '责任部门', '责任处室', '责任主体', '负责单位', '负责部门', '实施单位', '实施部门', '承办单位'];

/** `牵头单位` → `牵\s*头\s*单\s*位`: PDF line breaks land inside labels too. */
const spaced = (word: string): string => [...word].join('\\s*');
const labelGroup = (words: string[]): string => words.map(spaced).join('|');
const LABEL = `(?:${labelGroup([...LEAD_LABELS, ...SUPPORT_LABELS, ...PLAIN_LABELS])})`;
const LEAD_LABEL = new RegExp(`^(?:${labelGroup(LEAD_LABELS)})`);
const SUPPORT_LABEL = new RegExp(`^(?:${labelGroup(SUPPORT_LABELS)})`);

/** Where a marker may begin: a marker bracket, or a label followed by a colon. */
const SCAN = new RegExp(`[(（【\\[［〔]|(${LABEL})\\s*[:：]`, 'g');
const LABEL_AT_START = new RegExp(`^\\s*(${LABEL})\\s*[:：]`);
/** 【责任单位】市工信局: the label alone in brackets, the names after it. */
const LABEL_ONLY = new RegExp(`^\\s*(${LABEL})\\s*$`);
const LABEL_SEGMENT = new RegExp(`(${LABEL})\\s*[:：]`, 'g');
/** Cheap rejection of clauses that cannot hold a marker (单位/部门 catch labels broken by a line break). */
// With the traditional forms: the pre-check runs before the text is simplified.
const MAY_HOLD_MARKER = /责任|牵头|配合|负责|单位|部门|参与|协同|协办|协助|协作|主责|承办|責任|牽頭|負責|單位|部門|參與|協同|協辦|協助|協作|主責|承辦/;

const OPENERS = '(（【[［〔〈<《';
const CLOSERS = ')）】]］〕〉>》';
const MARKER_OPENERS = '(（【[［〔';
/** Character classes by code unit, so the per-character loops do one array read. */
const OPEN = 1;
const CLOSE = 2;
const FULL_STOP = 3; // 。 — never inside a marker
const SENTENCE_END = 4; // line ends, ! and ?: end a marker without brackets
const CHAR_CLASS = new Uint8Array(0x10000);
for (const ch of OPENERS) CHAR_CLASS[ch.charCodeAt(0)] = OPEN;
for (const ch of CLOSERS) CHAR_CLASS[ch.charCodeAt(0)] = CLOSE;
CHAR_CLASS['。'.charCodeAt(0)] = FULL_STOP;
for (const ch of '\n\r!?') CHAR_CLASS[ch.charCodeAt(0)] = SENTENCE_END;
/** Longest bracket we look into: markers listing 25 departments are ~300 characters. */
const MAX_MARKER = 600;
/** A name longer than this means the bracket pairing went wrong (it swallowed running text). */
const MAX_NAME = 40;

/** Role words that end a group of names: `A、B负责`, `A牵头`, `B、C配合`, `…等按职责分工负责`. */
const ROLE_SUFFIX = /(?:牵头负责|牵头|按职责分工负责|按职责负责|分别负责|共同负责|具体负责|负责|配合|参与|协同|协助|协办)$/;
/** 区科技局（牵头）, 区财政局〔配合〕: a bracketed role word after one name, for that name only. */
const BRACKET_ROLE = /\s*[(（〔【\[［]\s*(牵头(?:单位|部门)?|配合(?:单位|部门)?|按职责分工(?:负责)?|按职责(?:负责)?|负责|参与|协同|协助|协办)\s*[)）〕】\]］]$/;
/** 等, 等部门, 等有关单位 … after the last name of a list: not part of the name. */
const ETC_SUFFIX = /\s*等(?:各)?(?:有关|相关)?(?:部门|单位)?$/;
/** 等 followed by these starts a new (collective) name: 成华区政府等相关区（市）县政府 … */
const ETC_BEFORE_NAME = /^(?:相关|有关|其他|其它|各)/;
/** … but 等有关部门 / 等相关单位 / 等各部门 only closes the list. */
const ETC_CLOSING = /^各?(?:有关|相关|其他|其它)?(?:部门|单位)/;

/** 由 / 具体由 before the first name of a 负责 list. */
const LIST_INTRO = /^(?:具体)?由/;
/** Trailing bracket groups (科信局（科协）, 管委会（筹）, 人民政府〈管委会〉) are not the name's ending. */
const TRAILING_BRACKETS = /(?:[(（〈<【〔[][^()（）〈〉<>【】〔〕[\]]*[)）〉>】〕\]])+$/;
/** Endings of a complete body name; a line break after one of these separates names. */
const BODY_END = /(?:局|委|办|厅|部|中心|院|会|政府|集团|公司|银行|分行|支行|营管部|中支|所|队|处|室|署|台|社|科|站|馆|校|组|海关|街道|控股|大学|新区|生态城|园区)$/;
/** Body endings plus place words, accepted when the marker's shape already says "department". */
const PLACE_END = /(?:区|县|市|镇|乡|开发区|高新区|试验区|示范区)$/;
/** 市工信局, 各区政府, 各地 … (but not 市场主体, 区域内企业). */
const DEPARTMENT_START = /^(?:市(?!场)|区(?!域)|县(?!域)|省|各|全市各|自治区|中共|共青团|团市委|人民银行|人行)/;
/** Words with a body ending or start that name no body: （全部负责）, （各方共同负责）. */
const NOT_A_BODY = /^(?:全部|局部|内部|外部|本部|各方|各自|双方|各类|各项|各级)$/;
/** 有关单位, 相关部门, 市直部门, 各有关单位: collective names ending in 单位/部门/机构. */
const COLLECTIVE = /^(?:各|全市各|有关|相关|市直|市级|区级|县级)[^、,，;；]*(?:单位|部门|机构)$/;
/** `各区、县(市)政府` is one name (each district and county government): 各区 + 县(市)政府. */
const SPLIT_COLLECTIVE_HEAD = /^各(?:区|县|市|镇|乡)$/;
const SPLIT_COLLECTIVE_TAIL = /^(?:区|县|市|镇|乡)/;

// ---------------------------------------------------------------------------------------------

interface Piece {
  /** Offsets of the trimmed piece in the analysed text. */
  readonly start: number;
  readonly end: number;
  /** Separator before the piece ('' for the first). */
  readonly separator: string;
}

interface RolePiece {
  readonly name?: DepartmentName;
  readonly role?: Role;
  /** End of the piece including 等 / role words, for the marker's extent. */
  readonly end: number;
  /** The role was written in brackets after this name alone (A（牵头）、B). */
  readonly own?: boolean;
}

interface RoledName {
  readonly name: DepartmentName;
  readonly role: Role;
}

const isSpace = (ch: string): boolean => ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\u3000';

function strippedBrackets(name: string): string {
  return name.replace(TRAILING_BRACKETS, '');
}

/** Ends like a complete body (局/委/政府/公司 …): decides whether a line break separates names. */
function endsLikeBody(name: string): boolean {
  return BODY_END.test(strippedBrackets(name));
}

/**
 * Department-like: checked for forms without a label (（A、B负责）) and for the names after a label
 * without brackets. Names known only by their start (各地, 各区) must be short there, so that
 * running text such as 各地要加强统筹 after a bare label is not taken for a name.
 */
export function looksLikeDepartment(name: string, bare = false): boolean {
  const compact = name.replace(/\s+/g, '');
  if (compact.length === 0 || compact.length > MAX_NAME) return false;
  if (/[。！？!?“”"]/.test(compact)) return false;
  const core = strippedBrackets(compact);
  if (NOT_A_BODY.test(core)) return false;
  if (BODY_END.test(core) || PLACE_END.test(core) || COLLECTIVE.test(core)) return true;
  return DEPARTMENT_START.test(core) && (!bare || core.length <= 6);
}

/**
 * Splits `text[from, to)` into names on 、，,；; and spaces outside brackets. A line break inside a
 * name (市科技\n局) is not a separator; `等相关…` starts a new name.
 */
function splitNames(text: string, from: number, to: number): Piece[] {
  const pieces: Piece[] = [];
  let depth = 0;
  let pieceStart = from;
  let separator = '';
  const flush = (end: number, nextSeparator: string): void => {
    let s = pieceStart;
    let e = end;
    while (s < e && isSpace(text[s])) s++;
    while (e > s && isSpace(text[e - 1])) e--;
    if (e > s) pieces.push({ start: s, end: e, separator });
    separator = nextSeparator;
  };
  for (let i = from; i < to; i++) {
    const ch = text[i];
    const kind = CHAR_CLASS[text.charCodeAt(i)];
    if (kind === OPEN) depth++;
    else if (kind === CLOSE) depth = Math.max(0, depth - 1);
    else if (depth > 0) continue;
    else if (ch === '、' || ch === ',' || ch === '，' || ch === ';' || ch === '；') {
      flush(i, ch);
      pieceStart = i + 1;
    } else if (isSpace(ch)) {
      let j = i;
      let lineBreak = false;
      while (j < to && isSpace(text[j])) {
        if (text[j] === '\n' || text[j] === '\r') lineBreak = true;
        j++;
      }
      const before = text.slice(pieceStart, i).trim();
      // A space typed between names separates them; a line break only after a complete name.
      if (before !== '' && (!lineBreak || endsLikeBody(before))) {
        flush(i, ' ');
        pieceStart = j;
      }
      i = j - 1;
    } else if (ch === '等' && ETC_BEFORE_NAME.test(text.slice(i + 1, i + 3)) && !ETC_CLOSING.test(text.slice(i + 1, i + 5))) {
      flush(i, '等');
      pieceStart = i + 1;
    }
  }
  flush(to, '');
  return mergeSplitCollectives(text, pieces);
}

/** 各区、县(市)政府 → one name. */
function mergeSplitCollectives(text: string, pieces: Piece[]): Piece[] {
  const merged: Piece[] = [];
  for (let k = 0; k < pieces.length; k++) {
    const piece = pieces[k];
    const next = pieces[k + 1];
    if (next && next.separator === '、' && SPLIT_COLLECTIVE_HEAD.test(text.slice(piece.start, piece.end)) && SPLIT_COLLECTIVE_TAIL.test(text.slice(next.start, next.end))) {
      merged.push({ start: piece.start, end: next.end, separator: piece.separator });
      k++;
    } else merged.push(piece);
  }
  return merged;
}

/** Strips 等…, a role word and a leading 由 from a piece; what is left (if anything) is the name. */
function cleanPiece(text: string, piece: Piece): RolePiece {
  let start = piece.start;
  let raw = text.slice(start, piece.end);
  let role: Role | undefined;
  const bracketRole = BRACKET_ROLE.exec(raw);
  const roleWord = bracketRole ? null : ROLE_SUFFIX.exec(raw);
  if (bracketRole) {
    role = roleOfWord(bracketRole[1]);
    raw = raw.slice(0, bracketRole.index);
  } else if (roleWord) {
    role = roleOfWord(roleWord[0]);
    raw = raw.slice(0, roleWord.index);
  }
  raw = raw.replace(ETC_SUFFIX, '').replace(/\s+$/, '');
  const intro = LIST_INTRO.exec(raw);
  if (intro) {
    // （由市工信局、市财政局负责）: 由 introduces the list, it is not part of the first name.
    const rest = raw.slice(intro[0].length);
    const trimmed = rest.trimStart();
    start += intro[0].length + rest.length - trimmed.length;
    raw = trimmed;
  }
  const name = raw === '' ? undefined : { name: raw, start, end: start + raw.length };
  return { name, role, end: piece.end, own: bracketRole !== null };
}

function roleOfWord(word: string): Role {
  return /牵头/.test(word) ? 'lead' : /负责|按职责/.test(word) ? 'plain' : 'support';
}

/**
 * Gives each name its role: a role word (牵头/配合/负责) applies to the names since the previous
 * role word; names without one take `fallback` (the label's role), or make the parse fail when
 * `fallback` is undefined.
 */
function assignRoles(pieces: readonly RolePiece[], fallback: Role | undefined): RoledName[] | undefined {
  // In text order; a role word reaches back over the names not yet given one.
  const names: DepartmentName[] = [];
  const roles: Array<Role | undefined> = [];
  let pendingFrom = 0;
  for (const piece of pieces) {
    if (piece.own && piece.name && piece.role) {
      names.push(piece.name);
      roles.push(piece.role);
      continue;
    }
    if (piece.name) {
      names.push(piece.name);
      roles.push(undefined);
    }
    if (piece.role) {
      for (let k = pendingFrom; k < roles.length; k++) roles[k] ??= piece.role;
      pendingFrom = roles.length;
    }
  }
  const result: RoledName[] = [];
  for (let k = 0; k < names.length; k++) {
    const role = roles[k] ?? fallback;
    if (role === undefined) return undefined;
    result.push({ name: names[k], role });
  }
  return result;
}

/** 牵头 names lead; without any, the first plain name leads and the others support. */
function toMarker(start: number, end: number, names: readonly RoledName[], text: string): DepartmentMarker | undefined {
  if (names.length === 0) return undefined;
  const hasLead = names.some((n) => n.role === 'lead');
  const lead: DepartmentName[] = [];
  const support: DepartmentName[] = [];
  for (const { name, role } of names) {
    const original: DepartmentName = { name: text.slice(name.start, name.end), start: name.start, end: name.end };
    if (role === 'lead' || (role === 'plain' && !hasLead && lead.length === 0)) lead.push(original);
    else support.push(original);
  }
  return { start, end, lead, support };
}

function labelRole(label: string): Role {
  return LEAD_LABEL.test(label) ? 'lead' : SUPPORT_LABEL.test(label) ? 'support' : 'plain';
}

/** `责任单位：A、B；配合单位：C` in `folded[from, to)`; the names of every label segment with their roles. */
function parseLabelled(folded: string, from: number, to: number): RoledName[] {
  const content = folded.slice(from, to);
  const names: RoledName[] = [];
  const labels = [...content.matchAll(LABEL_SEGMENT)];
  labels.forEach((label, k) => {
    const segmentStart = from + (label.index ?? 0) + label[0].length;
    const segmentEnd = k + 1 < labels.length ? from + (labels[k + 1].index ?? 0) : to;
    const pieces = splitNames(folded, segmentStart, segmentEnd).map((p) => cleanPiece(folded, p));
    names.push(...(assignRoles(pieces, labelRole(label[1])) ?? []));
  });
  return names;
}

/** `A、B负责`, `A牵头，B、C配合`, `A、B等按职责分工负责`: only when every name is department-like. */
function parseSuffixed(folded: string, from: number, to: number): RoledName[] | undefined {
  let end = to;
  while (end > from && isSpace(folded[end - 1])) end--;
  if (!ROLE_SUFFIX.test(folded.slice(Math.max(from, end - 8), end))) return undefined;
  const pieces = splitNames(folded, from, end).map((p) => cleanPiece(folded, p));
  const names = assignRoles(pieces, undefined);
  if (!names || names.length === 0 || !names.every((n) => looksLikeDepartment(n.name.name))) return undefined;
  return names;
}

/**
 * For every opening bracket, the index of its closing bracket (nesting counted), or -1 when it is
 * unclosed before the next 。 or further than MAX_MARKER away. One pass over the text.
 */
function pairBrackets(folded: string): Int32Array {
  const close = new Int32Array(folded.length).fill(-1);
  const stack: number[] = [];
  for (let i = 0; i < folded.length; i++) {
    const kind = CHAR_CLASS[folded.charCodeAt(i)];
    if (kind === OPEN) stack.push(i);
    else if (kind === CLOSE) {
      const open = stack.pop();
      if (open !== undefined && i - open <= MAX_MARKER) close[open] = i;
    } else if (kind === FULL_STOP) stack.length = 0; // markers never hold a full stop
  }
  return close;
}

/** Where a marker without (or with an unclosed) bracket ends: at 。, a line end, or an unmatched closer. */
function bareEnd(folded: string, from: number): number {
  let depth = 0;
  const limit = Math.min(folded.length, from + MAX_MARKER);
  for (let i = from; i < limit; i++) {
    const kind = CHAR_CLASS[folded.charCodeAt(i)];
    if (kind === OPEN) depth++;
    else if (kind === CLOSE) {
      if (depth === 0) return i;
      depth--;
    } else if (kind === FULL_STOP || kind === SENTENCE_END) return i;
  }
  return limit;
}

/**
 * A label with no closing bracket: 责任单位：市工信局、市财政局 at the end of a clause, or 【责任单位】A、B.
 * Reads from `segmentStart` (just after the label) with the label's `role`; later labels continue
 * the marker when only separators stand between. Names are taken while they look like departments,
 * so running text after the list is not swallowed.
 */
function parseBare(folded: string, markerStart: number, segmentStart: number, role: Role, text: string): { marker?: DepartmentMarker; end: number } {
  const hardEnd = bareEnd(folded, segmentStart);
  // Labels are looked up one at a time: most bare labels stop after their first segment.
  const rest = folded.slice(segmentStart, hardEnd);
  const labels = new RegExp(LABEL_SEGMENT.source, 'g');
  const names: RoledName[] = [];
  let end = segmentStart;
  let from = segmentStart;
  let segmentRole = role;
  for (;;) {
    labels.lastIndex = from - segmentStart;
    const next = labels.exec(rest);
    const to = next ? segmentStart + next.index : hardEnd;
    const taken: RolePiece[] = [];
    let stopped = false;
    for (const piece of splitNames(folded, from, to)) {
      const cleaned = cleanPiece(folded, piece);
      if (cleaned.name && !looksLikeDepartment(cleaned.name.name, true)) {
        stopped = true;
        break;
      }
      taken.push(cleaned);
      end = cleaned.end;
    }
    names.push(...(assignRoles(taken, segmentRole) ?? []));
    if (stopped || !next || !/^[\s、,，;；]*$/.test(folded.slice(end, to))) break;
    from = to + next[0].length;
    segmentRole = labelRole(next[1]);
  }
  // The closer that ends the list belongs to a marker opened before the label: （责任单位：A、B).
  if (markerStart < segmentStart && end === hardEnd && CHAR_CLASS[folded.charCodeAt(hardEnd)] === CLOSE) end = hardEnd + 1;
  const marker = toMarker(markerStart, end, names, text);
  // Labels read here need no second look (责任单位：责任单位：… would otherwise be re-read from each one).
  return { marker, end: Math.max(end, from) };
}

/**
 * Every responsibility marker in `text`, in order. `folded` is `foldWidth(text)` when the caller
 * already has it (the model folds each clause once for every normaliser). Labels are matched on the
 * simplified copy (牽頭單位 is 牵头单位); names are taken from `text` as written.
 */
export function findDepartmentMarkers(text: string, folded?: string): DepartmentMarker[] {
  if (!MAY_HOLD_MARKER.test(text)) return [];
  const f = toSimplified(folded ?? foldWidth(text));
  const markers: DepartmentMarker[] = [];
  const scan = new RegExp(SCAN.source, 'g'); // own lastIndex, so the function stays re-entrant
  let pairs: Int32Array | undefined;
  for (let match = scan.exec(f); match; match = scan.exec(f)) {
    const at = match.index;
    let next = at + 1;
    if (MARKER_OPENERS.includes(f[at])) {
      pairs ??= pairBrackets(f);
      const close = pairs[at];
      const head = f.slice(at + 1, close < 0 ? Math.min(f.length, at + 40) : close);
      const labelled = LABEL_AT_START.exec(head);
      const labelOnly = close >= 0 ? LABEL_ONLY.exec(head) : null;
      let marker: DepartmentMarker | undefined;
      if (close >= 0 && !labelOnly) {
        const names = labelled ? parseLabelled(f, at + 1, close) : parseSuffixed(f, at + 1, close);
        // A name this long means the pairing swallowed running text (a lost closer): read as unclosed.
        if (names && names.every((n) => n.name.name.replace(/\s+/g, '').length <= MAX_NAME)) marker = toMarker(at, close + 1, names, text);
        if (marker) next = close + 1;
      }
      if (!marker && (labelled || labelOnly)) {
        // 【责任单位】A、B; an unclosed （责任单位：A、B; or one whose pairing went wrong.
        const label = (labelled ?? labelOnly) as RegExpExecArray;
        const segmentStart = labelOnly ? close + 1 + (/^\s*[:：]/.exec(f.slice(close + 1, close + 4))?.[0].length ?? 0) : at + 1 + label[0].length;
        const bare = parseBare(f, at, segmentStart, labelRole(label[1]), text);
        marker = bare.marker;
        if (marker) next = bare.end;
      }
      if (marker) markers.push(marker);
    } else {
      const bare = parseBare(f, at, at + match[0].length, labelRole(match[1]), text);
      if (bare.marker) markers.push(bare.marker);
      next = Math.max(next, bare.end);
    }
    scan.lastIndex = next; // after a marker, or inside a bracket that was not one
  }
  return markers;
}

/**
 * Canonical form of a department name for comparison: width-folded, simplified (市財政局 is
 * 市财政局), brackets unified to (), whitespace (including PDF line breaks inside a name) removed.
 * Aliases are the registry's job.
 */
export function normaliseDepartmentName(name: string): string {
  return toSimplified(foldWidth(name))
    .replace(/[〈<（【〔［[]/g, '(')
    .replace(/[〉>）】〕］\]]/g, ')')
    .replace(/[\s\u200b-\u200d\ufeff]+/g, '');
}

export function departmentNamesEqual(a: string, b: string): boolean {
  return normaliseDepartmentName(a) === normaliseDepartmentName(b);
}
