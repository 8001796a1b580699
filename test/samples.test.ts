/** The bundled samples say what they contain: the draft's deliberate findings, and nothing in the clean one. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createPolicyLanguageService } from '../server/src/core';
import { REPO_ROOT } from './helpers/paths';

const service = createPolicyLanguageService();

function findings(name: string): string[] {
  const file = path.join(REPO_ROOT, 'samples', name);
  const text = fs.readFileSync(file, 'utf8');
  return service.lint(service.parse(text, file)).map((d) => `${d.range.start.line + 1}:${d.code}:${d.severity}`);
}

/** Each deliberate finding is announced by a `# deliberate: <rule>` comment above its clause. */
function announced(name: string): string[] {
  const text = fs.readFileSync(path.join(REPO_ROOT, 'samples', name), 'utf8');
  return [...text.matchAll(/#\s*deliberate:\s*([a-z-]+)/g)].map((m) => m[1]).sort();
}

describe('samples', () => {
  it('the draft reports exactly its deliberate findings', () => {
    assert.deepEqual(findings('suzhou-2026-ai-measures-draft.policy.yaml'), [
      '69:missing-department:error',
      '98:cap-inconsistent:warning',
      '160:cap-rate-invalid:error',
      '173:cap-tier-inversion:warning',
      '189:cap-text-mismatch:warning',
      '194:cap-text-mismatch:warning',
      '202:cap-period-conflict:warning',
      '208:duplicate-clause:warning',
    ]);
  });

  it('every announced deliberate finding is among them', () => {
    const codes = new Set(findings('suzhou-2026-ai-measures-draft.policy.yaml').map((f) => f.split(':')[1]));
    for (const rule of announced('suzhou-2026-ai-measures-draft.policy.yaml')) assert.ok(codes.has(rule), rule);
  });

  it('the clean draft has no finding at all', () => {
    assert.deepEqual(findings('suzhou-2026-ai-measures-clean.policy.yaml'), []);
  });
});
