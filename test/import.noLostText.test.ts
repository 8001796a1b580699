/**
 * Import drops no source text. For every document of every seed file (/work/shared/seeds, or
 * $POLICY_SEEDS), every line of the published text ends up in the produced YAML — as a value
 * (title, 文号, preamble, chapter and clause titles and texts) or as a comment (section headings
 * without text, a cover letter, the signature) — except the lines the importer reports in `dropped`,
 * which must all be page furniture (chrome.ts: portal chrome, page numbers, TOC entries; a 【级别】
 * label; 前言). A line's numbering marker becomes the clause id; a run-in title's 。 or ： becomes the
 * boundary between `title` and `text`. Whitespace is not text.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { importPolicyText, splitDocuments } from '../server/src/core/import';
import { isChromeLine } from '../server/src/core/import/chrome';
import { parseMarker } from '../server/src/core/import/numbering';
import { analysisCopy, rawLines } from '../server/src/core/import/paragraphs';
import { parseYaml } from '../server/src/core/yaml/parseYaml';
import type { YNode, YScalar } from '../server/src/core/yaml/nodes';

const SEEDS = process.env.POLICY_SEEDS ?? '/work/shared/seeds';
const squash = (s: string): string => s.replace(/\s+/g, '');

function scalarValues(node: YNode | undefined, out: YScalar[] = []): YScalar[] {
  if (!node) return out;
  if (node.kind === 'scalar') out.push(node);
  else if (node.kind === 'seq') node.items.forEach((n) => scalarValues(n, out));
  else if (node.kind === 'map') node.pairs.forEach((p) => scalarValues(p.value, out));
  return out;
}

/** Values and comments of the produced YAML in file order, as one string without whitespace. */
function keptText(yaml: string): string {
  const parsed = parseYaml(yaml);
  assert.equal(parsed.error, undefined, parsed.error?.message);
  const values = scalarValues(parsed.root);
  const pieces: Array<[number, string]> = values.map((s) => [s.start, s.value]);
  for (const m of yaml.matchAll(/^[ \t]*#(.*)$/gm)) {
    const at = m.index ?? 0;
    // A `#` line inside a block scalar is text, already among the values.
    if (!values.some((s) => at >= s.start && at < s.end)) pieces.push([at, m[1]]);
  }
  return squash(pieces.sort((a, b) => a[0] - b[0]).map((p) => p[1]).join(''));
}

interface Check { readonly missing: string[]; readonly chromeChars: number }

function checkDocument(text: string, result: ReturnType<typeof importPolicyText>): Check {
  const kept = keptText(result.yaml);
  const dropped = new Map<string, string>(result.dropped.map((d) => [d.text, d.reason]));
  const missing: string[] = [];
  let chromeChars = 0;
  let cursor = 0;
  const find = (piece: string, from: number): number => {
    const at = kept.indexOf(piece, from);
    return at >= 0 ? at : kept.indexOf(piece);
  };
  for (let line of rawLines(text)) {
    if (dropped.has(line)) {
      chromeChars += squash(line).length;
      continue;
    }
    for (const [label, reason] of dropped) {
      if (reason === 'portal-label' && line.startsWith(label)) line = line.slice(label.length).trim();
    }
    const marker = parseMarker(analysisCopy(line));
    const body = squash(marker ? line.slice(marker.length) : line);
    if (body === '') continue;
    const at = find(body, cursor);
    if (at >= 0) {
      cursor = at + body.length;
      continue;
    }
    // A run-in title: 1.支持重点企业引育。支持…… is title 支持重点企业引育 and text 支持……
    const runIn = /^(.{1,31}?)[。:：](.*)$/.exec(body);
    if (runIn) {
      const title = find(runIn[1], cursor);
      const rest = runIn[2] === '' ? title : title >= 0 ? kept.indexOf(runIn[2], title + runIn[1].length) : -1;
      if (title >= 0 && rest >= 0) {
        cursor = rest + runIn[2].length;
        continue;
      }
    }
    missing.push(line);
  }
  return { missing, chromeChars };
}

describe('import drops no source text', function () {
  this.timeout(120000);
  const files = fs.existsSync(SEEDS) ? fs.readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort() : [];

  before(function () {
    if (files.length === 0) {
      console.log(`      skipped: no seed texts in ${SEEDS} (set POLICY_SEEDS)`);
      this.skip();
    }
  });

  it('finds the seeds', () => assert.ok(files.length >= 5, `${files.length} seed files`));

  for (const file of files) {
    it(`${file}: every non-chrome line of every document is in its YAML`, () => {
      const raw = fs.readFileSync(path.join(SEEDS, file), 'utf8');
      const parts = splitDocuments(raw);
      const report: string[] = [];
      let chromeChars = 0;
      let sourceChars = 0;
      for (const part of parts) {
        const result = importPolicyText(part.text, { sourceName: `seeds/${file}:${part.line + 1}`, title: part.title, levelHint: part.levelHint, city: part.group });
        for (const d of result.dropped) {
          if (d.reason === 'chrome') assert.ok(isChromeLine(d.text), `${file}: '${d.text}' dropped as chrome`);
          if (d.reason === 'portal-label') assert.match(d.text, /^[•·]?\s*【[^】]{1,10}】$/);
          if (d.reason === 'preamble-heading') assert.match(d.text, /^前\s*言$/);
          // Furniture is short and never a run of sentences.
          assert.ok(d.text.length <= 120 && (d.text.match(/。/g) ?? []).length <= 1, `${file}: policy text dropped as ${d.reason}: ${d.text}`);
        }
        const check = checkDocument(part.text, result);
        chromeChars += check.chromeChars;
        sourceChars += squash(part.text).length;
        if (check.missing.length > 0) report.push(`${part.title ?? result.document.policy} (line ${part.line + 1}):\n  ${check.missing.slice(0, 8).join('\n  ')}`);
      }
      assert.deepEqual(report, [], `source lines not in the YAML:\n${report.join('\n')}`);
      // Chrome is a small part of any real text.
      assert.ok(chromeChars < sourceChars * 0.05, `${file}: ${chromeChars} of ${sourceChars} characters dropped as chrome`);
    });
  }

  it('keeps a cover letter, section headings and the signature as comments', () => {
    const text = [
      '关于印发《苏州市促进智能制造发展的若干措施》的通知',
      '各市、区人民政府，市各委办局：',
      '现将《苏州市促进智能制造发展的若干措施》印发给你们，请认真贯彻执行。',
      '苏州市人民政府',
      '2024年3月1日',
      '附件：苏州市促进智能制造发展的若干措施',
      '关于印发《苏州市促进智能制造发展的若干措施》的通知',
      '为加快建设制造强市，制定本措施。',
      '一、培育智能制造主体',
      '（一）壮大龙头企业',
      '1.支持企业做大做强。对年营业收入首次突破50亿元的企业，给予最高500万元奖励。（责任单位：市工信局）',
      '2.支持企业兼并重组。对兼并重组项目给予最高300万元补助。（责任单位：市工信局）',
      '二、附则',
      '本措施自2024年4月1日起施行。',
      '苏州市人民政府',
      '2024年3月1日',
      '- 3 -',
    ].join('\n');
    const result = importPolicyText(text, { sourceName: 'notice.txt' });
    assert.deepEqual(result.dropped, [{ text: '- 3 -', reason: 'chrome' }]);
    assert.deepEqual(checkDocument(text, result).missing, []);
    assert.match(result.yaml, /^# source: notice\.txt\n# 原文：各市、区人民政府，市各委办局：\n# 原文：现将《苏州市促进智能制造发展的若干措施》印发给你们，请认真贯彻执行。\n/);
    assert.match(result.yaml, /\n {6}# （一）壮大龙头企业\n {6}- id: "1"\n {8}title: 支持企业做大做强\n/);
    assert.match(result.yaml, /# 原文：苏州市人民政府\n# 原文：2024年3月1日\n/);
  });
});
