/** Department markers in clause text. STUB: to be implemented (see normalise/types.ts). */
import type { DepartmentMarker } from './types';

/** Every responsibility marker in the text: （责任单位：A、B）, （牵头单位：A；配合单位：B）, （A、B负责） … */
export function findDepartmentMarkers(text: string): DepartmentMarker[] {
  void text;
  return [];
}

/** Canonical form of a department name for comparison: width-folded, brackets unified, spaces removed. */
export function normaliseDepartmentName(name: string): string {
  return name.trim();
}
