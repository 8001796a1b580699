/**
 * The compare panel renders corpus and draft strings as text, never as markup: payloads in the
 * policy titles, clause titles and texts, department names (in text markers and caps), the city
 * and cap fields; and it accepts only well-formed messages naming a clause it shows.
 */
import * as assert from 'node:assert/strict';
import { escapeHtml, parsePanelMessage, renderCompareHtml, revealableClauses } from '../client/src/compareHtml';
import type { CityComparison } from '../server/src/core';

const PAYLOAD = '<script>alert(1)</script><img src=x onerror="alert(2)"><a href="javascript:alert(3)">x</a>';
const DEPARTMENT = `市工信局<svg onload=alert(4)>`;
const QUOTE_BREAK = `" onmouseover="alert(5)`;

function comparison(): CityComparison {
  const precedent = {
    id: `深圳/doc#1`, city: '深圳', document: 'doc', documentTitle: `深圳市关于加快人工智能产业发展的若干措施${PAYLOAD}`, status: 'in-force', clause: `1${QUOTE_BREAK}`, clauseTitle: PAYLOAD,
    score: 0.9, caps: [{ yuan: 1e6, text: `100万元${PAYLOAD}`, per: `企业${PAYLOAD}`, tier: '国家级' as const }],
    text: `对首次入选的企业给予最高100万元奖励${PAYLOAD}。（责任单位：${DEPARTMENT}、市财政局）`, excerpt: '', excerptStart: 0, excerptEnd: 0, line: 3,
  };
  return {
    city: `深圳${PAYLOAD}`,
    pairs: [{
      clause: { id: `1${QUOTE_BREAK}`, title: PAYLOAD, text: `对首次入选的“头雁”企业给予最高100万元奖励。${PAYLOAD}（责任部门：${DEPARTMENT}）`, caps: [] },
      precedent, score: 0.9, ours: [], theirs: precedent.caps, capComparison: 'lower',
    }],
    onlyOurs: [{ id: '2', title: PAYLOAD, text: `支持人工智能企业总部迁入。（责任部门：${DEPARTMENT}）`, caps: [{ yuan: 5e5, text: '50万元', per: DEPARTMENT }] }],
    onlyTheirs: [{ ...precedent, id: '深圳/doc#2', clause: '2' }],
  };
}

const OWN_TAGS = new Set(['!DOCTYPE', 'html', 'head', 'meta', 'title', 'style', 'body', 'h1', 'h2', 'p', 'button', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'a', 'div', 'ul', 'li', 'script']);

describe('compare panel HTML', () => {
  const html = renderCompareHtml(comparison(), `苏州市促进人工智能产业发展的若干措施（征求意见稿）${PAYLOAD}`, 'NONCE123', 'vscode-resource:');
  const body = html.slice(html.indexOf('<body>'), html.indexOf('<script nonce='));

  it('holds no live markup from the payloads', () => {
    assert.doesNotMatch(html, /<script>alert/);
    assert.doesNotMatch(html, /<img|<svg/);
    assert.doesNotMatch(html, /<a href="javascript:/);
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.ok(html.includes('onerror=&quot;alert(2)&quot;'));
    assert.ok(html.includes('市工信局&lt;svg onload=alert(4)&gt;'));
  });

  it('has only its own tags, and no attribute a payload wrote', () => {
    for (const tag of html.matchAll(/<\/?(!?[A-Za-z][\w-]*)([^>]*)>/g)) {
      assert.ok(OWN_TAGS.has(tag[1]), `<${tag[1]}>`);
      // Attribute names outside quoted values: an escaped payload inside a value is text.
      assert.doesNotMatch(tag[2].replace(/"[^"]*"/g, '""'), /\bon\w+\s*=|javascript:/i, `<${tag[1]}${tag[2]}>`);
    }
    // The id that tries to close its attribute stays inside it.
    assert.ok(body.includes(`data-clause="1&quot; onmouseover=&quot;alert(5)"`));
  });

  it('shows the payloads as text where they belong: titles, clause text, departments, city, caps', () => {
    assert.match(html, /<title>苏州市促进人工智能产业发展的若干措施（征求意见稿）&lt;script&gt;/);
    assert.match(body, /<h1>苏州市促进人工智能产业发展的若干措施（征求意见稿）&lt;script&gt;alert\(1\)&lt;\/script&gt;.* — 深圳&lt;script&gt;/);
    assert.match(body, /<div class="text">对首次入选的“头雁”企业给予最高100万元奖励。&lt;script&gt;.*（责任部门：市工信局&lt;svg onload=alert\(4\)&gt;）<\/div>/);
    assert.match(body, /<td>深圳市关于加快人工智能产业发展的若干措施&lt;script&gt;/);
    assert.match(body, /<td>国家级 100万元&lt;script&gt;.*\/企业&lt;script&gt;/);
    assert.match(body, /\(50万元\/市工信局&lt;svg onload=alert\(4\)&gt;\)/);
  });

  it('runs only the nonce script under a strict CSP', () => {
    assert.match(html, /content="default-src 'none'; style-src vscode-resource: 'nonce-NONCE123'; script-src 'nonce-NONCE123'; base-uri 'none'; form-action 'none';"/);
    assert.equal([...html.matchAll(/<script/g)].length, 1);
    assert.match(html, /<script nonce="NONCE123">/);
    assert.equal([...html.matchAll(/<style/g)].length, 1);
    assert.match(html, /<style nonce="NONCE123">/);
  });

  it('lists pairs, measures only in the draft and only in the city', () => {
    assert.equal([...html.matchAll(/<tr>/g)].length, 2);
    assert.match(html, /<td class="lower">▼ lower<\/td>/);
    assert.match(html, /1 aligned · 1 only in the draft · 1 only in 深圳&lt;script&gt;/);
  });

  it('escapes every HTML-significant character', () => {
    assert.equal(escapeHtml(`<>&"'\``), '&lt;&gt;&amp;&quot;&#39;&#96;');
  });

  it('accepts only well-formed messages from the page', () => {
    assert.deepEqual(parsePanelMessage({ type: 'reveal', clause: '3' }), { type: 'reveal', clause: '3' });
    assert.deepEqual(parsePanelMessage({ type: 'export', extra: 1 }), { type: 'export' });
    assert.equal(parsePanelMessage({ type: 'reveal', clause: 3 }), undefined);
    assert.equal(parsePanelMessage({ type: 'reveal', clause: 'x'.repeat(65) }), undefined);
    assert.equal(parsePanelMessage({ type: 'reveal', clause: '3\n4' }), undefined);
    assert.equal(parsePanelMessage({ type: 'run', command: 'rm -rf' }), undefined);
    assert.equal(parsePanelMessage(['reveal', '3']), undefined);
    assert.equal(parsePanelMessage(null), undefined);
    assert.equal(parsePanelMessage('reveal'), undefined);
  });

  it('reveals only a clause the panel shows', () => {
    const shown = revealableClauses(comparison());
    assert.deepEqual([...shown].sort(), [`1${QUOTE_BREAK}`, '2']);
    assert.deepEqual(parsePanelMessage({ type: 'reveal', clause: '2' }, shown), { type: 'reveal', clause: '2' });
    assert.equal(parsePanelMessage({ type: 'reveal', clause: '7' }, shown), undefined);
    assert.deepEqual(parsePanelMessage({ type: 'export' }, shown), { type: 'export' });
  });
});
