/** An imported document's clauses, for tests of the importer. */
import * as assert from 'node:assert/strict';
import type { ImportedClause, ImportedDocument } from '../../server/src/core/import';

/** Every clause, chapters in order. */
export function clausesOf(document: ImportedDocument): ImportedClause[] {
  return document.chapters ? document.chapters.flatMap((c) => [...c.clauses]) : [...(document.clauses ?? [])];
}

/** The clause with this id; fails naming the ids there are. */
export function clause(document: ImportedDocument, id: string): ImportedClause {
  const found = clausesOf(document).find((c) => c.id === id);
  assert.ok(found, `no clause ${id} among ${clausesOf(document).map((c) => c.id).join(' ')}`);
  return found;
}
