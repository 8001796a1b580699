/**
 * Department registry per city, learned from the corpus: every name a city's policies use (fields,
 * text markers, `departments` maps), under its canonical key. A body that two or more cities have
 * (市工业和信息化局) is known for any city, so a draft for a city the corpus lacks is not flooded.
 */
import type { PolicyDocument } from '../model/types';
import { canonicalDepartment, isCollectiveBody, isStandardBody } from './aliases';

export interface KnownDepartment {
  readonly key: string;
  /** Names as written, most used first. */
  readonly names: readonly string[];
  readonly cities: readonly string[];
}

export interface DepartmentRegistry {
  isKnown(city: string | undefined, name: string): boolean;
  /**
   * The nearest known names for the city (and generic bodies), best first: same level (省/市/区 …),
   * no other city's body, sharing the distinctive part of the name; none when nothing is that close.
   */
  suggest(city: string | undefined, name: string, limit?: number): string[];
  /** Everything known about the body a name refers to. */
  lookup(city: string | undefined, name: string): KnownDepartment | undefined;
  /** Names to complete for a city. */
  namesFor(city: string | undefined): string[];
}

interface Entry {
  key: string;
  names: Map<string, number>;
  cities: Set<string>;
}

/** Every department name a document mentions. */
export function documentDepartmentNames(document: PolicyDocument): string[] {
  const names: string[] = [];
  for (const [short, full] of document.departmentNames) names.push(short, full.value);
  for (const clause of document.clauses) {
    if (clause.departments) for (const d of [...clause.departments.lead, ...clause.departments.support]) names.push(d.name);
    for (const marker of clause.facts.departmentMarkers) for (const d of [...marker.lead, ...marker.support]) names.push(d.name);
  }
  return names;
}

export function buildDepartmentRegistry(documents: readonly PolicyDocument[], extra: Readonly<Record<string, readonly string[]>> = {}): DepartmentRegistry {
  const byCity = new Map<string, Map<string, Entry>>();
  const all = new Map<string, Entry>();
  const add = (city: string, name: string): void => {
    if (isCollectiveBody(name)) return;
    const { key } = canonicalDepartment(name, city);
    for (const table of [cityTable(byCity, city), all]) {
      const entry = table.get(key) ?? { key, names: new Map(), cities: new Set() };
      entry.names.set(name, (entry.names.get(name) ?? 0) + 1);
      entry.cities.add(city);
      table.set(key, entry);
    }
  };
  for (const document of documents) {
    const city = document.city?.value ?? '';
    for (const name of documentDepartmentNames(document)) add(city, name);
  }
  for (const [city, names] of Object.entries(extra)) for (const name of names) add(city, name);
  const generic = new Map([...all].filter(([, entry]) => entry.cities.size >= 2));

  const entryFor = (city: string | undefined, name: string): Entry | undefined => {
    const { key } = canonicalDepartment(name, city);
    return (city !== undefined ? byCity.get(city)?.get(key) : undefined) ?? generic.get(key);
  };
  const candidates = (city: string | undefined): Entry[] => {
    const own = city !== undefined ? [...(byCity.get(city)?.values() ?? [])] : [];
    return [...own, ...[...generic.values()].filter((e) => !own.some((o) => o.key === e.key))];
  };
  const preferredName = (entry: Entry, city: string | undefined): string => {
    const names = [...entry.names].sort((a, b) => b[1] - a[1]).map(([n]) => n);
    // For another city's body, show the city-neutral form (市工信局, not 深圳市工信局).
    return names.find((n) => !city || !/^[\p{Script=Han}]{2,3}市/u.test(n) || n.startsWith(`${city}市`)) ?? names[0];
  };
  return {
    isKnown: (city, name) => isCollectiveBody(name) || isStandardBody(name, city) || entryFor(city, name) !== undefined,
    lookup: (city, name) => {
      const entry = entryFor(city, name);
      return entry && { key: entry.key, names: [...entry.names].sort((a, b) => b[1] - a[1]).map(([n]) => n), cities: [...entry.cities].sort() };
    },
    suggest: (city, name, limit = 3) => {
      const target = canonicalDepartment(name, city);
      const otherCities = [...byCity.keys()].filter((c) => c !== '' && c !== city && !(city ?? '').startsWith(c));
      return candidates(city)
        .filter((entry) => entry.key.split('|')[0] === target.level)
        .map((entry) => ({ entry, body: entry.key.split('|')[1], name: preferredName(entry, city) }))
        // Another city's own body (苏州海关) is no suggestion for this city.
        .filter((c) => !otherCities.some((other) => c.name.startsWith(other)))
        .filter((c) => sharesDistinctivePart(target.body, c.body))
        .map((c) => ({ ...c, distance: editDistance(target.body, c.body) }))
        .filter(({ distance, entry }) => distance <= Math.max(2, Math.floor(entry.key.length / 3)))
        .sort((a, b) => a.distance - b.distance)
        .slice(0, limit)
        .map((c) => c.name);
    },
    namesFor: (city) => candidates(city).map((entry) => preferredName(entry, city)).sort(),
  };
}

function cityTable(byCity: Map<string, Map<string, Entry>>, city: string): Map<string, Entry> {
  let table = byCity.get(city);
  if (!table) {
    table = new Map();
    byCity.set(city, table);
  }
  return table;
}

/** What tells a body apart: its name without the kind of office (科技 of 科技厅, 人才 of 人才局). */
function distinctivePart(body: string): string {
  return body.replace(/(?:监督管理局|管理委员会|委员会|管理局|办公室|服务中心|中心|局|厅|委|办|署|处|部|院|会|所)$/, '');
}

function longestCommonSubstring(a: string, b: string): number {
  let best = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < b.length; j++) {
      let k = 0;
      while (i + k < a.length && j + k < b.length && a[i + k] === b[j + k]) k++;
      best = Math.max(best, k);
    }
  }
  return best;
}

/**
 * Did-you-mean only between bodies with the same distinctive words: 工信息局 and 工业和信息化局 share
 * 信息, while 科技厅 and 科协, or 人才局 and 财政局, share at most one character.
 */
function sharesDistinctivePart(a: string, b: string): boolean {
  const [x, y] = [distinctivePart(a), distinctivePart(b)];
  const common = longestCommonSubstring(x, y);
  return common >= 2 && common * 2 >= Math.min(x.length, y.length);
}

/** Levenshtein distance, for did-you-mean. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
