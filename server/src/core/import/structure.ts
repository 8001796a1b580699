/**
 * Outline → chapters and clauses. A chapter is the top numbering level when it has sub-items; every
 * numbered item with text of its own becomes a clause. Sub-items that are parts of one measure are
 * folded into its text, as written: enumerations introduced by a colon (符合以下条件：), procedural
 * sub-headings (申报条件 / 支持标准 / 申报材料 / 政策咨询), short untitled list items, and anything
 * under a 第X条 article (the article is the clause).
 */
import { assignIds } from './ids';
import type { IdSource } from './ids';
import { splitHeading } from './heading';
import { kindOf } from './kinds';
import type { Outline, OutlineNode } from './outline';
import type { Paragraph } from './paragraphs';
import type { ImportedKind } from './types';
import { pushAll } from '../text/pushAll';

export interface DraftClause {
  readonly id: string;
  readonly title?: string;
  readonly kind: ImportedKind;
  readonly text: string;
  /** Section headings without text of their own just above this clause, as written. */
  readonly headings?: readonly string[];
}

export interface DraftChapter {
  readonly id: string;
  readonly title?: string;
  readonly clauses: DraftClause[];
}

export interface DraftStructure {
  readonly chapters?: DraftChapter[];
  readonly clauses?: DraftClause[];
  /** Headings that no clause follows (a chapter without text), as written. */
  readonly orphans?: string[];
}

const PROCEDURAL = /^(?:申报条件|申请条件|支持标准|支持内容|支持方式|申报材料|申请材料|政策咨询|咨询方式|申报程序|申报流程|办理流程|支持对象|申报主体|政策内容|概念界定|落实程序|认定条件|认定程序|兑现方式|资金拨付|审核程序)$/;
const DEPARTMENT_WORD = /责任单位|责任部门|牵头单位|牵头部门|配合单位|负责\)|负责）/;
/**
 * A responsibility marker closing a list item ((2)……。（责任单位：……） or a 责任单位： line under
 * it): written after the last item of a list, it names who carries out the whole list.
 */
const TRAILING_DEPARTMENT = /(?:^|[。；;！!？?\n])\s*[(（〔【]?\s*(?:责任单位|责任部门|牵头单位|牵头部门|主责单位|配合单位)[^。]*$|[(（〔【][^(（〔【。]*(?:负责|牵头|配合)[)）〕】]$/;

interface Unit {
  readonly node: OutlineNode;
  readonly title?: string;
  /** The head after its marker, as written. */
  readonly whole: string;
  /** Own text: after the heading, then the unnumbered paragraphs. */
  readonly paragraphs: string[];
  /** Sub-items folded into this unit's text, as written. */
  folded: string[];
  children: Unit[];
}

/** Every paragraph of a subtree, as written, markers included. */
function flatten(unit: Unit): string[] {
  return [unit.node.head.text, ...unit.node.body.map((p: Paragraph) => p.text), ...unit.folded, ...unit.children.flatMap(flatten)];
}

function toUnit(node: OutlineNode): Unit {
  const heading = splitHeading(node.head, node.marker.length);
  const paragraphs = [heading.text, ...node.body.map((p) => p.text)].filter((p) => p !== '');
  const unit: Unit = { node, title: heading.title, whole: heading.whole, paragraphs, folded: [], children: node.children.map(toUnit) };
  // 【支持创新药研发】 over one 🔹 item: the item is the heading's text (a bullet is a marker, not text).
  const only = unit.children.length === 1 ? unit.children[0] : undefined;
  if (only && paragraphs.length === 0 && only.node.marker.style === 'bullet' && only.children.length === 0 && only.title === undefined && only.folded.length === 0) {
    pushAll(unit.paragraphs, only.paragraphs);
    unit.children = [];
  }
  if (unit.children.length > 0 && shouldFold(unit)) {
    unit.folded = unit.children.flatMap(flatten);
    unit.children = [];
  }
  return unit;
}

function shouldFold(unit: Unit): boolean {
  if (unit.node.marker.style === 'article') return true;
  // Chapters and sections hold clauses, however short (第一章 总则 > 第1条 …).
  if (unit.node.marker.style === 'chapter' || unit.node.marker.style === 'section') return false;
  const last = unit.paragraphs[unit.paragraphs.length - 1] ?? unit.title ?? '';
  // 符合以下条件： introduces parts of this item, unless they are substantial titled measures.
  if (/[:：]$/.test(last) && unit.children.every((c) => c.children.length === 0 && (c.title === undefined || c.paragraphs.join('').length < 200))) return true;
  if (unit.children.every((c) => c.title !== undefined && PROCEDURAL.test(c.title))) return true;
  // Short untitled list items (（1）申报书； （2）营业执照；) are parts of the item above.
  // A list whose items each name their departments is a list of measures; one marker after the last item is the list's.
  const items = unit.children.map((c) => c.paragraphs.join(''));
  const lastItem = unit.children[unit.children.length - 1]?.paragraphs.join('\n') ?? '';
  const listMarker = TRAILING_DEPARTMENT.exec(lastItem);
  const bare = [...items.slice(0, -1), listMarker ? lastItem.slice(0, listMarker.index).replace(/\n/g, '') : items[items.length - 1]];
  const plainItems = unit.children.every((c) => c.children.length === 0 && c.title === undefined) && !bare.some((t) => DEPARTMENT_WORD.test(t));
  const listLike = bare.every((t) => t.length <= 40) || bare.slice(0, -1).every((t) => /[；;，,、]$/.test(t));
  return unit.children.length >= 2 && plainItems && listLike;
}

interface Collected {
  readonly source: IdSource;
  readonly title?: string;
  readonly titles: Array<string | undefined>;
  readonly text: string;
  readonly headings?: string[];
}

/**
 * Clauses of a subtree in document order; `path`/`titles` describe the ancestors. A heading with
 * sub-items but no text of its own (（一）培育人工智能科创产业, 专栏1 …) waits in `pending` and goes
 * with the next clause, so that no heading is lost.
 */
function collect(unit: Unit, path: string[], titles: Array<string | undefined>, boxAt: number | undefined, into: Collected[], topLevel: boolean, pending: string[], top: readonly OutlineNode[]): void {
  const node = unit.node;
  // Bullets are numbered by position among their siblings (top-level ones too: a WeChat list of 🔹 items).
  const label = node.marker.style === 'bullet' ? `●${(node.parent ? node.parent.children : top).indexOf(node) + 1}` : node.marker.label;
  const ownPath = [...path, label];
  const ownBox = node.marker.style === 'box' ? ownPath.length - 1 : boxAt;
  const ownTitles = [unit.title, ...titles];
  let text = [...unit.paragraphs, ...unit.folded].join('\n');
  let title = topLevel ? undefined : unit.title;
  // A heading with nothing under it is its own text, punctuation and all (二、鼓励企业上市。).
  if (text === '' && unit.children.length === 0 && unit.title) {
    text = unit.whole;
    title = undefined;
  }
  if (text !== '') {
    // A chapter's own text carries no title of its own: the chapter has it.
    const headings = pending.splice(0);
    into.push({ source: { path: ownPath, boxAt: ownBox }, title, titles: ownTitles, text, ...(headings.length > 0 ? { headings } : {}) });
  } else if (!topLevel && unit.title !== undefined) pending.push(unit.node.head.text.trim());
  for (const child of unit.children) collect(child, ownPath, ownTitles, ownBox, into, false, pending, top);
}

export function buildStructure(outline: Outline, closing: readonly string[], warnings: string[]): DraftStructure {
  const units = outline.nodes.map(toUnit);
  const boxLabels: string[] = [];
  const visit = (node: OutlineNode): void => {
    if (node.marker.style === 'box') boxLabels.push(node.marker.label);
    node.children.forEach(visit);
  };
  outline.nodes.forEach(visit);
  const boxesUnique = new Set(boxLabels).size === boxLabels.length;
  const chaptered = units.some((u) => u.children.length > 0);
  const groups: Array<{ unit?: Unit; items: Collected[] }> = [];
  const orphans: string[] = [];
  if (chaptered) {
    for (const unit of units) {
      const items: Collected[] = [];
      const pending: string[] = [];
      collect(unit, [], [], undefined, items, true, pending, outline.nodes);
      pushAll(orphans, pending);
      groups.push({ unit, items });
    }
  } else {
    const items: Collected[] = [];
    const pending: string[] = [];
    for (const unit of units) collect(unit, [], [], undefined, items, false, pending, outline.nodes);
    pushAll(orphans, pending);
    groups.push({ items });
  }
  if (closing.length > 0) {
    const last = groups[groups.length - 1] ?? (groups[0] = { items: [] });
    last.items.push({ source: { path: ['附'] }, titles: ['附则'], text: closing.join('\n') });
  }
  const all = groups.flatMap((g) => g.items);
  const ids = assignIds(all.map((c) => c.source), boxesUnique, warnings);
  const clauseOf = (c: Collected, i: number): DraftClause => ({
    id: ids[i],
    ...(c.title ? { title: c.title } : {}),
    kind: kindOf(c.titles, c.text),
    text: c.text,
    ...(c.headings ? { headings: c.headings } : {}),
  });
  let index = 0;
  const drafted = groups.map((g) => ({ unit: g.unit, clauses: g.items.map((c) => clauseOf(c, index++)) }));
  if (!chaptered) return { clauses: drafted[0]?.clauses ?? [], ...(orphans.length > 0 ? { orphans } : {}) };
  const chapters: DraftChapter[] = [];
  for (const g of drafted) {
    const unit = g.unit!;
    if (g.clauses.length === 0) {
      warnings.push(`chapter ${unit.node.marker.label} (${unit.title ?? ''}) has no text and was left out`);
      orphans.push(unit.node.head.text.trim());
      continue;
    }
    chapters.push({ id: unit.node.marker.label, ...(unit.title ? { title: unit.title } : {}), clauses: g.clauses });
  }
  return { chapters, ...(orphans.length > 0 ? { orphans } : {}) };
}
