/**
 * Clause kind from the titles around it, nearest first: 指导思想/基本原则 → principle, 发展目标 → goal,
 * 保障措施/组织实施/附则 → safeguard; everything else is a measure. Background sections (现状, 形势,
 * 适用范围, 概念界定) are framing, not measures, and count as principle.
 */
import type { ImportedKind } from './types';

const KINDS: ReadonlyArray<[ImportedKind, RegExp]> = [
  ['goal', /发展目标|主要目标|总体目标|建设目标|工作目标|行动目标|预期目标|目标任务|近期目标|中期目标|远期目标|^目标$/],
  ['principle', /指导思想|基本原则|建设原则|工作原则|发展原则|总体思路|总体要求|总体定位|战略定位|基本情况|基础现状|产业现状|发展现状|面临形势|发展形势|总则|前言|适用范围|概念界定|名词解释|支持对象/],
  ['safeguard', /保障措施|服务保障|要素保障|保障$|组织保障|保障机制|组织实施|组织领导|组织管理|实施保障|工作保障|附则|其余事项|其他事项|申报审核|资金使用评价|下一步工作|工作要求|监督考核|落实部门|落实程序|政策咨询/],
];

/**
 * `titles` from the clause's own title outwards to its chapter's. In a title naming two kinds
 * (基本原则与发展目标) the first named wins.
 */
export function kindOf(titles: ReadonlyArray<string | undefined>): ImportedKind {
  for (const title of titles) {
    if (!title) continue;
    let best: { kind: ImportedKind; at: number } | undefined;
    for (const [kind, pattern] of KINDS) {
      const at = title.search(pattern);
      if (at >= 0 && (!best || at < best.at)) best = { kind, at };
    }
    if (best) return best.kind;
  }
  return 'measure';
}
