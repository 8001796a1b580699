/** The department registry of a corpus, built once per precedent index. */
import type { PrecedentIndex } from '../precedents/types';
import { buildDepartmentRegistry } from './registry';
import type { DepartmentRegistry } from './registry';

const registries = new WeakMap<PrecedentIndex, DepartmentRegistry>();

export function registryOf(index: PrecedentIndex): DepartmentRegistry {
  let registry = registries.get(index);
  if (!registry) {
    registry = buildDepartmentRegistry(index.documents.map((d) => d.document));
    registries.set(index, registry);
  }
  return registry;
}
