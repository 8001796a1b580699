/**
 * Hovers carry text from the draft and from the corpus. Payloads (<script>, onerror=, javascript:,
 * a command link to open a terminal) in a corpus title, clause text and department, and in the
 * draft's title, department names and pinned precedent, must render as text: the hover Markdown,
 * rendered by markdown-it with raw HTML and linkify on (more permissive than VS Code's hover), holds
 * no tag but the hover's own, and every link goes to a corpus file or a policyLint.* command.
 */
import * as assert from 'node:assert/strict';
import { createPolicyLanguageService } from '../server/src/core';
import type { CorpusSource } from '../server/src/core';
import { escapeMarkdown, linkTarget, sanitizeLinks } from '../server/src/core/features/markdown';

// markdown-it ships with @vscode/vsce (a devDependency); untyped, so the little we use is declared here.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const MarkdownIt = require('markdown-it') as new (options: { html: boolean; linkify: boolean }) => { render(markdown: string): string };
const renderer = new MarkdownIt({ html: true, linkify: true });

const TERMINAL = '[点此办理](command:workbench.action.terminal.new)';
const PAYLOAD = `<script>alert(1)</script><img src=x onerror=alert(2)><a href="javascript:alert(3)">详情</a>${TERMINAL}<command:workbench.action.terminal.new> javascript:alert(4) https://evil.example/x www.evil.example`;

const CORPUS: CorpusSource[] = [{
  id: 'tianjin-2020-evil-measures',
  // A folder name with a closing parenthesis must not end the link early.
  uri: 'file:///srv/corpus)(command:workbench.action.terminal.new)/tianjin-2020-evil-measures.policy.yaml',
  text: `policy: ${JSON.stringify(`天津市关于进一步支持发展智能制造的政策措施${PAYLOAD}`)}
city: 天津
status: in-force
departments:
  ${JSON.stringify(`市工信局${PAYLOAD}`)}: ${JSON.stringify(`天津市工业和信息化局${PAYLOAD}`)}
clauses:
  - id: "11"
    title: ${JSON.stringify(`支持首台（套）推广应用${PAYLOAD}`)}
    text: ${JSON.stringify(`支持重点领域首台（套）重大技术装备集成应用、首版次软件示范应用，对列入首台（套）重大技术装备产品目录的制造企业，给予最高1000万元支持。${PAYLOAD}（责任单位：市工信局）`)}
    departments: [${JSON.stringify(`市工信局${PAYLOAD}`)}]
  - id: "12"
    title: 支持首台（套）示范应用
    text: ${JSON.stringify(`对首台（套）重大技术装备示范应用项目，按照产品售价的30%给予最高800万元奖励。${PAYLOAD}（责任单位：市工信局）`)}
`,
}, {
  // A workspace corpus can name any city.
  id: 'evil-city-2021-measures',
  text: `policy: 关于促进首台（套）重大技术装备推广应用的若干措施
city: ${JSON.stringify(`深圳${PAYLOAD}`)}
clauses:
  - id: "3"
    title: 支持首台（套）推广应用
    text: 对列入首台（套）重大技术装备推广应用指导目录的产品，给予最高1200万元奖励。（责任单位：市工信局）
`,
}];

const DRAFT = `policy: ${JSON.stringify(`苏州市促进智能制造发展的若干措施${PAYLOAD}`)}
city: 苏州
departments:
  市工信局: ${JSON.stringify(`苏州市工业和信息化局${PAYLOAD}`)}
clauses:
  - id: "1"
    title: 支持首台（套）推广应用
    text: |
      支持重点领域首台（套）重大技术装备集成应用、首版次软件示范应用，对列入首台（套）重大技术装备产品目录的制造企业，给予最高1000万元支持。（责任单位：市工信局）
    precedents: [天津/tianjin-2020-evil-measures#11]
`;

const OWN_TAGS = new Set(['p', 'strong', 'em', 'a', 'blockquote', 'ul', 'li', 'br']);

function assertInert(markdown: string, where: string): void {
  const html = renderer.render(markdown);
  for (const tag of html.matchAll(/<([a-zA-Z][\w-]*)([^>]*)>/g)) {
    assert.ok(OWN_TAGS.has(tag[1].toLowerCase()), `${where}: live <${tag[1]}> in\n${html}`);
    assert.doesNotMatch(tag[2], /\bon\w+\s*=/i, `${where}: event handler in <${tag[1]}${tag[2]}>`);
  }
  for (const href of html.matchAll(/href="([^"]*)"/g)) {
    assert.ok(/^(?:file|policy-corpus):\/\//.test(href[1]) || /^command:policyLint\./.test(href[1]), `${where}: link to ${href[1]}`);
    assert.doesNotMatch(href[1], /command:workbench|javascript:/i, `${where}: ${href[1]}`);
  }
  // The payload is still there to read, as text.
  assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), `${where}: payload not shown as text:\n${html}`);
}

describe('hover Markdown with hostile draft and corpus text', () => {
  const service = createPolicyLanguageService({ corpus: () => CORPUS });
  const parsed = service.parse(DRAFT, 'file:///drafts/suzhou.policy.yaml');
  const at = (needle: string, delta = 1): number => {
    const i = DRAFT.indexOf(needle);
    assert.ok(i >= 0, needle);
    return i + delta;
  };

  const cases: Array<[string, () => number, RegExp]> = [
    ['precedents of a clause text', () => at('支持重点领域'), /\*\*Precedents\*\*/],
    ['an amount among precedent caps', () => at('1000万元'), /^\*\*1000万元\*\*/],
    ['a pinned precedent', () => at('天津/tianjin'), /^\*\*天津\/tianjin-2020-evil-measures\\#11\*\* — 《天津市关于进一步支持发展智能制造的政策措施/],
    ['a department in a text marker', () => at('市工信局）'), /^\*\*市工信局\*\* — 苏州市工业和信息化局\\<script\\>/],
  ];
  for (const [what, offset, shape] of cases) {
    it(`${what}: payloads render as text`, () => {
      const hover = service.hover(parsed, offset());
      assert.ok(hover, `no hover on ${what}`);
      assert.match(hover.markdown, shape);
      assertInert(hover.markdown, what);
    });
  }

  it('the precedent link keeps the whole corpus path, percent-encoded', () => {
    const hover = service.hover(parsed, at('支持重点领域'))!;
    const links = [...hover.markdown.matchAll(/(?<!\\)\]\(([^)]*)\)/g)].map((m) => m[1]);
    assert.ok(links.length >= 1, hover.markdown);
    for (const target of links) {
      assert.ok(target.startsWith('file:///srv/corpus%29%28command:workbench.action.terminal.new%29/tianjin-2020-evil-measures.policy.yaml#L'), target);
    }
  });

  it('escapes every character that can start Markdown or HTML', () => {
    assert.equal(escapeMarkdown('<a>[x](y) *b* _c_ `d` ~e~ &amp; !f #g |h| {i} \\j k:l $m'),
      '\\<a\\>\\[x\\]\\(y\\) \\*b\\* \\_c\\_ \\`d\\` \\~e\\~ \\&amp; \\!f \\#g \\|h\\| \\{i\\} \\\\j k\\:l \\$m');
    assert.equal(escapeMarkdown('第一行\n# 第二行\r\n> 第三行'), '第一行 \\# 第二行 \\> 第三行');
    assert.equal(escapeMarkdown('见 www.example.com'), '见 www\\.example.com');
    assert.equal(escapeMarkdown('给予最高1.5亿元奖励（责任单位：市工信局）'), '给予最高1.5亿元奖励（责任单位：市工信局）');
  });

  it('allows links only to corpus files and policyLint.* commands', () => {
    assert.equal(linkTarget('command:policyLint.showPrecedents?%5B%221%22%5D'), 'command:policyLint.showPrecedents?%5B%221%22%5D');
    assert.equal(linkTarget('policy-corpus:///c/a b.policy.yaml'), 'policy-corpus:///c/a%20b.policy.yaml');
    for (const bad of ['command:workbench.action.terminal.new', 'command:policyLintX', 'command:policyLint.', 'javascript:alert(1)', 'https://evil.example', 'data:text/html,<b>', 'vscode://x', 'command:policyLint.show Precedents']) {
      assert.equal(linkTarget(bad), undefined, bad);
    }
  });

  it('sanitizeLinks turns disallowed links into their labels and keeps the allowed ones', () => {
    assert.equal(sanitizeLinks('前 [打开终端](command:workbench.action.terminal.new) 后'), '前 打开终端 后');
    assert.equal(sanitizeLinks('[x](javascript:alert(1))'), 'x)');
    assert.equal(sanitizeLinks('![图](https://evil.example/a.png)'), '图');
    assert.equal(sanitizeLinks('<command:workbench.action.terminal.new>'), 'command\\:workbench.action.terminal.new');
    assert.equal(sanitizeLinks('[open](file:///c/a.policy.yaml#L3) · [Compare](command:policyLint.compareWithCity)'), '[open](file:///c/a.policy.yaml#L3) · [Compare](command:policyLint.compareWithCity)');
    assert.equal(sanitizeLinks('\\[x\\]\\(command:workbench.action.terminal.new\\)'), '\\[x\\]\\(command:workbench.action.terminal.new\\)');
  });
});
