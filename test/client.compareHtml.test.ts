/** The compare panel renders corpus and draft strings as text, never as markup. */
import * as assert from 'node:assert/strict';
import { escapeHtml, parsePanelMessage, renderCompareHtml } from '../client/src/compareHtml';
import type { CityComparison } from '../server/src/core';

const PAYLOAD = '<script>alert(1)</script><img src=x onerror="alert(2)"><a href="javascript:alert(3)">x</a>';

function comparison(): CityComparison {
  const precedent = {
    id: `深圳/doc#1`, city: '深圳', document: 'doc', documentTitle: `深圳政策${PAYLOAD}`, status: 'in-force', clause: '1', clauseTitle: PAYLOAD,
    score: 0.9, caps: [{ yuan: 1e6, text: '100万元' }], text: `对企业给予奖励${PAYLOAD}`, excerpt: '', excerptStart: 0, excerptEnd: 0, line: 3,
  };
  return {
    city: '深圳',
    pairs: [{ clause: { id: `1${PAYLOAD}`, title: PAYLOAD, text: PAYLOAD, caps: [] }, precedent, score: 0.9, ours: [], theirs: precedent.caps, capComparison: 'lower' }],
    onlyOurs: [{ id: '2', title: PAYLOAD, text: PAYLOAD, caps: [] }],
    onlyTheirs: [{ ...precedent, id: '深圳/doc#2', clause: '2' }],
  };
}

describe('compare panel HTML', () => {
  const html = renderCompareHtml(comparison(), `草案${PAYLOAD}`, 'NONCE123', 'vscode-resource:');

  it('holds no live markup from the payloads', () => {
    assert.doesNotMatch(html, /<script>alert/);
    assert.doesNotMatch(html, /<img/);
    assert.doesNotMatch(html, /<a href="javascript:/);
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.ok(html.includes('onerror=&quot;alert(2)&quot;'));
  });

  it('runs only the nonce script under a strict CSP', () => {
    assert.match(html, /default-src 'none'; style-src vscode-resource: 'nonce-NONCE123'; script-src 'nonce-NONCE123';/);
    assert.equal([...html.matchAll(/<script/g)].length, 1);
    assert.match(html, /<script nonce="NONCE123">/);
  });

  it('lists pairs, measures only in the draft and only in the city', () => {
    assert.equal([...html.matchAll(/<tr>/g)].length, 2);
    assert.match(html, /<td class="lower">▼ lower<\/td>/);
    assert.match(html, /1 aligned · 1 only in the draft · 1 only in 深圳/);
  });

  it('escapes every HTML-significant character', () => {
    assert.equal(escapeHtml(`<>&"'\``), '&lt;&gt;&amp;&quot;&#39;&#96;');
  });

  it('accepts only well-formed messages from the page', () => {
    assert.deepEqual(parsePanelMessage({ type: 'reveal', clause: '3' }), { type: 'reveal', clause: '3' });
    assert.deepEqual(parsePanelMessage({ type: 'export', extra: 1 }), { type: 'export' });
    assert.equal(parsePanelMessage({ type: 'reveal', clause: 3 }), undefined);
    assert.equal(parsePanelMessage({ type: 'run', command: 'rm -rf' }), undefined);
    assert.equal(parsePanelMessage('reveal'), undefined);
  });
});
