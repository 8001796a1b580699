/** Severities, thresholds and `# policy-lint-disable-next-line` as a drafter uses them. */
import * as assert from 'node:assert/strict';
import { createPolicyLanguageService, mergeConfigs, parseConfigText } from '../server/src/core';
import type { LintConfig } from '../server/src/core';

const service = createPolicyLanguageService();

const DRAFT = [
  'policy: 苏州市促进人工智能产业创新发展的若干措施（征求意见稿）',
  'city: 苏州',
  'clauses:',
  '  - id: "1"',
  '    title: 支持企业做大做强',
  '    text: |',
  '      开展具有行业引领性的人工智能“头雁”企业遴选，对首次入选的“头雁”企业给予最高100万元奖励，鼓励各地区加大对“头雁”企业的支持力度。（责任单位：市工信局）',
  '  - id: "2"',
  '    title: 支持“头雁”企业发展',
  '    text: |',
  '      开展具有行业引领性的人工智能“头雁”企业遴选，对首次入选的“头雁”企业给予最高200万元奖励，并在用地、用能、融资、人才落户等方面优先保障其发展需求。（责任单位：市工信局）',
  '  - id: "3"',
  '    title: 支持重大创新项目',
  '    text: 鼓励企业、科研院所主动参与承接国家、省新一代人工智能产业创新重大项目。',
  '',
].join('\n');

function codes(text: string, config?: LintConfig): string[] {
  return service.lint(service.parse(text), { config }).map((d) => `${d.range.start.line + 1}:${d.code}:${d.severity}`);
}

describe('configuration', () => {
  it('defaults', () => {
    assert.deepEqual(codes(DRAFT), ['11:similar-clause:hint', '12:missing-department:warning']);
  });

  it('severity override and off', () => {
    assert.deepEqual(codes(DRAFT, { rules: { 'missing-department': 'error', 'similar-clause': 'off' } }), ['12:missing-department:error']);
  });

  it('a threshold option: similar-clause raised above the score', () => {
    assert.deepEqual(codes(DRAFT, { rules: { 'similar-clause': { threshold: 0.9 } } }), ['12:missing-department:warning']);
  });

  it('duplicate-clause lowered below the score takes the pair from similar-clause', () => {
    assert.deepEqual(codes(DRAFT, { rules: { 'duplicate-clause': { threshold: 0.6, severity: 'error' } } }), ['11:duplicate-clause:error', '12:missing-department:warning']);
  });

  it('parses .policylintrc.yaml text, with severity aliases', () => {
    const { config, errors } = parseConfigText('rules:\n  missing-department: warn\n  similar-clause: off\n  duplicate-clause: { threshold: 0.9 }\nlocale: zh-CN\n');
    assert.deepEqual(errors, []);
    assert.deepEqual(config, { rules: { 'missing-department': 'warning', 'similar-clause': 'off', 'duplicate-clause': { threshold: 0.9 } }, locale: 'zh-CN' });
  });

  it('reports config mistakes instead of ignoring them', () => {
    assert.deepEqual(parseConfigText('rules:\n  missing-department: loud\nrulez: {}\n').errors, ["rules.missing-department: unknown severity 'loud'", "unknown key 'rulez'"]);
    assert.deepEqual(parseConfigText('rules: [\n').errors.length, 1);
  });

  it('later configs win rule by rule', () => {
    const merged = mergeConfigs({ rules: { a: 'error', b: 'off' } }, { rules: { b: 'hint' } });
    assert.deepEqual(merged.rules, { a: 'error', b: 'hint' });
  });

  it('messages in zh-CN', () => {
    const [first] = service.lint(service.parse(DRAFT), { locale: 'zh-CN', config: { rules: { 'similar-clause': 'off' } } });
    assert.equal(first.message, '第3条（支持重大创新项目）未明确牵头（责任）单位：请添加 departments 字段或“（责任单位：市工信局）”等标注。');
  });
});

describe('suppression comments', () => {
  it('disable-next-line for one rule', () => {
    const text = DRAFT.replace('  - id: "3"\n', '  # policy-lint-disable-next-line missing-department\n  - id: "3"\n');
    assert.deepEqual(codes(text), ['11:similar-clause:hint']);
  });

  it('naming another rule suppresses nothing', () => {
    const text = DRAFT.replace('  - id: "3"\n', '  # policy-lint-disable-next-line duplicate-id\n  - id: "3"\n');
    assert.deepEqual(codes(text), ['11:similar-clause:hint', '13:missing-department:warning']);
  });

  it('before a block scalar it covers the whole block', () => {
    const text = DRAFT.replace('    title: 支持“头雁”企业发展\n    text: |', '    title: 支持“头雁”企业发展\n    # policy-lint-disable-next-line similar-clause\n    text: |');
    assert.deepEqual(codes(text), ['13:missing-department:warning']);
  });

  it('without a rule name it suppresses every rule on the next line', () => {
    const text = DRAFT.replace('  - id: "3"\n', '  # policy-lint-disable-next-line\n  - id: "3"\n');
    assert.deepEqual(codes(text), ['11:similar-clause:hint']);
  });
});
