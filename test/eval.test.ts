/** The evaluation label files (test/eval/*.json, used by bench/eval.ts) are well-formed and every id resolves in the corpus. No accuracy thresholds here. */
import * as assert from 'node:assert/strict';
import type { PrecedentIndex } from '../server/src/core';
import { loadCorpusIndex, loadImportLabels, loadPrecedentLabels } from '../bench/eval';

const ID = /^[^/#\s]+\/[a-z0-9-]+#\S+$/;
const cityOf = (id: string): string => id.slice(0, id.indexOf('/'));

describe('evaluation labels', () => {
  let index: PrecedentIndex;
  before(() => {
    index = loadCorpusIndex();
  });

  describe('test/eval/precedentQueries.json', () => {
    const labels = loadPrecedentLabels();

    it('has at least 40 well-formed queries without duplicates', () => {
      assert.ok(labels.length >= 40, `${labels.length} queries`);
      const seen = new Set<string>();
      for (const label of labels) {
        assert.match(label.query, ID);
        assert.equal(typeof label.measure, 'string');
        assert.ok(label.measure.length > 0);
        assert.ok(Array.isArray(label.relevant) && label.relevant.length > 0, `${label.query} has no relevant clauses`);
        assert.ok(!seen.has(label.query), `duplicate query ${label.query}`);
        seen.add(label.query);
        assert.equal(new Set(label.relevant).size, label.relevant.length, `duplicate relevant ids for ${label.query}`);
      }
    });

    it('resolves every query and relevant id; relevant clauses are other cities\' measures', () => {
      for (const label of labels) {
        assert.ok(index.resolve(label.query), `query ${label.query} does not resolve`);
        for (const id of label.relevant) {
          assert.match(id, ID);
          const hit = index.resolve(id);
          assert.ok(hit, `relevant ${id} (for ${label.query}) does not resolve`);
          assert.equal(hit.clause.kind, 'measure', `relevant ${id} is not a measure clause, so it can never be returned`);
          assert.notEqual(cityOf(id), cityOf(label.query), `relevant ${id} is from the query's own city`);
        }
      }
    });
  });

  describe('test/eval/importLabels.json', () => {
    const labels = loadImportLabels();

    it('has at least 60 well-formed labels without duplicates', () => {
      assert.ok(labels.length >= 60, `${labels.length} labels`);
      const seen = new Set<string>();
      for (const label of labels) {
        assert.match(label.clause, ID);
        assert.ok(!seen.has(label.clause), `duplicate label ${label.clause}`);
        seen.add(label.clause);
        assert.ok(Array.isArray(label.lead) && label.lead.length > 0, `${label.clause} has no lead`);
        assert.ok(Array.isArray(label.support));
        for (const name of [...label.lead, ...label.support]) assert.ok(typeof name === 'string' && name.trim() === name && name.length > 0, `${label.clause}: bad department ${JSON.stringify(name)}`);
        assert.ok(Array.isArray(label.caps));
        for (const cap of label.caps) assert.ok(Number.isInteger(cap) && cap > 0, `${label.clause}: bad cap ${cap}`);
      }
    });

    it('resolves every labelled clause in the corpus', () => {
      for (const label of labels) assert.ok(index.resolve(label.clause), `${label.clause} does not resolve`);
    });
  });
});
