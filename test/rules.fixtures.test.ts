/**
 * Every fixture under test/fixtures/rules is linted with every rule on; the diagnostics must be
 * exactly the ones its inline markers expect — no more (false alarms), no fewer, at the exact text.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createPolicyLanguageService, RULES } from '../server/src/core';
import type { LintConfig } from '../server/src/core';
import { describeExpectation, readExpectations, readFixtureConfig } from './helpers/expectations';
import type { Expectation } from './helpers/expectations';
import { FIXTURES } from './helpers/paths';

const RULE_FIXTURES = path.join(FIXTURES, 'rules');

function listFixtures(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listFixtures(full);
    return /\.policy\.ya?ml$/.test(entry.name) ? [full] : [];
  });
}

describe('rule fixtures (inline expectation markers)', () => {
  const service = createPolicyLanguageService();
  const fixtures = listFixtures(RULE_FIXTURES);
  const expectedCodes = new Set<string>();

  for (const file of fixtures) {
    const text = fs.readFileSync(file, 'utf8');
    const expectations = readExpectations(text);
    expectations.forEach((e) => expectedCodes.add(e.code));
    it(path.relative(RULE_FIXTURES, file), () => {
      const config = readFixtureConfig(text) as LintConfig | undefined;
      const parsed = service.parse(text, file);
      const diagnostics = service.lint(parsed, { config });
      const actual = diagnostics.map((d): Expectation => {
        const match = expectations.find((e) => e.line === d.range.start.line && e.code === d.code);
        return {
          line: d.range.start.line,
          code: d.code,
          severity: match?.severity !== undefined ? d.severity : undefined,
          text: match?.text !== undefined ? text.slice(d.start, d.end) : undefined,
        };
      });
      const render = (list: Expectation[]): string[] => list.map(describeExpectation).sort();
      assert.deepEqual(render(actual), render(expectations), diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${d.message}`).join('\n'));
    });
  }

  it('every rule has at least one fixture that makes it fire', () => {
    const missing = RULES.map((r) => r.id).filter((id) => !expectedCodes.has(id));
    assert.deepEqual(missing, []);
  });
});
