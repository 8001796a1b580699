import type { PolicyDocument } from '../model/types';
import { normaliseDepartmentName } from '../normalise/departments';
import type { DepartmentMarker } from '../normalise/types';
import type { RelatedFinding, Rule } from './types';
import { clauseLabel } from './labels';

/**
 * The structured `departments` field and the text marker name different departments: one of them is
 * stale. Names are compared after width folding and through the document's `departments` map
 * (市工信局 = 苏州市工业和信息化局 when the map says so).
 */
export const departmentConflict: Rule = {
  id: 'department-conflict',
  defaultSeverity: 'warning',
  description: {
    en: 'The `departments` field and the text marker (责任单位：…) name different departments.',
    zh: 'departments 字段与正文“责任单位”标注所列部门不一致。',
  },
  run({ document, report }) {
    const canonical = canonicaliser(document);
    for (const clause of document.clauses) {
      const field = clause.departments;
      const markers = clause.facts.departmentMarkers;
      if (!field || markers.length === 0 || !clause.text) continue;
      const fieldNames = [...field.lead, ...field.support];
      if (fieldNames.length === 0) continue;
      const fieldSet = new Set(fieldNames.map((d) => canonical(d.name)));
      const textNames = markers.flatMap((m) => [...m.lead, ...m.support]);
      const textSet = new Set(textNames.map((d) => canonical(d.name)));
      const onlyText = textNames.filter((d) => !fieldSet.has(canonical(d.name))).map((d) => d.name);
      const onlyField = fieldNames.filter((d) => !textSet.has(canonical(d.name))).map((d) => d.name);
      // Leads differ when no lead of the field is a lead in the text. Comparing only the first lead
      // of each flagged `lead: [A, B]` against （牵头单位：B、A）, which name the same leads.
      const fieldLeads = new Set(field.lead.map((d) => canonical(d.name)));
      const textLeads = markers.flatMap((m) => m.lead.map((d) => canonical(d.name)));
      const textLead = firstLead(markers);
      const leadDiffers = fieldLeads.size > 0 && textLeads.length > 0 && !textLeads.some((name) => fieldLeads.has(name));
      if (onlyText.length === 0 && onlyField.length === 0 && !leadDiffers) continue;
      const label = clauseLabel(clause);
      const textNode = clause.text.node;
      const related: RelatedFinding[] = markers.map((m) => ({
        target: { node: textNode, span: { start: m.start, end: m.end } },
        message: { en: 'Department marker in the text', zh: '正文中的责任单位标注' },
      }));
      const parts = { en: [] as string[], zh: [] as string[] };
      if (onlyText.length > 0) {
        parts.en.push(`the text also names ${unique(onlyText).join(', ')}`);
        parts.zh.push(`正文另列有${unique(onlyText).join('、')}`);
      }
      if (onlyField.length > 0) {
        parts.en.push(`\`departments\` also names ${unique(onlyField).join(', ')}`);
        parts.zh.push(`departments 字段另列有${unique(onlyField).join('、')}`);
      }
      if (leadDiffers) {
        parts.en.push(`the lead differs (${field.lead[0].name} vs ${textLead})`);
        parts.zh.push(`牵头单位不同（${field.lead[0].name} / ${textLead}）`);
      }
      report({
        target: { node: field.node },
        message: {
          en: `In ${label.en}, \`departments\` and the text marker disagree: ${parts.en.join('; ')}.`,
          zh: `${label.zh}的 departments 字段与正文标注不一致：${parts.zh.join('；')}。`,
        },
        related,
        data: { onlyText: unique(onlyText), onlyField: unique(onlyField) },
      });
    }
  },
};

function firstLead(markers: readonly DepartmentMarker[]): string | undefined {
  for (const marker of markers) if (marker.lead.length > 0) return marker.lead[0].name;
  return undefined;
}

function unique(names: string[]): string[] {
  return [...new Set(names)];
}

/** Canonical name: folded, and mapped through the document's short → full name map. */
function canonicaliser(document: PolicyDocument): (name: string) => string {
  const fullNames = new Map<string, string>();
  for (const [short, full] of document.departmentNames) {
    fullNames.set(normaliseDepartmentName(short), normaliseDepartmentName(full.value));
  }
  return (name) => {
    const folded = normaliseDepartmentName(name);
    return fullNames.get(folded) ?? folded;
  };
}

