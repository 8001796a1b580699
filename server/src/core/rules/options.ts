/** Reading rule options from a config, where any value may be wrong. */

/** A score or share in (0, 1]; anything else (NaN, negative, a string) is the fallback. */
export function numberOption(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 && value <= 1 ? value : fallback;
}
