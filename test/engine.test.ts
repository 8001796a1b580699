/** The engine's guarantees: a rule that throws is isolated, cancellation stops a lint. */
import * as assert from 'node:assert/strict';
import { createPolicyLanguageService, findRule, LintCancelled } from '../server/src/core';
import type { Rule } from '../server/src/core';

const TEXT = 'policy: 人工智能产业发展若干措施\ncity: 苏州\nclauses:\n  - id: "1"\n    text: 支持企业做大做强。（责任单位：市工信局）\n  - id: "1"\n    text: 支持建设公共服务平台。（责任单位：市科技局）\n';

describe('rule engine', () => {
  it('isolates a rule that throws: its findings are skipped, the error logged, the other rules still report', () => {
    const errors: string[] = [];
    const broken: Rule = { id: 'broken-rule', defaultSeverity: 'error', description: { en: 'throws', zh: '抛出异常' }, run: () => { throw new Error('boom'); } };
    const service = createPolicyLanguageService({ rules: [broken, findRule('duplicate-id')!], logger: { error: (m) => errors.push(m) } });
    const diagnostics = service.lint(service.parse(TEXT, 'file:///draft.policy.yaml'));
    assert.deepEqual(diagnostics.map((d) => d.code), ['duplicate-id']);
    assert.equal(errors.length, 1);
    assert.match(errors[0], /^rule broken-rule failed on file:\/\/\/draft\.policy\.yaml: Error: boom/);
  });

  it('stops between rules when cancelled', () => {
    const service = createPolicyLanguageService();
    assert.throws(() => service.lint(service.parse(TEXT), { token: { isCancellationRequested: true } }), LintCancelled);
  });
});
