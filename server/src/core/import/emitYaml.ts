/**
 * A small YAML emitter for the dialect: two-space indentation, keys in SPEC §1 order, literal block
 * scalars for clause text and preamble, plain scalars where YAML reads them back as the same string
 * and double quotes everywhere else (ids like "1", dates-looking or numeric strings, `: `, ` #`,
 * leading indicators).
 */
import type { ImportedCap, ImportedChapter, ImportedClause, ImportedDepartments, ImportedDocument } from './types';
import { pushAll } from '../text/pushAll';

const INDICATOR_START = /^[-?:,[\]{}#&*!|>'"%@`]/;
const SPECIAL_PLAIN = /^(?:true|false|yes|no|on|off|y|n|null|~|[-+]?(?:\d[\d_,]*(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o[0-7]+|[-+]?\.(?:inf|nan))$/i;

/** A scalar as YAML will read it back unchanged: plain when safe, else double-quoted. */
export function scalar(value: string, inFlow = false): string {
  const plainSafe =
    value !== '' &&
    value.trim() === value &&
    !/[\n\r\t]/.test(value) &&
    !INDICATOR_START.test(value) &&
    !/: |:$| #/.test(value) &&
    !SPECIAL_PLAIN.test(value) &&
    !/^\d{4}-\d{2}-\d{2}/.test(value) &&
    !(inFlow && /[,[\]{}]/.test(value));
  return plainSafe ? value : quote(value);
}

function quote(value: string): string {
  const escaped = value.replace(/[\\"\u0000-\u001f\u007f\u2028\u2029]/g, (ch) => {
    switch (ch) {
      case '\\':
        return '\\\\';
      case '"':
        return '\\"';
      case '\n':
        return '\\n';
      case '\t':
        return '\\t';
      default:
        return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
    }
  });
  return `"${escaped}"`;
}

/** `key: |` and the lines indented under it; quoted instead when a block cannot hold the text. */
function block(key: string, text: string, indent: string): string[] {
  const lines = text.split('\n');
  // Leading spaces on the first line, or trailing spaces, would be misread in a literal block.
  if (lines.some((l) => /[ \t]$/.test(l)) || /^[ \t]/.test(lines[0]) || lines.some((l) => l.trim() === '')) {
    return [`${indent}${key}: ${quote(text)}`];
  }
  return [`${indent}${key}: |`, ...lines.map((l) => `${indent}  ${l}`)];
}

function flowList(values: readonly string[]): string {
  return `[${values.map((v) => scalar(v, true)).join(', ')}]`;
}

function departments(value: ImportedDepartments, indent: string): string[] {
  const out = [`${indent}departments:`];
  if (value.lead.length > 0) out.push(`${indent}  lead: ${flowList(value.lead)}`);
  if (value.support.length > 0) out.push(`${indent}  support: ${flowList(value.support)}`);
  return out;
}

function caps(values: readonly ImportedCap[], indent: string): string[] {
  const out = [`${indent}caps:`];
  for (const cap of values) {
    const fields: Array<[string, string | undefined]> = [
      ['max', cap.max],
      ['for', cap.for],
      ['per', cap.per],
      ['period', cap.period],
      ['rate', cap.rate],
      ['tier', cap.tier],
    ];
    let first = true;
    for (const [key, value] of fields) {
      if (value === undefined) continue;
      out.push(`${indent}${first ? '  - ' : '    '}${key}: ${scalar(value)}`);
      first = false;
    }
  }
  return out;
}

/** Source text as a comment: one line, whatever breaks it held. */
function comment(text: string): string {
  return `# ${text.replace(/[\r\n\u2028\u2029\u0085]+/g, ' ')}`;
}

function clause(value: ImportedClause, indent: string): string[] {
  const inner = `${indent}  `;
  const out = (value.headings ?? []).map((h) => `${indent}${comment(h)}`);
  out.push(`${indent}- id: ${quote(value.id)}`);
  if (value.title) out.push(`${inner}title: ${scalar(value.title)}`);
  if (value.kind !== 'measure') out.push(`${inner}kind: ${value.kind}`);
  pushAll(out, block('text', value.text, inner));
  if (value.departments) pushAll(out, departments(value.departments, inner));
  if (value.caps && value.caps.length > 0) pushAll(out, caps(value.caps, inner));
  return out;
}

function chapter(value: ImportedChapter, indent: string): string[] {
  const inner = `${indent}  `;
  const out = [`${indent}- id: ${scalar(value.id)}`];
  if (value.title) out.push(`${inner}title: ${scalar(value.title)}`);
  out.push(`${inner}clauses:`);
  for (const c of value.clauses) pushAll(out, clause(c, `${inner}  `));
  return out;
}

export function emitYaml(document: ImportedDocument, sourceName?: string): string {
  const out: string[] = [];
  if (sourceName) out.push(`# source: ${sourceName.replace(/[\r\n]+/g, ' ')}`);
  // Source text the dialect has no field for stays in the file.
  for (const note of document.notes ?? []) out.push(comment(`原文：${note}`));
  out.push(`policy: ${scalar(document.policy)}`);
  out.push(`city: ${scalar(document.city)}`);
  const optional: Array<[string, string | undefined]> = [
    ['level', document.level],
    ['issuer', document.issuer],
    ['docNumber', document.docNumber],
    ['status', document.status],
    ['effective', document.effective],
    ['expires', document.expires],
  ];
  for (const [key, value] of optional) {
    if (value === undefined) continue;
    // Dates stay plain (YYYY-MM-DD, as SPEC §1 writes them); other values as needed.
    out.push(`${key}: ${key === 'effective' || key === 'expires' ? value : scalar(value)}`);
  }
  if (document.preamble) pushAll(out, block('preamble', document.preamble, ''));
  if (document.chapters) {
    out.push('chapters:');
    for (const c of document.chapters) pushAll(out, chapter(c, '  '));
  } else {
    out.push('clauses:');
    for (const c of document.clauses ?? []) pushAll(out, clause(c, '  '));
  }
  return `${out.join('\n')}\n`;
}
