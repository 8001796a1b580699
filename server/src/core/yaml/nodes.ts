/**
 * Positioned YAML tree. Offsets are UTF-16 code-unit offsets into the source text,
 * zero-based, end-exclusive. Built by ./parseYaml.ts, the only module that touches the YAML library.
 */
export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal' | 'folded';

export interface YScalar {
  readonly kind: 'scalar';
  readonly start: number;
  readonly end: number;
  /** Decoded string value (escapes resolved, block indentation removed). */
  readonly value: string;
  /** Value resolved with the YAML 1.2 core schema: quoted scalars are always strings. */
  readonly parsed: string | number | boolean | null;
  readonly style: ScalarStyle;
  /** Explicit tag as written (`!!str`), if any. */
  readonly tag?: string;
}

export interface YPair {
  readonly key: YNode;
  readonly value: YNode;
}

export interface YMap {
  readonly kind: 'map';
  readonly start: number;
  readonly end: number;
  readonly pairs: readonly YPair[];
  readonly flow: boolean;
}

export interface YSeq {
  readonly kind: 'seq';
  readonly start: number;
  readonly end: number;
  readonly items: readonly YNode[];
  readonly flow: boolean;
}

/** An alias (`*name`). Never expanded into a copy: `target` points at the anchored node. */
export interface YAlias {
  readonly kind: 'alias';
  readonly start: number;
  readonly end: number;
  readonly name: string;
  readonly target?: YNode;
}

export type YNode = YScalar | YMap | YSeq | YAlias;

export interface YamlError {
  readonly start: number;
  readonly end: number;
  readonly message: string;
}

export interface YamlParseResult {
  readonly text: string;
  /** Root of the first document; undefined for an empty file or when parsing failed. */
  readonly root?: YNode;
  /** Set when the text is not valid YAML. */
  readonly error?: YamlError;
  /** Start offsets of any documents after the first (`---`), which the dialect does not allow. */
  readonly extraDocuments: readonly number[];
}

export function isScalar(node: YNode | undefined): node is YScalar {
  return node !== undefined && node.kind === 'scalar';
}

export function isMap(node: YNode | undefined): node is YMap {
  return node !== undefined && node.kind === 'map';
}

export function isSeq(node: YNode | undefined): node is YSeq {
  return node !== undefined && node.kind === 'seq';
}

/** Looks a key up in a mapping (first occurrence; duplicates are reported by the schema rule). */
export function getPair(map: YMap, key: string): YPair | undefined {
  for (const pair of map.pairs) {
    if (pair.key.kind === 'scalar' && pair.key.value === key) return pair;
  }
  return undefined;
}

/** Empty plain scalar, as YAML gives for `key:` with nothing after it. */
export function isEmptyScalar(node: YNode): boolean {
  return node.kind === 'scalar' && node.style === 'plain' && node.value === '' ;
}
