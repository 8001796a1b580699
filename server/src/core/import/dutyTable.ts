/**
 * A 责任分工表 (task / 牵头单位 / 配合单位 table, usually an attachment) gives departments to the
 * clauses whose title or first sentence is the row's task. The table stays in the notes as written;
 * only clauses without a marker of their own take a row's departments.
 */
import { foldWidth } from '../normalise/width';
import { clauseDepartments } from './facts';
import { toSimplified } from './traditional';
import type { ImportedClause, ImportedDepartments } from './types';

const LEAD_HEAD = /^(?:牵头|责任|主责)(?:单位|部门)(?:[（(][^）)]*[）)])?$/;
const SUPPORT_HEAD = /^(?:配合|协办|参与)(?:单位|部门)(?:[（(][^）)]*[）)])?$/;
const TASK_HEAD = /任务|事项|内容|措施|举措|工作/;

export interface DutyRow {
  readonly task: string;
  readonly departments: ImportedDepartments;
}

/** Table cells: tab- or (2+)space-separated. */
function cellsOf(line: string): string[] {
  return line.trim().split(/\t+|\s{2,}|\u3000+/).map((c) => c.trim()).filter((c) => c !== '');
}

function departmentsOf(lead: string | undefined, support: string | undefined, bothHeads: boolean): ImportedDepartments | undefined {
  if (!lead) return undefined;
  // The importer's own marker reading splits and cleans the names the same way as in clause text.
  const marker = bothHeads ? `（牵头单位：${lead}${support ? `；配合单位：${support}` : ''}）` : `（责任单位：${lead}）`;
  return clauseDepartments(marker);
}

/** Rows of every 责任分工表 among `lines` (notes, as written). */
export function readDutyTables(lines: readonly string[]): DutyRow[] {
  const rows: DutyRow[] = [];
  for (let i = 0; i < lines.length; i++) {
    const head = cellsOf(toSimplified(lines[i]));
    const leadAt = head.findIndex((c) => LEAD_HEAD.test(c));
    if (head.length < 2 || leadAt < 0) continue;
    const supportAt = head.findIndex((c) => SUPPORT_HEAD.test(c));
    let taskAt = head.findIndex((c, k) => k !== leadAt && k !== supportAt && TASK_HEAD.test(c));
    if (taskAt < 0) taskAt = head.findIndex((c, k) => k !== leadAt && k !== supportAt && !/^序号$/.test(c));
    if (taskAt < 0) continue;
    for (i++; i < lines.length; i++) {
      const cells = cellsOf(lines[i]);
      // A row has the header's columns (a missing last 配合单位 cell is allowed).
      if (cells.length !== head.length && !(supportAt === head.length - 1 && cells.length === head.length - 1)) break;
      const departments = departmentsOf(cells[leadAt], supportAt >= 0 ? cells[supportAt] : undefined, supportAt >= 0);
      if (departments) rows.push({ task: cells[taskAt], departments });
    }
    i--;
  }
  return rows;
}

/** Title or sentence without punctuation, spacing and width differences. */
function key(text: string): string {
  const folded = foldWidth(toSimplified(text)).trim();
  // A task cell may keep the clause's numbering: （一）建设… / 1.建设…
  const bare = folded.replace(/^(?:[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十\d]{1,3}\s*[、.．])\s*/, '');
  return bare.replace(/[\s，,。；;：:、“”"'‘’（）()《》]/g, '');
}

/** The clause's title, else its first sentence. */
function clauseKey(title: string | undefined, text: string): string {
  return key(title ?? text.split(/[。；;\n]/)[0]);
}

/** Same task: equal, or one holds the other with at most two characters more. */
function sameTask(a: string, b: string): boolean {
  if (a.length < 4 || b.length < 4) return a === b && a !== '';
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return long.includes(short) && long.length - short.length <= 2;
}

/**
 * The row for each clause (by index), when exactly one row names its task and that row names no
 * other clause.
 */
export function matchDutyRows(rows: readonly DutyRow[], clauses: ReadonlyArray<{ title?: string; text: string }>): Map<number, ImportedDepartments> {
  const keys = clauses.map((c) => clauseKey(c.title, c.text));
  const matched = new Map<number, ImportedDepartments>();
  for (const row of rows) {
    const task = key(row.task);
    const hits = keys.flatMap((k, i) => (sameTask(k, task) ? [i] : []));
    if (hits.length === 1 && !matched.has(hits[0])) matched.set(hits[0], row.departments);
  }
  return matched;
}

/** Clause groups (a document's chapters, or its one list) with the table's departments filled in. */
export function withDutyRows(groups: ReadonlyArray<readonly ImportedClause[]>, rows: readonly DutyRow[]): ImportedClause[][] {
  if (rows.length === 0) return groups.map((g) => [...g]);
  const all = groups.flat();
  const matched = matchDutyRows(rows, all);
  let at = 0;
  return groups.map((group) =>
    group.map((clause) => {
      const departments = matched.get(at++);
      return departments && !clause.departments ? { ...clause, departments } : clause;
    }),
  );
}
