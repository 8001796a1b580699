/**
 * `target.push(...items)` passes every item as an argument: past about a hundred thousand (a 130,000-
 * line text, as many findings) that overflows the call stack. This appends in a loop.
 */
export function pushAll<T>(target: T[], items: readonly T[]): T[] {
  for (const item of items) target.push(item);
  return target;
}
