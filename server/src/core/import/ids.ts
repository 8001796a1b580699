/**
 * Clause ids, unique within a document and stable for a given text:
 *  - the clause's own number as written ("1", "十五", "专栏3") when every own number in the
 *    document is unique (policies numbered 1…n throughout);
 *  - otherwise the numbers on its path joined by "-": chapter, section, item ("二-一-1"); a path
 *    starts at the nearest 专栏 when 专栏 numbers are unique, since a box is numbered document-wide
 *    ("专栏3-2");
 *  - a repeated id (a source numbering error) gets "_2", "_3" … and a warning.
 * A chapter's own text (a chapter that has text before its items) has the chapter's number as id;
 * closing paragraphs after the last item have the id "附".
 */

export interface IdSource {
  /** Labels from the top-level node down to the clause's own node. */
  readonly path: readonly string[];
  /** Index in `path` of the nearest enclosing box (专栏), if any. */
  readonly boxAt?: number;
}

function allUnique(values: readonly string[]): boolean {
  return new Set(values).size === values.length;
}

/** `boxesUnique`: no two 专栏 of the document share a number. */
export function assignIds(sources: readonly IdSource[], boxesUnique: boolean, warnings: string[]): string[] {
  const own = sources.map((s) => s.path[s.path.length - 1]);
  let ids: string[];
  if (allUnique(own)) ids = own;
  else {
    ids = sources.map((s) => (boxesUnique && s.boxAt !== undefined ? s.path.slice(s.boxAt) : s.path).join('-'));
  }
  const seen = new Map<string, number>();
  return ids.map((id) => {
    const count = (seen.get(id) ?? 0) + 1;
    seen.set(id, count);
    if (count === 1) return id;
    warnings.push(`clause id ${id} occurs more than once in the source numbering; the repeat is ${id}_${count}`);
    return `${id}_${count}`;
  });
}
