/**
 * Every fixture under test/fixtures/rules is linted with every rule on; the diagnostics must be
 * exactly the ones its inline markers expect — no more (false alarms), no fewer, at the exact text.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createPolicyLanguageService, RULES } from '../server/src/core';
import type { CorpusSource, LintConfig } from '../server/src/core';
import { describeExpectation, readExpectations, readFixtureConfig } from './helpers/expectations';
import type { Expectation } from './helpers/expectations';
import { FIXTURES } from './helpers/paths';

const RULE_FIXTURES = path.join(FIXTURES, 'rules');
/** Fixtures of the rules that need a corpus, linted against test/fixtures/corpus (verbatim seed clauses). */
const CORPUS_RULE_FIXTURES = path.join(FIXTURES, 'rules-with-corpus');
const TEST_CORPUS = path.join(FIXTURES, 'corpus');

function readTestCorpus(): CorpusSource[] {
  return fs.readdirSync(TEST_CORPUS).filter((f) => f.endsWith('.policy.yaml')).sort()
    .map((f) => ({ id: f.replace(/\.policy\.yaml$/, ''), text: fs.readFileSync(path.join(TEST_CORPUS, f), 'utf8') }));
}

function listFixtures(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listFixtures(full);
    return /\.policy\.ya?ml$/.test(entry.name) ? [full] : [];
  });
}

describe('rule fixtures (inline expectation markers)', () => {
  const plain = createPolicyLanguageService();
  const withCorpus = createPolicyLanguageService({ corpus: readTestCorpus });
  const fixtures = [...listFixtures(RULE_FIXTURES), ...listFixtures(CORPUS_RULE_FIXTURES)];
  const expectedCodes = new Set<string>();

  for (const file of fixtures) {
    const text = fs.readFileSync(file, 'utf8');
    const expectations = readExpectations(text);
    expectations.forEach((e) => expectedCodes.add(e.code));
    const service = file.startsWith(CORPUS_RULE_FIXTURES) ? withCorpus : plain;
    it(path.relative(FIXTURES, file), () => {
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
