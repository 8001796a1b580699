/**
 * The benchmark generator must be reproducible (numbers from two runs compare the same text) and
 * produce well-formed drafts (a bench that times YAML errors measures nothing). No timing here.
 */
import * as assert from 'node:assert/strict';
import { createPolicyLanguageService } from '../server/src/core';
import { chineseNumeral, generateDraft } from '../bench/generateDraft';

describe('bench draft generator', () => {
  const service = createPolicyLanguageService();

  it('is deterministic: same seed, same text; another seed, another text', () => {
    const a = generateDraft({ clauses: 200, seed: 7 });
    const b = generateDraft({ clauses: 200, seed: 7 });
    const c = generateDraft({ clauses: 200, seed: 8 });
    assert.equal(a.text, b.text);
    assert.notEqual(a.text, c.text);
  });

  for (const count of [1, 10, 300, 1000]) {
    it(`produces exactly ${count} clauses with unique ids`, () => {
      const draft = generateDraft({ clauses: count });
      assert.equal(draft.clauses, count);
      assert.equal(draft.bytes, Buffer.byteLength(draft.text, 'utf8'));
      const parsed = service.parse(draft.text, `bench:${count}.policy.yaml`);
      assert.equal(parsed.document.clauses.length, count);
      assert.deepEqual(parsed.document.clauses.map((c) => c.id?.value), draft.clauseIds);
      assert.equal(new Set(draft.clauseIds).size, count);
    });
  }

  it('parses without yaml-syntax, schema or duplicate-id findings', () => {
    for (const seed of [1, 2026]) {
      const draft = generateDraft({ clauses: 500, seed });
      const diagnostics = service.lint(service.parse(draft.text, 'bench:500.policy.yaml'));
      const structural = diagnostics.filter((d) => ['yaml-syntax', 'schema', 'duplicate-id'].includes(String(d.code)));
      assert.deepEqual(structural.map((d) => `${d.range.start.line + 1}: ${d.code} ${d.message}`), []);
    }
  });

  it('numbers chapters the way real documents do', () => {
    assert.deepEqual([1, 10, 12, 20, 21, 100, 105, 1010].map(chineseNumeral), ['一', '十', '十二', '二十', '二十一', '一百', '一百零五', '一千零一十']);
  });
});
