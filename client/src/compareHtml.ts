/**
 * The Compare-with-City webview page. Pure (no vscode import) so its escaping can be tested: every
 * string from a draft or the corpus goes through `escapeHtml`, scripts run only with the nonce, and
 * the page talks to the extension with two messages: reveal a clause, export Markdown.
 */
import type { CityComparison, PrecedentCap } from '../../server/src/core';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' })[ch]!);
}

function caps(list: readonly PrecedentCap[]): string {
  return list.length === 0 ? '—' : list.map((c) => `${c.tier ? `${c.tier} ` : ''}${c.text}${c.per ? `/${c.per}` : ''}`).join('、');
}

const MARKS = { higher: '▲ higher', lower: '▼ lower', same: '= same' } as const;

export function renderCompareHtml(result: CityComparison, draftTitle: string, nonce: string, cspSource: string): string {
  const e = escapeHtml;
  const rows = result.pairs.map((p) => `
    <tr>
      <td><a href="#" data-clause="${e(p.clause.id)}">${e(p.clause.id)} ${e(p.clause.title ?? '')}</a><div class="text">${e(p.clause.text)}</div></td>
      <td>${e(p.precedent.documentTitle)} · ${e(p.precedent.clause)}<div class="text">${e(p.precedent.text)}</div></td>
      <td class="num">${p.score.toFixed(2)}</td>
      <td>${e(caps(p.ours))}</td>
      <td>${e(caps(p.theirs))}</td>
      <td class="${p.capComparison ?? ''}">${p.capComparison ? e(MARKS[p.capComparison]) : ''}</td>
    </tr>`).join('');
  const ours = result.onlyOurs.map((c) => `<li><a href="#" data-clause="${e(c.id)}">${e(c.id)} ${e(c.title ?? c.text.slice(0, 40))}</a> (${e(caps(c.caps))})</li>`).join('');
  const theirs = result.onlyTheirs.map((p) => `<li>${e(p.documentTitle)} · ${e(p.clause)} ${e(p.clauseTitle ?? p.text.slice(0, 40))} (${e(caps(p.caps))})</li>`).join('');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${e(cspSource)} 'nonce-${e(nonce)}'; script-src 'nonce-${e(nonce)}'; base-uri 'none'; form-action 'none';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${e(draftTitle)} — ${e(result.city)}</title>
<style nonce="${e(nonce)}">
  body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 0 1em; }
  table { border-collapse: collapse; width: 100%; }
  th, td { border: 1px solid var(--vscode-panel-border, #8884); padding: 4px 8px; vertical-align: top; text-align: left; }
  .text { color: var(--vscode-descriptionForeground); font-size: 90%; margin-top: 4px; }
  .num { text-align: right; }
  .higher { color: var(--vscode-errorForeground, #c00); }
  .lower { color: var(--vscode-testing-iconPassed, #080); }
</style>
</head>
<body>
<h1>${e(draftTitle)} — ${e(result.city)}</h1>
<p>${result.pairs.length} aligned · ${result.onlyOurs.length} only in the draft · ${result.onlyTheirs.length} only in ${e(result.city)} <button id="export">Export Markdown</button></p>
<table id="pairs">
  <thead><tr><th>Draft clause</th><th>${e(result.city)} precedent</th><th>Score</th><th>Draft caps</th><th>Their caps</th><th></th></tr></thead>
  <tbody>${rows}</tbody>
</table>
<h2>Only in the draft</h2><ul id="only-ours">${ours}</ul>
<h2>Only in ${e(result.city)}</h2><ul id="only-theirs">${theirs}</ul>
<script nonce="${e(nonce)}">
  const vscode = acquireVsCodeApi();
  document.addEventListener('click', (event) => {
    const link = event.target.closest('[data-clause]');
    if (link) { event.preventDefault(); vscode.postMessage({ type: 'reveal', clause: link.getAttribute('data-clause') }); }
  });
  document.getElementById('export').addEventListener('click', () => vscode.postMessage({ type: 'export' }));
</script>
</body>
</html>`;
}

/** Messages the page may send; anything else is ignored. */
export type PanelMessage = { type: 'reveal'; clause: string } | { type: 'export' };

/** The draft clause ids the page links to: the only ones a `reveal` may name. */
export function revealableClauses(result: CityComparison): Set<string> {
  return new Set([...result.pairs.map((p) => p.clause.id), ...result.onlyOurs.map((c) => c.id)]);
}

/**
 * A message from the page, or undefined. The page is ours, but whatever runs in it could post
 * anything: only these two shapes pass, and `reveal` only with a clause id the page shows.
 */
export function parsePanelMessage(message: unknown, clauses?: ReadonlySet<string>): PanelMessage | undefined {
  if (!message || typeof message !== 'object' || Array.isArray(message)) return undefined;
  const m = message as Record<string, unknown>;
  if (m.type === 'export') return { type: 'export' };
  if (m.type === 'reveal' && typeof m.clause === 'string' && m.clause.length <= 64 && !/[\u0000-\u001f\u007f]/.test(m.clause)
    && (!clauses || clauses.has(m.clause))) return { type: 'reveal', clause: m.clause };
  return undefined;
}
