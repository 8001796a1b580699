/**
 * Quick fixes for diagnostics, as plain text edits (offsets into the document): add the lead that
 * precedents use, replace an unknown department, make caps agree with the text, renumber a duplicate
 * id, suppress a rule on a line. Pinning a precedent is offered on any measure clause.
 */
import type { Locale } from '../config';
import type { PolicyDiagnostic } from '../diagnostics';
import type { ParsedPolicy } from '../engine';
import type { Clause } from '../model/types';
import { leadDepartments } from '../model/types';
import { formatMoney } from '../normalise/money';
import { PRECEDENT_SCORE } from '../precedents/types';
import type { PrecedentIndex } from '../precedents/types';
import { pathAt } from '../yaml/nodeAt';
import { getPair } from '../yaml/nodes';
import { clauseAt } from './hover';

export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

export interface QuickFix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  readonly diagnostic?: PolicyDiagnostic;
  readonly preferred?: boolean;
}

export function quickFixes(parsed: ParsedPolicy, diagnostic: PolicyDiagnostic, corpus: PrecedentIndex | undefined, locale: Locale): QuickFix[] {
  const zh = locale === 'zh-CN';
  const fixes: QuickFix[] = [];
  const clause = clauseAt(parsed, diagnostic.start);
  const add = (title: string, edits: TextEdit[], preferred = false): void => { fixes.push({ title, edits, diagnostic, preferred }); };
  switch (diagnostic.code) {
    case 'missing-department': {
      if (!clause) break;
      for (const lead of suggestedLeads(parsed, clause, corpus)) {
        const edit = addLeadEdit(parsed, clause, lead);
        if (edit) add(zh ? `添加牵头单位：${lead}` : `Add lead department ${lead}`, [edit], fixes.length === 0);
      }
      break;
    }
    case 'unknown-department': {
      for (const suggestion of (diagnostic.data?.suggestions as string[] | undefined) ?? []) {
        add(zh ? `改为“${suggestion}”` : `Replace with ${suggestion}`, [{ start: diagnostic.start, end: diagnostic.end, newText: suggestion }], fixes.length === 0);
      }
      break;
    }
    case 'cap-text-mismatch': {
      if (!clause) break;
      const textAmounts = clause.facts.capMentions.map((m) => m.yuan);
      const capsAmounts = new Set(clause.caps.map((c) => c.max?.value));
      const missing = [...new Set(textAmounts.filter((y) => !capsAmounts.has(y)))];
      if (typeof diagnostic.data?.capsAmount === 'number' && missing.length === 1) {
        add(zh ? `caps 改为正文金额 ${formatMoney(missing[0])}` : `Set caps to the text's ${formatMoney(missing[0])}`, [{ start: diagnostic.start, end: diagnostic.end, newText: formatMoney(missing[0]) }], true);
      }
      if (typeof diagnostic.data?.textAmount === 'number' && clause.capsNode && clause.capsNode.items.length > 0 && !clause.capsNode.flow) {
        const lastItem = clause.capsNode.items[clause.capsNode.items.length - 1];
        const dashColumn = dashColumnOf(parsed, lastItem.start);
        const lineEnd = parsed.lines.lineEndOffset(parsed.lines.positionAt(lastItem.end).line);
        if (dashColumn !== undefined) {
          add(zh ? `在 caps 中加入 ${formatMoney(diagnostic.data.textAmount)}` : `Add ${formatMoney(diagnostic.data.textAmount)} to caps`,
            [{ start: lineEnd, end: lineEnd, newText: `${newlineOf(parsed)}${' '.repeat(dashColumn)}- max: ${formatMoney(diagnostic.data.textAmount)}` }]);
        }
      }
      break;
    }
    case 'duplicate-id': {
      const used = new Set(parsed.document.clauses.map((c) => c.id?.value).concat(parsed.document.chapters.map((c) => c.id?.value)));
      const id = String(diagnostic.data?.id ?? '');
      let next = '';
      if (/^\d+$/.test(id)) {
        const numbers = [...used].filter((v): v is string => !!v && /^\d+$/.test(v)).map(Number);
        next = String(Math.max(...numbers) + 1);
      } else {
        for (let n = 2; next === '' || used.has(next); n++) next = `${id}-${n}`;
      }
      const original = parsed.document.yaml.text.slice(diagnostic.start, diagnostic.end);
      const quoted = /^["']/.test(original) ? `${original[0]}${next}${original[0]}` : /^\d+$/.test(next) ? `"${next}"` : next;
      add(zh ? `重新编号为 ${next}` : `Renumber to ${next}`, [{ start: diagnostic.start, end: diagnostic.end, newText: quoted }], true);
      break;
    }
  }
  // A comment cannot suppress what concerns the whole file (an empty one has no next line to mark).
  if (diagnostic.code !== 'yaml-syntax' && parsed.document.yaml.root !== undefined) fixes.push(suppressFix(parsed, diagnostic, zh));
  return fixes;
}

/** Offered on a measure clause: pin its best precedent. */
export function pinPrecedentFix(parsed: ParsedPolicy, clause: Clause, corpus: PrecedentIndex, locale: Locale): QuickFix | undefined {
  const best = corpus.query(clause, { city: parsed.document.city?.value, top: 1, minScore: PRECEDENT_SCORE.confident, excerpts: false }).precedents[0];
  if (!best || clause.precedents.some((p) => p.value.trim() === best.id)) return undefined;
  const edit = clause.precedents.length === 0 ? insertClauseKey(parsed, clause, `precedents: [${flowScalar(best.id)}]`) : undefined;
  if (!edit) return undefined;
  return { title: locale === 'zh-CN' ? `引用先例 ${best.id}` : `Pin precedent ${best.id}`, edits: [edit] };
}

/** The lead most used by the clause's precedents, then the leads of the document's other clauses. */
function suggestedLeads(parsed: ParsedPolicy, clause: Clause, corpus: PrecedentIndex | undefined): string[] {
  const votes = new Map<string, number>();
  if (corpus) {
    for (const p of corpus.query(clause, { city: parsed.document.city?.value, top: 5, minScore: PRECEDENT_SCORE.comparable, excerpts: false }).precedents) {
      const resolved = corpus.resolve(p.id);
      const lead = resolved && leadDepartments(resolved.clause)[0];
      if (lead) votes.set(lead.replace(/^[\p{Script=Han}]{2,3}市(?=[^市])/u, '市'), (votes.get(lead) ?? 0) + p.score);
    }
  }
  for (const other of parsed.document.clauses) {
    const lead = leadDepartments(other)[0];
    if (lead) votes.set(lead, (votes.get(lead) ?? 0) + 0.01);
  }
  return [...votes].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([name]) => name);
}

/**
 * Column of the `-` that opens the block-list item starting at `itemStart` (found on its line, not
 * assumed two columns left: `-   max:` and an empty `-` item exist), or undefined.
 */
function dashColumnOf(parsed: ParsedPolicy, itemStart: number): number | undefined {
  const text = parsed.document.yaml.text;
  const lineStart = parsed.lines.lineStartOffset(parsed.lines.positionAt(itemStart).line);
  let i = Math.min(itemStart, text.length) - 1;
  if (text[itemStart] === '-' && !/[^\s]/.test(text[itemStart + 1] ?? '')) i = itemStart; // positioned on the dash itself
  while (i >= lineStart && (text[i] === ' ' || text[i] === '\t')) i--;
  if (i < lineStart || text[i] !== '-' || text.slice(lineStart, i).trim() !== '') return undefined;
  return i - lineStart;
}

/**
 * Where a value can be written after `key:` on the key's line: after any anchor or tag already there
 * (`departments: &工信财政`), before a trailing comment.
 */
function afterKeyOnLine(parsed: ParsedPolicy, key: { end: number }): number | undefined {
  const text = parsed.document.yaml.text;
  const colon = text.indexOf(':', key.end);
  if (colon < 0) return undefined;
  const lineEnd = parsed.lines.lineEndOffset(parsed.lines.positionAt(colon).line);
  const rest = text.slice(colon + 1, lineEnd);
  const comment = /(^|\s)#/.exec(rest);
  const content = (comment ? rest.slice(0, comment.index) : rest).replace(/\s+$/, '');
  return colon + 1 + content.length;
}

/**
 * The indentation of the mapping a key opens a line of: its line's leading blanks and list dashes
 * (`  - !custom id:` is at column 4, where `title:` below it is), not the key scalar's own column.
 */
function keyColumn(parsed: ParsedPolicy, keyStart: number): number {
  const line = parsed.lines.lineText(parsed.lines.positionAt(keyStart).line);
  return /^[ \t]*(?:-[ \t]+)*/.exec(line)![0].length;
}

/** The document's line break: new lines match the ones around them. */
function newlineOf(parsed: ParsedPolicy): string {
  return parsed.document.yaml.text.includes('\r\n') ? '\r\n' : '\n';
}

/** A name as an item of a flow list: plain when YAML reads it back unchanged, else double-quoted. */
function flowScalar(name: string): string {
  return /^\s|\s$|[,[\]{}"\\]|: |:$|\s#|^[-?:!&*|>'%@`#]/.test(name) ? JSON.stringify(name) : name;
}

/**
 * Gives the clause a lead without a second `departments` key: into the field when there is one
 * (an empty `lead: []`, a `lead:` with no value, a mapping with support only, an empty list or an
 * empty value), else as a new `departments: {lead: [...]}` line. Insertions only: nothing is deleted.
 */
function addLeadEdit(parsed: ParsedPolicy, clause: Clause, lead: string): TextEdit | undefined {
  const text = parsed.document.yaml.text;
  const name = flowScalar(lead);
  const field = getPair(clause.node, 'departments');
  if (!field) return insertClauseKey(parsed, clause, `departments: {lead: [${name}]}`);
  const value = field.value;
  const at = (offset: number, newText: string): TextEdit => ({ start: offset, end: offset, newText });
  const afterColon = (key: { end: number }): number | undefined => afterKeyOnLine(parsed, key);
  if (value.kind === 'scalar' && value.value === '' && value.style === 'plain') {
    const offset = afterColon(field.key);
    return offset === undefined ? undefined : at(offset, ` {lead: [${name}]}`);
  }
  if (value.kind === 'seq' && value.flow && value.items.length === 0 && text[value.start] === '[') return at(value.start + 1, name);
  if (value.kind !== 'map') return undefined;
  const leadPair = getPair(value, 'lead');
  if (leadPair) {
    const list = leadPair.value;
    if (list.kind === 'seq' && list.flow && list.items.length === 0 && text[list.start] === '[') return at(list.start + 1, name);
    if (list.kind === 'scalar' && list.value === '' && list.style === 'plain') {
      const offset = afterColon(leadPair.key);
      return offset === undefined ? undefined : at(offset, ` [${name}]`);
    }
    return undefined;
  }
  if (value.flow) {
    if (value.pairs.length === 0) return text[value.start] === '{' ? at(value.start + 1, `lead: [${name}]`) : undefined;
    return at(value.pairs[0].key.start, `lead: [${name}], `);
  }
  // A block mapping: a new first line at the column of its first key (before any tag or anchor of it).
  const first = value.pairs[0];
  if (!first) return undefined;
  const column = keyColumn(parsed, first.key.start);
  const lineStart = parsed.lines.lineStartOffset(parsed.lines.positionAt(first.key.start).line);
  if (text.slice(lineStart, lineStart + column).trim() !== '') return undefined; // the mapping starts after a `- `
  return at(lineStart + column, `lead: [${name}]${newlineOf(parsed)}${' '.repeat(column)}`);
}

/** Inserts `key: value` as a new line of the clause mapping, after its first entry. */
function insertClauseKey(parsed: ParsedPolicy, clause: Clause, line: string): TextEdit | undefined {
  if (clause.node.flow || clause.node.pairs.length === 0) return undefined;
  const first = clause.node.pairs[0];
  const column = keyColumn(parsed, first.key.start);
  if (first.value.kind === 'scalar' && (first.value.style === 'literal' || first.value.style === 'folded')) return undefined;
  const at = parsed.lines.lineEndOffset(parsed.lines.positionAt(first.value.end).line);
  return { start: at, end: at, newText: `${newlineOf(parsed)}${' '.repeat(column)}${line}` };
}

/**
 * `# policy-lint-disable-next-line CODE` above the line; above the key's line when the finding sits
 * inside a scalar that runs over several lines (a block, or a quoted or plain multi-line value),
 * where a comment line would become part of the value.
 */
function suppressFix(parsed: ParsedPolicy, diagnostic: PolicyDiagnostic, zh: boolean): QuickFix {
  const text = parsed.document.yaml.text;
  let line = diagnostic.range.start.line;
  const path = pathAt(parsed.document.yaml.root, diagnostic.start);
  const inner = path[path.length - 1];
  if (inner?.node.kind === 'scalar' && !inner.onKey) {
    const opening = parsed.lines.positionAt((inner.key ?? inner.node).start).line;
    if (opening < line) line = opening;
  }
  // After a byte order mark: a comment before it would make the mark part of the first key.
  const lineStart = line === 0 && text.startsWith('\uFEFF') ? 1 : parsed.lines.lineStartOffset(line);
  const indent = /^[ \t]*/.exec(text.slice(lineStart, parsed.lines.lineEndOffset(line)))![0];
  const newline = newlineOf(parsed);
  return {
    title: zh ? `在此行停用 ${diagnostic.code}` : `Suppress ${diagnostic.code} on this line`,
    edits: [{ start: lineStart, end: lineStart, newText: `${indent}# policy-lint-disable-next-line ${diagnostic.code}${newline}` }],
    diagnostic,
  };
}
