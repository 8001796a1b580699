/**
 * The only module that imports the YAML library. It turns js-yaml 5's flat event stream
 * (exact offsets of every scalar, keys included, and of collection starts) into a positioned tree.
 */
import { parseEvents, getScalarValue, EVENT_ID, SCALAR_STYLE, COLLECTION_STYLE } from 'js-yaml';
import type { Event, ScalarEvent } from 'js-yaml';
import type { ScalarStyle, YAlias, YMap, YNode, YPair, YScalar, YSeq, YamlError, YamlParseResult } from './nodes';

/** Deep enough for any policy; shallow enough that a 5000-deep document fails fast and cleanly. */
const MAX_DEPTH = 200;

const STYLE_NAMES: Record<number, ScalarStyle> = {
  [SCALAR_STYLE.PLAIN]: 'plain',
  [SCALAR_STYLE.SINGLE_QUOTED]: 'single',
  [SCALAR_STYLE.DOUBLE_QUOTED]: 'double',
  [SCALAR_STYLE.LITERAL_BLOCK]: 'literal',
  [SCALAR_STYLE.FOLDED_BLOCK]: 'folded',
};

export function parseYaml(text: string): YamlParseResult {
  let events: Event[];
  try {
    events = parseEvents(text, { maxDepth: MAX_DEPTH });
  } catch (err) {
    return { text, error: toYamlError(text, err), extraDocuments: [] };
  }
  try {
    return buildTree(text, events);
  } catch (err) {
    return { text, error: toYamlError(text, err), extraDocuments: [] };
  }
}

function toYamlError(text: string, err: unknown): YamlError {
  const e = err as { reason?: string; message?: string; mark?: { position?: number } };
  const message = e.reason ?? e.message ?? String(err);
  let start = typeof e.mark?.position === 'number' ? e.mark.position : 0;
  start = Math.max(0, Math.min(start, text.length));
  // Cover the token at the error position (up to whitespace), never past the line end.
  let end = start;
  while (end < text.length && !/[\s]/.test(text[end]) && end - start < 200) end++;
  return { start, end, message };
}

interface OpenCollection {
  kind: 'map' | 'seq';
  start: number;
  flow: boolean;
  children: YNode[];
  anchor?: string;
}

function buildTree(text: string, events: Event[]): YamlParseResult {
  const anchors = new Map<string, YNode>();
  const stack: OpenCollection[] = [];
  const extraDocuments: number[] = [];
  let root: YNode | undefined;
  let documentIndex = -1;
  let nextDocumentMayStartAt = 0;
  let lastEnd = 0;

  const attach = (node: YNode, anchor: string | undefined): void => {
    if (anchor !== undefined) anchors.set(anchor, node);
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(node);
    else if (documentIndex === 0) root = node;
    else if (documentIndex > 0 && extraDocuments.length < documentIndex) extraDocuments.push(node.start);
    nextDocumentMayStartAt = Math.max(nextDocumentMayStartAt, node.end);
  };

  for (const event of events) {
    switch (event.type) {
      case EVENT_ID.DOCUMENT:
        documentIndex++;
        break;
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE:
        stack.push({
          kind: event.type === EVENT_ID.MAPPING ? 'map' : 'seq',
          start: event.start,
          flow: event.style === COLLECTION_STYLE.FLOW,
          children: [],
          anchor: sliceOrUndefined(text, event.anchorStart, event.anchorEnd),
        });
        break;
      case EVENT_ID.SCALAR: {
        // An empty value (`key:` or a bare `-`) has no offsets: place it just after its colon or dash.
        const parent = stack[stack.length - 1];
        const at = event.valueStart >= 0 ? -1
          : parent?.kind === 'seq' && !parent.flow ? emptyItemOffset(text, Math.max(lastEnd, parent.start))
          : !parent && documentIndex > 0 ? afterDocumentMarker(text, lastEnd)
          : emptyValueOffset(text, lastEnd);
        const scalar = makeScalar(text, event, at);
        lastEnd = Math.max(lastEnd, scalar.end);
        attach(scalar, sliceOrUndefined(text, event.anchorStart, event.anchorEnd));
        break;
      }
      case EVENT_ID.ALIAS: {
        const name = text.slice(event.anchorStart, event.anchorEnd);
        const alias: YAlias = { kind: 'alias', start: Math.max(0, event.anchorStart - 1), end: event.anchorEnd, name, target: anchors.get(name) };
        lastEnd = Math.max(lastEnd, alias.end);
        attach(alias, undefined);
        break;
      }
      case EVENT_ID.POP: {
        const open = stack.pop();
        if (!open) break; // closes a document
        const collection = closeCollection(text, open);
        lastEnd = Math.max(lastEnd, collection.end);
        attach(collection, open.anchor);
        break;
      }
    }
  }
  return { text, root, extraDocuments };
}

function closeCollection(text: string, open: OpenCollection): YMap | YSeq {
  const last = open.children[open.children.length - 1];
  let end = last ? last.end : open.start;
  if (open.flow) {
    // Include the closing bracket so the range covers `[...]` / `{...}` as written.
    const close = open.kind === 'map' ? '}' : ']';
    const at = text.indexOf(close, end);
    if (at >= 0) end = at + 1;
  }
  if (open.kind === 'seq') {
    return { kind: 'seq', start: open.start, end, items: open.children, flow: open.flow };
  }
  const pairs: YPair[] = [];
  for (let i = 0; i + 1 < open.children.length; i += 2) {
    pairs.push({ key: open.children[i], value: open.children[i + 1] });
  }
  return { kind: 'map', start: open.start, end, pairs, flow: open.flow };
}

/** Just after the `:` (or `-`) that follows the previous node, on its line. */
function emptyValueOffset(text: string, after: number): number {
  for (let i = after; i < text.length && text[i] !== '\n'; i++) {
    if (text[i] === ':' || text[i] === '-') return i + 1;
  }
  return Math.min(after, text.length);
}

/** Just after the `-` of an empty block-sequence item, which may sit lines below the previous item. */
function emptyItemOffset(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const ch = text[i];
    if (ch === '#') {
      while (i + 1 < text.length && text[i + 1] !== '\n') i++;
      continue;
    }
    if (ch === '-' && (i + 1 >= text.length || /\s/.test(text[i + 1]))) return i + 1;
    if (!/\s/.test(ch)) break;
  }
  return emptyValueOffset(text, from);
}

/** Just after the next `---` line: where an empty later document starts. */
function afterDocumentMarker(text: string, from: number): number {
  DOCUMENT_MARKER.lastIndex = from;
  const match = DOCUMENT_MARKER.exec(text);
  return match ? match.index + 3 : emptyValueOffset(text, from);
}

const DOCUMENT_MARKER = /^---(?=\s|$)/gm;

function makeScalar(text: string, event: ScalarEvent, emptyAt: number): YScalar {
  const style = STYLE_NAMES[event.style] ?? 'plain';
  const value = event.valueStart >= 0 ? getScalarValue(text, event) : '';
  const tag = sliceOrUndefined(text, event.tagStart, event.tagEnd);
  let start = event.valueStart >= 0 ? event.valueStart : emptyAt;
  let end = event.valueStart >= 0 ? event.valueEnd : emptyAt;
  if (style === 'single' || style === 'double') {
    // Offsets exclude the quotes; a range on the scalar should include them.
    if (start > 0 && (text[start - 1] === "'" || text[start - 1] === '"')) start--;
    if (end < text.length && (text[end] === "'" || text[end] === '"')) end++;
  } else if (style === 'literal' || style === 'folded') {
    // Trailing line breaks belong to the scalar's value, not to what a person sees as its range.
    while (end > start && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
  }
  const parsed = style === 'plain' && tag === undefined ? resolvePlain(value) : value;
  return { kind: 'scalar', start, end, value, parsed, style, tag };
}

function sliceOrUndefined(text: string, start: number, end: number): string | undefined {
  return start >= 0 && end >= start ? text.slice(start, end) : undefined;
}

const NULL_RE = /^(?:~|null|Null|NULL|)$/;
const TRUE_RE = /^(?:true|True|TRUE)$/;
const FALSE_RE = /^(?:false|False|FALSE)$/;
const INT_RE = /^[-+]?[0-9]+$/;
const OCT_RE = /^0o[0-7]+$/;
const HEX_RE = /^0x[0-9a-fA-F]+$/;
const FLOAT_RE = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;

/** YAML 1.2 core schema resolution of a plain scalar. */
function resolvePlain(value: string): string | number | boolean | null {
  if (NULL_RE.test(value)) return null;
  if (TRUE_RE.test(value)) return true;
  if (FALSE_RE.test(value)) return false;
  if (INT_RE.test(value)) return Number.parseInt(value, 10);
  if (OCT_RE.test(value)) return Number.parseInt(value.slice(2), 8);
  if (HEX_RE.test(value)) return Number.parseInt(value.slice(2), 16);
  if (FLOAT_RE.test(value)) return Number.parseFloat(value);
  if (/^[-+]?\.(?:inf|Inf|INF)$/.test(value)) return value.startsWith('-') ? -Infinity : Infinity;
  if (/^\.(?:nan|NaN|NAN)$/.test(value)) return Number.NaN;
  return value;
}
