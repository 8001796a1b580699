/** Per-units of a cap, folded so that 每家 / 单个企业 / 每户 compare equal. */
const PER_SYNONYMS: ReadonlyArray<[RegExp, string]> = [
  [/^(?:家|企业|户|单位|家企业|个企业|单个企业|每家|每家企业|市场主体)$/, '企业'],
  [/^(?:项|项目|个项目|单个项目|每项|每个项目)$/, '项'],
  [/^(?:年|每年|年度)$/, '年'],
  [/^(?:个平台|平台|每个平台)$/, '平台'],
  [/^(?:人|名|每人|人才|个人)$/, '人'],
  [/^(?:次|场|每场|每次|场次)$/, '次'],
  [/^(?:个基站|基站|每个基站)$/, '基站'],
];

export function normalisePer(per: string | undefined): string | undefined {
  if (per === undefined) return undefined;
  const value = per.trim().replace(/^\//, '');
  if (value === '') return undefined;
  for (const [pattern, canonical] of PER_SYNONYMS) if (pattern.test(value)) return canonical;
  return value;
}
