/**
 * No lost text: every quick fix of every diagnostic of the samples and the rule fixtures (with their
 * corpus), applied to the text, as LF and as BOM + CRLF. After each fix:
 *  - the edits are in bounds and do not overlap; text is deleted only inside the diagnostic's range;
 *  - every scalar the edits do not touch keeps its value (a line inserted inside a multi-line
 *    quoted scalar would silently change it), and no new yaml-syntax or schema error appears;
 *  - a CRLF document gets no lone line feed;
 *  - the diagnostic the fix is for is gone from its (shifted) line.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createPolicyLanguageService } from '../server/src/core';
import type { CorpusSource, LintConfig, PolicyDiagnostic, PolicyLanguageService, QuickFix, TextEdit } from '../server/src/core';
import { parseYaml } from '../server/src/core/yaml/parseYaml';
import type { YNode, YScalar } from '../server/src/core/yaml/nodes';
import { readFixtureConfig } from './helpers/expectations';
import { FIXTURES, REPO_ROOT } from './helpers/paths';

function corpusOf(dir: string): CorpusSource[] {
  return fs.readdirSync(dir).filter((f) => f.endsWith('.policy.yaml')).sort()
    .map((f) => ({ id: f.replace(/\.policy\.yaml$/, ''), text: fs.readFileSync(path.join(dir, f), 'utf8'), uri: `file://${path.join(dir, f)}` }));
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(full) : e.name.endsWith('.policy.yaml') ? [full] : [];
  }).sort();
}

function scalars(node: YNode | undefined, out: YScalar[] = [], seen = new Set<YNode>()): YScalar[] {
  if (!node || seen.has(node)) return out;
  seen.add(node);
  if (node.kind === 'scalar') out.push(node);
  else if (node.kind === 'seq') node.items.forEach((item) => scalars(item, out, seen));
  else if (node.kind === 'map') node.pairs.forEach((p) => { scalars(p.key, out, seen); scalars(p.value, out, seen); });
  return out;
}

/**
 * Where an offset of the old text lands in the fixed text. An insertion exactly at the offset moves a
 * start (the character there moves right) but not an end (end offsets are exclusive); inside a
 * replaced range, the offset lands at the end of the replacement.
 */
function mapOffset(offset: number, edits: readonly TextEdit[], side: 'start' | 'end'): number {
  let shift = 0;
  for (const e of edits) {
    const delta = e.newText.length - (e.end - e.start);
    if (e.start === e.end) {
      if (e.start < offset || (e.start === offset && side === 'start')) shift += delta;
    } else if (e.end <= offset) shift += delta;
    else if (e.start < offset) return e.start + shift + e.newText.length;
  }
  return offset + shift;
}

function apply(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (let i = edits.length - 1; i >= 0; i--) out = out.slice(0, edits[i].start) + edits[i].newText + out.slice(edits[i].end);
  return out;
}

function lineOf(text: string, offset: number): number {
  let line = 0;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

const structural = (ds: readonly PolicyDiagnostic[]): number => ds.filter((d) => d.code === 'yaml-syntax' || d.code === 'schema').length;

function checkFix(service: PolicyLanguageService, text: string, config: LintConfig | undefined, d: PolicyDiagnostic, fix: QuickFix, before: readonly PolicyDiagnostic[]): void {
  const what = `'${fix.title}' for ${d.code} at ${d.range.start.line + 1}:${d.range.start.character + 1}`;
  const edits = [...fix.edits].sort((a, b) => a.start - b.start || a.end - b.end);
  edits.forEach((e, i) => {
    assert.ok(Number.isInteger(e.start) && e.start >= 0 && e.start <= e.end && e.end <= text.length, `${what}: edit ${e.start}..${e.end}`);
    if (i > 0) assert.ok(edits[i - 1].end <= e.start, `${what}: overlapping edits`);
    if (e.end > e.start && fix.diagnostic) {
      assert.ok(e.start >= d.start && e.end <= d.end, `${what}: deletes '${text.slice(e.start, e.end)}' outside the diagnostic's '${text.slice(d.start, d.end)}'`);
    }
  });
  const fixed = apply(text, edits);
  if (text.includes('\r\n')) assert.doesNotMatch(fixed.replace(/\r\n/g, ''), /\n/, `${what}: a lone \\n in a CRLF document`);

  const oldYaml = parseYaml(text);
  const newYaml = parseYaml(fixed);
  if (!oldYaml.error) assert.equal(newYaml.error, undefined, `${what}: the fix breaks the YAML: ${newYaml.error?.message}`);
  const after = new Map(scalars(newYaml.root).map((s) => [`${s.start}:${s.end}`, s.value]));
  for (const s of scalars(oldYaml.root)) {
    // Only a replacement may change a value; an insertion inside a scalar must leave it as it was.
    if (edits.some((e) => e.end > e.start && e.start < s.end && e.end > s.start)) continue;
    // An empty value (`departments:`) that a fix fills in is replaced, not kept.
    if (s.value === '' && s.style === 'plain' && edits.some((e) => e.start >= s.start - 1 && e.start <= s.end + 1)) continue;
    const key = `${mapOffset(s.start, edits, 'start')}:${mapOffset(s.end, edits, 'end')}`;
    assert.equal(after.get(key), s.value, `${what}: the untouched value '${s.value.slice(0, 60)}' changed or moved`);
  }

  const parsed = service.parse(fixed, 'file:///fixed.policy.yaml');
  const relinted = service.lint(parsed, { config });
  assert.ok(structural(relinted) <= structural(before), `${what}: new yaml-syntax/schema errors:\n${relinted.filter((x) => x.code === 'schema' || x.code === 'yaml-syntax').map((x) => x.message).join('\n')}`);
  if (fix.diagnostic) {
    const line = lineOf(fixed, mapOffset(d.start, edits, 'start'));
    const still = relinted.filter((x) => x.code === d.code && x.range.start.line === line);
    assert.deepEqual(still.map((x) => x.message), [], `${what}: still reported on line ${line + 1} after the fix`);
  }
}

/**
 * Shapes the fixtures do not have: findings inside multi-line quoted and plain scalars, flow mappings,
 * departments fields that exist but name no lead (empty value, {}, [], lead with no value).
 */
const TRICKY = `policy: 苏州市促进智能制造发展的若干措施（征求意见稿）
city: 苏州
clauses:
  - id: "1"
    title: 支持首台（套）推广应用
    text: "对经认定的首台（套）重大装备，
      给予最高1000万元奖励；对首版次软件，
      给予最高300万元奖励。"
    caps: [{max: 1000万元}]
  - id: "2"
    title: 支持智能化改造
    text: 对实施智能化改造的企业，
      按设备投资额的20%给予最高500万元补助。
    departments:
  - {id: "3", title: 支持工业互联网平台建设, text: 对新获评国家级工业互联网平台的，给予最高200万元奖励。（责任单位：市工信息局）, departments: {}}
  - id: "4"
    title: 支持企业上云
    text: 对上云企业给予最高50万元补助。
    departments: []
  - id: "5"
    title: 支持智能工厂建设
    departments:
      lead:
      support: [市财政局]
    text: 对新认定的市级智能工厂，给予最高100万元奖励。
  - id: "5"
    title: 支持数字化车间建设
    departments: {support: [市财政局]}
    text: 对新认定的市级数字化车间，给予最高50万元奖励。
`;

describe('quick fixes lose no text', function () {
  this.timeout(120000);
  const bundled = createPolicyLanguageService({ corpus: () => corpusOf(path.join(REPO_ROOT, 'corpus')) });
  const testCorpus = createPolicyLanguageService({ corpus: () => corpusOf(path.join(FIXTURES, 'corpus')) });
  const files: Array<string> = [
    ...fs.readdirSync(path.join(REPO_ROOT, 'samples')).filter((f) => f.endsWith('.policy.yaml')).sort().map((f) => path.join(REPO_ROOT, 'samples', f)),
    ...filesUnder(path.join(FIXTURES, 'rules')),
    ...filesUnder(path.join(FIXTURES, 'rules-with-corpus')),
  ];
  let applied = 0;

  for (const file of [...files, 'tricky (inline)']) {
    const service = file.includes(`${path.sep}rules-with-corpus${path.sep}`) ? testCorpus : bundled;
    const source = file === 'tricky (inline)' ? TRICKY : fs.readFileSync(file, 'utf8');
    const config = readFixtureConfig(source) as LintConfig | undefined;
    for (const [variant, text] of [['LF', source], ['BOM+CRLF', `\uFEFF${source.replace(/\r?\n/g, '\r\n')}`]] as const) {
      it(`${path.isAbsolute(file) ? path.relative(REPO_ROOT, file) : file} (${variant})`, () => {
        const parsed = service.parse(text, `file://${file}`);
        const diagnostics = service.lint(parsed, { config });
        for (const d of diagnostics) {
          const fixes = service.quickFixes(parsed, [d], d.start, 'en', config);
          // Every diagnostic but a syntax error, in a document that has content, offers at least the suppression.
          if (d.code !== 'yaml-syntax' && parsed.document.yaml.root !== undefined) assert.ok(fixes.some((f) => f.diagnostic === d), `${d.code} at ${d.range.start.line + 1}: no fix`);
          for (const fix of fixes) {
            checkFix(service, text, config, d, fix, diagnostics);
            applied++;
          }
        }
      });
    }
  }

  after(() => console.log(`      ${applied} quick fixes applied and re-checked`));
});
