/** The TextMate grammar's patterns compile and highlight what a drafter scans for. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from './helpers/paths';

interface Rule { match?: string; name?: string; patterns?: Rule[] }

const grammar = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'syntaxes', 'policy-yaml.tmLanguage.json'), 'utf8')) as { scopeName: string; repository: Record<string, Rule> };

function matches(rule: string, text: string): string[] {
  const source = grammar.repository[rule].match!;
  return [...text.matchAll(new RegExp(source, 'gu'))].map((m) => m[0]);
}

describe('TextMate grammar', () => {
  it('declares the scope the manifest uses', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    assert.equal(manifest.contributes.grammars[0].scopeName, grammar.scopeName);
  });

  it('every pattern compiles', () => {
    for (const [name, rule] of Object.entries(grammar.repository)) {
      if (rule.match) assert.doesNotThrow(() => new RegExp(rule.match!, 'u'), name);
    }
  });

  it('highlights amounts, rates, markers and tiers in policy text', () => {
    const text = '对获得国家级认定的，按投资额的10%~30%给予最高500万元、五百万元奖励，新增就业10万人。（责任单位：市工信局、市财政局）';
    assert.deepEqual(matches('amount', text), ['500万元', '五百万元']);
    assert.deepEqual(matches('rate', text), ['10%~30%']);
    assert.deepEqual(matches('department-marker', text), ['（责任单位：市工信局、市财政局）']);
    assert.deepEqual(matches('tier', text), ['国家级']);
  });
});
