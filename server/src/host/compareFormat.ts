/** `policy-lint compare` output: Markdown, HTML (escaped, self-contained) or JSON (SPEC §3). */
import type { CityComparison, PrecedentCap } from '../core';

function caps(list: readonly PrecedentCap[]): string {
  return list.length === 0 ? '—' : list.map((c) => `${c.tier ? `${c.tier} ` : ''}${c.text}${c.per ? `/${c.per}` : ''}${c.period === 'yearly' ? '/年' : c.period === 'total' ? '（累计）' : ''}`).join('、');
}

const MARK = { higher: '▲ higher', lower: '▼ lower', same: '= same' } as const;

export function compareJson(result: CityComparison): string {
  return `${JSON.stringify({
    city: result.city,
    pairs: result.pairs.map((p) => ({ clause: p.clause.id, precedent: p.precedent.id, score: p.score, ours: p.ours, theirs: p.theirs, capComparison: p.capComparison ?? null })),
    onlyOurs: result.onlyOurs.map((c) => ({ clause: c.id, title: c.title ?? null, caps: c.caps })),
    onlyTheirs: result.onlyTheirs.map((p) => ({ precedent: p.id, title: p.clauseTitle ?? null, document: p.documentTitle, caps: p.caps })),
  }, null, 2)}\n`;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();
}

export function compareMarkdown(result: CityComparison, draftTitle: string): string {
  const lines = [`# ${cell(draftTitle)} — compared with ${result.city}`, '', `${result.pairs.length} aligned clauses, ${result.onlyOurs.length} only in the draft, ${result.onlyTheirs.length} only in ${result.city}.`, ''];
  lines.push('## Aligned clauses', '', `| draft clause | ${result.city} precedent | score | draft caps | their caps | |`, '| --- | --- | --- | --- | --- | --- |');
  for (const p of result.pairs) {
    lines.push(`| ${cell(`${p.clause.id} ${p.clause.title ?? ''}`)} | ${cell(`${p.precedent.id} ${p.precedent.clauseTitle ?? ''}`)} | ${p.score.toFixed(2)} | ${cell(caps(p.ours))} | ${cell(caps(p.theirs))} | ${p.capComparison ? MARK[p.capComparison] : ''} |`);
  }
  lines.push('', '## Only in the draft', '');
  for (const c of result.onlyOurs) lines.push(`- ${cell(`${c.id} ${c.title ?? c.text.slice(0, 40)}`)} (${cell(caps(c.caps))})`);
  lines.push('', `## Only in ${result.city}`, '');
  for (const p of result.onlyTheirs) lines.push(`- ${cell(`${p.id} ${p.clauseTitle ?? p.text.slice(0, 40)}`)} (${cell(caps(p.caps))})`);
  return `${lines.join('\n')}\n`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

export function compareHtml(result: CityComparison, draftTitle: string): string {
  const e = escapeHtml;
  const rows = result.pairs.map((p) => `<tr><td>${e(p.clause.id)} ${e(p.clause.title ?? '')}</td><td>${e(p.precedent.id)} ${e(p.precedent.clauseTitle ?? '')}</td><td>${p.score.toFixed(2)}</td><td>${e(caps(p.ours))}</td><td>${e(caps(p.theirs))}</td><td class="${p.capComparison ?? ''}">${p.capComparison ? e(MARK[p.capComparison]) : ''}</td></tr>`).join('\n');
  const list = (items: string[]): string => `<ul>${items.map((i) => `<li>${e(i)}</li>`).join('')}</ul>`;
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${e(draftTitle)} — ${e(result.city)}</title>
<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;vertical-align:top}.higher{color:#b00}.lower{color:#060}</style>
</head><body>
<h1>${e(draftTitle)} — compared with ${e(result.city)}</h1>
<h2>Aligned clauses</h2>
<table><tr><th>Draft clause</th><th>${e(result.city)} precedent</th><th>Score</th><th>Draft caps</th><th>Their caps</th><th></th></tr>
${rows}
</table>
<h2>Only in the draft</h2>${list(result.onlyOurs.map((c) => `${c.id} ${c.title ?? c.text.slice(0, 40)} (${caps(c.caps)})`))}
<h2>Only in ${e(result.city)}</h2>${list(result.onlyTheirs.map((p) => `${p.id} ${p.clauseTitle ?? p.text.slice(0, 40)} (${caps(p.caps)})`))}
</body></html>
`;
}
