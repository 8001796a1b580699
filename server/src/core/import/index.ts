/**
 * Plain published policy text → Policy YAML. Pure: no I/O; the corpus build script and the CLI's
 * `import` command feed it text.
 *
 * Pipeline: page footers and contents entries cut → chrome metadata → paragraphs (lines re-joined, chrome dropped) → opening (title, 文号,
 * cover letter) → closing → outline of numbered items → chapters/clauses with ids and kinds →
 * departments and caps from the text (and a 责任分工表) → metadata (city, level, validity, status) → YAML.
 */
import { deriveJurisdiction, levelOfCity } from './city';
import { contentsLines, cutPageFooters, readChromeMetadata } from './chrome';
import { splitClosing } from './closing';
import { readDutyTables, withDutyRows } from './dutyTable';
import { emitYaml } from './emitYaml';
import { clauseCaps, clauseDepartments } from './facts';
import { levelOfLabel, readOpening, readStatus, readValidity } from './metadata';
import { buildOutline } from './outline';
import { analysisCopy, rawLines, toParagraphs } from './paragraphs';
import type { Paragraph } from './paragraphs';
import { buildStructure } from './structure';
import { toSimplified } from './traditional';
import type { DraftClause } from './structure';
import type { DroppedText, ImportedClause, ImportedDocument, ImportOptions, ImportResult } from './types';
import { pushAll } from '../text/pushAll';

export type { DroppedText, ImportedCap, ImportedChapter, ImportedClause, ImportedDocument, ImportOptions, ImportResult } from './types';
export { emitYaml } from './emitYaml';
export { splitDocuments } from './split';
export type { SourceDocument } from './split';

/** 【苏州市级】 before a title on a search-result page: a level label, not part of the title. */
const PORTAL_LEVEL = /^[•·]?\s*【([^】]{1,10})】\s*/;

function withFacts(draft: DraftClause): ImportedClause {
  const departments = clauseDepartments(draft.text);
  const caps = clauseCaps(draft.text);
  return { ...draft, ...(departments ? { departments } : {}), ...(caps.length > 0 ? { caps } : {}) };
}

/** The text without page footers (also mid-sentence) and contents entries, which go to `dropped`. */
function withoutFurniture(source: string, dropped: DroppedText[]): string {
  const footers: string[] = [];
  const text = cutPageFooters(source, footers);
  pushAll(dropped, footers.map((footer): DroppedText => ({ text: footer.trim(), reason: 'chrome' })));
  const lines = rawLines(text);
  const contents = new Set(contentsLines(lines));
  if (contents.size === 0) return text;
  for (const i of contents) dropped.push({ text: lines[i], reason: 'contents' });
  return lines.filter((_, i) => !contents.has(i)).join('\n');
}

export function importPolicyText(source: string, options: ImportOptions = {}): ImportResult {
  const warnings: string[] = [];
  const dropped: DroppedText[] = [];
  const text = withoutFurniture(source, dropped);
  const chrome = readChromeMetadata(rawLines(text));
  const chromeLines: string[] = [];
  let paragraphs: Paragraph[] = toParagraphs(text, chromeLines);
  pushAll(dropped, chromeLines.map((line): DroppedText => ({ text: line, reason: 'chrome' })));
  let levelHint = options.levelHint ?? chrome.levelLabel;
  const portal = paragraphs[0] ? PORTAL_LEVEL.exec(paragraphs[0].norm) : null;
  if (portal) {
    levelHint ??= portal[1];
    const cut = portal[0].length;
    dropped.push({ text: paragraphs[0].text.slice(0, cut).trim(), reason: 'portal-label' });
    paragraphs = [{ text: paragraphs[0].text.slice(cut), norm: paragraphs[0].norm.slice(cut) }, ...paragraphs.slice(1)];
  }

  const opening = readOpening(paragraphs, options.title);
  if (opening.preambleHeading) dropped.push({ text: opening.preambleHeading, reason: 'preamble-heading' });
  const title = opening.title ?? '';
  if (!title) warnings.push('no title found');
  const closing = splitClosing(opening.body);
  const outline = buildOutline(closing.body);
  if (outline.nodes.length === 0) warnings.push('no numbered items found: the text became one clause per paragraph');
  const structure =
    outline.nodes.length === 0
      ? { clauses: outline.preamble.map((p, i): DraftClause => ({ id: String(i + 1), kind: 'measure', text: p.text })) }
      : buildStructure(outline, closing.sentences, warnings);

  const issuer = chrome.issuer ?? (opening.issuers.length > 0 ? opening.issuers.join('、') : closing.signatories.length > 0 ? closing.signatories.join('、') : undefined);
  // Detection on the simplified copy: 蘇州 is 苏州.
  const jurisdiction = options.city ? { city: options.city } : deriveJurisdiction(toSimplified(title), issuer ? toSimplified(issuer) : undefined, toSimplified(text));
  const city = jurisdiction?.city;
  if (jurisdiction?.warning) warnings.push(jurisdiction.warning);
  if (!city) warnings.push('no city found; pass options.city');
  const published = chrome.published ?? opening.published ?? closing.date ?? chrome.written;
  const docNumber = opening.docNumber ?? chrome.docNumber;
  const validity = readValidity(analysisCopy(title), analysisCopy(text), published);
  const status = readStatus(chrome.statusLabel, validity.expires);
  const level = levelOfLabel(levelHint) ?? (city ? levelOfCity(city) : undefined);
  const preamble = outline.nodes.length === 0 ? '' : outline.preamble.map((p) => p.text).join('\n');
  const notes = [...opening.notes, ...(structure.orphans ?? []), ...closing.trailer];
  // A 责任分工表 in the attachments names departments for the clauses without a marker.
  const facts = structure.chapters ? structure.chapters.map((c) => c.clauses.map(withFacts)) : [(structure.clauses ?? []).map(withFacts)];
  const groups = withDutyRows(facts, readDutyTables([...(structure.orphans ?? []), ...closing.trailer]));

  const document: ImportedDocument = {
    policy: title,
    city: city ?? '',
    ...(level ? { level } : {}),
    ...(issuer ? { issuer } : {}),
    ...(docNumber ? { docNumber } : {}),
    ...(status ? { status } : {}),
    ...(validity.effective ? { effective: validity.effective } : {}),
    ...(validity.expires ? { expires: validity.expires } : {}),
    ...(preamble ? { preamble } : {}),
    ...(structure.chapters
      ? { chapters: structure.chapters.map((c, i) => ({ ...c, clauses: groups[i] })) }
      : { clauses: groups[0] }),
    ...(notes.length > 0 ? { notes } : {}),
  };
  return { yaml: emitYaml(document, options.sourceName), document, warnings, dropped };
}
