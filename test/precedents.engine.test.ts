/**
 * The precedent engine on real clauses: a copied-then-edited clause ranks first, amounts and
 * boilerplate do not drive similarity, measure concepts join different wordings of one measure,
 * same-city in-force clauses come separately, and excerpts point at the matching passage.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createPolicyLanguageService } from '../server/src/core';
import type { CorpusSource, PrecedentIndex } from '../server/src/core';
import { REPO_ROOT } from './helpers/paths';

function bundledCorpus(): CorpusSource[] {
  const dir = path.join(REPO_ROOT, 'corpus');
  return fs.readdirSync(dir).filter((f) => f.endsWith('.policy.yaml')).sort()
    .map((f) => ({ id: f.replace(/\.policy\.yaml$/, ''), text: fs.readFileSync(path.join(dir, f), 'utf8') }));
}

/** A one-document corpus source: `clauses` as [id, text] pairs. */
function doc(id: string, city: string, status: string, clauses: Array<[string, string]>): CorpusSource {
  const body = clauses.map(([cid, text]) => `  - id: "${cid}"\n    text: ${JSON.stringify(text)}`).join('\n');
  return { id, text: `policy: ${city}若干措施\ncity: ${city}\nstatus: ${status}\nclauses:\n${body}\n` };
}

function indexOf(sources: CorpusSource[]): PrecedentIndex {
  return createPolicyLanguageService({ corpus: () => sources }).corpus();
}

describe('precedents: engine', () => {
  let corpus: PrecedentIndex;
  before(() => {
    corpus = indexOf(bundledCorpus());
  });

  it('a copied-then-edited clause (rates and caps changed) ranks first, near 1', () => {
    const original = corpus.resolve('苏州/suzhou-2021-ai-measures#6')!.clause.text!.value;
    const edited = original.replace('10%~30%', '20%~50%').replace('最高1000万元', '最高800万元').replace('10%~20%', '15%~30%');
    assert.notEqual(edited, original);
    const [best] = corpus.query(edited, { city: '无锡', excerpts: false }).precedents;
    assert.equal(best.id, '苏州/suzhou-2021-ai-measures#6');
    assert.ok(best.score > 0.95, `score ${best.score}`);
  });

  it('amounts and numbers do not change the score', () => {
    const a = '对首次入选的“头雁”企业给予最高100万元奖励。';
    const b = '对首次入选的“头雁”企业给予最高300万元奖励。';
    const scoreOf = (text: string): number => corpus.query(text, { city: '无锡', excerpts: false, top: 1 }).precedents[0].score;
    assert.equal(scoreOf(a), scoreOf(b));
    assert.equal(corpus.query(a, { city: '无锡', top: 1, excerpts: false }).precedents[0].id, '苏州/suzhou-2021-ai-measures#2');
  });

  it('boilerplate shared with a clause on another measure does not outrank the same measure worded differently', () => {
    const index = indexOf([
      doc('a-2020-measures', '甲', 'in-force', [['1', '为深入贯彻落实国家人工智能发展战略，符合条件的，经认定后，对新引进的高层次人才给予安家补贴。申报材料：营业执照复印件、申请表一式三份，加盖公章。具体支持措施按有关规定执行。']]),
      doc('b-2021-measures', '乙', 'in-force', [['1', '鼓励企业主导或参与制定国际标准、国家标准和行业标准，按标准类别给予奖励。']]),
    ]);
    const query = '为深入贯彻落实国家人工智能发展战略，对主导制定国际标准、国家标准的企业给予资助。申报材料：营业执照复印件、申请表一式三份，加盖公章。具体支持措施按有关规定执行。';
    const hits = index.query(query, { city: '丙', minScore: 0, excerpts: false }).precedents;
    assert.deepEqual(hits.map((p) => p.id), ['乙/b-2021-measures#1', '甲/a-2020-measures#1']);
    assert.ok(hits[0].score > 2 * hits[1].score, `${hits[0].score} vs ${hits[1].score}`);
  });

  it('vouchers worded differently (算力券, 创新券) find each other before a clause that only shares 算力', () => {
    const index = indexOf([
      doc('a-2020-measures', '甲', 'in-force', [['1', '设立创新券，支持中小企业购买高等院校和科研院所的研发服务。']]),
      doc('b-2021-measures', '乙', 'in-force', [['1', '加快建设人工智能计算中心，提升公共算力供给能力，推动算力资源统筹调度。']]),
    ]);
    const hits = index.query('向中小企业发放算力券，支持企业购买算力服务。', { city: '丙', minScore: 0, excerpts: false }).precedents;
    assert.equal(hits[0].id, '甲/a-2020-measures#1');
  });

  it('same-city clauses come separately, from in-force documents only; onlyCity keeps one city', () => {
    const text = '对首次认定的首台（套）重大技术装备，按产品销售价格的30%给予奖励。';
    const index = indexOf([
      doc('a-2021-measures', '甲', 'in-force', [['1', text]]),
      doc('a-2018-measures', '甲', 'expired', [['1', text]]),
      doc('b-2021-measures', '乙', 'in-force', [['1', text]]),
      doc('c-2021-measures', '丙', 'expired', [['1', text]]),
    ]);
    const result = index.query(text, { city: '甲', excerpts: false });
    assert.deepEqual(result.precedents.map((p) => p.id), ['乙/b-2021-measures#1', '丙/c-2021-measures#1']);
    assert.deepEqual(result.sameCityInForce.map((p) => p.id), ['甲/a-2021-measures#1']);
    assert.deepEqual(index.query(text, { onlyCity: '丙', excerpts: false }).precedents.map((p) => p.id), ['丙/c-2021-measures#1']);
  });

  it('the excerpt is the matching sentence of a longer precedent, mapped back to its text', () => {
    const precedent = corpus.resolve('苏州/suzhou-2021-ai-measures#6')!.clause.text!.value;
    const [best] = corpus.query('对经省级以上认定的首版次人工智能软件，按年度销售总额给予奖励。', { city: '无锡', top: 1 }).precedents;
    assert.equal(best.id, '苏州/suzhou-2021-ai-measures#6');
    assert.equal(best.text, precedent);
    assert.equal(precedent.slice(best.excerptStart, best.excerptEnd), best.excerpt);
    assert.match(best.excerpt, /^对经江苏省及以上认定的首版次人工智能软件/);
    assert.ok(!best.excerpt.includes('首台(套)装备及关键零部件'), best.excerpt);
  });

  it('goals and principles are never precedents; every result is a measure of another city', () => {
    for (const { document } of corpus.documents.slice(0, 5)) {
      for (const clause of document.clauses.filter((c) => c.kind === 'measure' && c.text).slice(0, 5)) {
        const city = document.city?.value;
        for (const p of corpus.query(clause, { city, excerpts: false }).precedents) {
          assert.notEqual(p.city, city);
          assert.equal(corpus.resolve(p.id)!.clause.kind, 'measure', p.id);
        }
      }
    }
  });
});
