/**
 * Paragraphs → outline tree. A numbering style takes the level at which it first appears (the usual
 * way Chinese documents nest 一、 > （一） > 1. > （1）); a style seen before closes the deeper levels.
 * A 专栏 (box) restarts numbering: an item numbered 1 right after a box opens inside it even when its
 * style is used outside, so box items never become siblings of the measures around the box.
 */
import { chineseNumber, parseMarker } from './numbering';
import type { Marker } from './numbering';
import type { Paragraph } from './paragraphs';

export interface OutlineNode {
  readonly marker: Marker;
  /** The numbered paragraph. */
  readonly head: Paragraph;
  /** Unnumbered paragraphs that follow it. */
  readonly body: Paragraph[];
  readonly children: OutlineNode[];
  parent?: OutlineNode;
}

export interface Outline {
  /** Unnumbered paragraphs before the first numbered one. */
  readonly preamble: Paragraph[];
  readonly nodes: OutlineNode[];
}

const SENTENCE_PUNCT = /[。；;，,：:！!？?]/;
/** Styles of a document's own outline, never of a box's items. */
const OUTLINE_STYLES: ReadonlySet<string> = new Set(['chapter', 'section', 'article', 'cn']);

/**
 * 二主要任务 (the 、 lost in conversion): a short heading that starts with the numeral that follows
 * the last 一、-style number seen.
 */
function implicitChineseMarker(norm: string, lastCn: number): Marker | undefined {
  if (lastCn <= 0 || norm.length > 16 || SENTENCE_PUNCT.test(norm)) return undefined;
  const numeral = chineseNumber(lastCn + 1);
  if (!norm.startsWith(numeral) || norm.length - numeral.length < 2) return undefined;
  return { style: 'cn', label: numeral, value: lastCn + 1, length: numeral.length };
}

/** Rank of each style by first appearance in the document: 0 is the outermost. */
function styleRanks(paragraphs: readonly Paragraph[]): Map<string, number> {
  const ranks = new Map<string, number>();
  for (const p of paragraphs) {
    const marker = parseMarker(p.norm);
    if (marker && !ranks.has(marker.style)) ranks.set(marker.style, ranks.size);
  }
  return ranks;
}

export function buildOutline(paragraphs: readonly Paragraph[]): Outline {
  const ranks = styleRanks(paragraphs);
  const preamble: Paragraph[] = [];
  const nodes: OutlineNode[] = [];
  const stack: OutlineNode[] = [];
  let lastCn = 0;
  let brackets = 0;
  for (const paragraph of paragraphs) {
    let marker = parseMarker(paragraph.norm) ?? implicitChineseMarker(paragraph.norm, lastCn);
    // 【…】 headings carry no number: they are numbered 1, 2, … in order.
    if (marker?.style === 'bracket') marker = { ...marker, label: String(++brackets), value: brackets };
    if (!marker) {
      if (stack.length === 0) preamble.push(paragraph);
      else stack[stack.length - 1].body.push(paragraph);
      continue;
    }
    const node: OutlineNode = { marker, head: paragraph, body: [], children: [] };
    const depth = levelFor(stack, marker, ranks);
    stack.length = depth;
    if (marker.style === 'cn' && depth === 0) lastCn = marker.value;
    const parent = stack[depth - 1];
    if (parent) {
      node.parent = parent;
      parent.children.push(node);
    } else nodes.push(node);
    stack.push(node);
  }
  return { preamble, nodes };
}

/** Stack depth at which a node with this marker is placed (its parent is stack[depth - 1]). */
function levelFor(stack: readonly OutlineNode[], marker: Marker, ranks: ReadonlyMap<string, number>): number {
  const same: number[] = [];
  for (let i = stack.length - 1; i >= 0; i--) if (stack[i].marker.style === marker.style) same.push(i);
  if (same.length === 0) {
    // A style not open yet: deeper than what is open, unless the document uses it further out
    // (an item whose heading the source lost: （1）…（3） then 12. under the same section).
    let depth = stack.length;
    const rank = ranks.get(marker.style) ?? Infinity;
    while (depth > 0 && (ranks.get(stack[depth - 1].marker.style) ?? -1) > rank) depth--;
    // 一、 / 第一章 after a box's own items is the document's outline again: the box is closed
    // (a 专栏 placed before the first chapter).
    if (OUTLINE_STYLES.has(marker.style)) {
      const box = stack.findIndex((n) => n.marker.style === 'box' && n.children.length > 0 && !n.children.some((c) => c.marker.style === marker.style));
      if (box >= 0) depth = Math.min(depth, box);
    }
    return depth;
  }
  const nearest = same[0];
  // Inside a box deeper than the sibling candidate, a first item opens the box's own list.
  for (let i = stack.length - 1; i > nearest; i--) {
    if (stack[i].marker.style === 'box' && stack[i].children.length === 0 && (marker.value === 1 || marker.style === 'bullet')) return i + 1;
  }
  // A number that does not follow the nearest list but follows an outer one resumes the outer list
  // (2. after a box whose items ran 1…6).
  if (marker.style !== 'bullet' && stack[nearest].marker.value + 1 !== marker.value) {
    const outer = same.find((i) => stack[i].marker.value + 1 === marker.value);
    if (outer !== undefined) return outer;
  }
  return nearest;
}
