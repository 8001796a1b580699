/**
 * Clause kind. From the clause's own text first: an item that only says when the policy takes
 * effect, who interprets it, that awards do not add up (就高不重复) or what it repeals is a
 * safeguard, and one that only states the policy's purpose (为…，制定本办法) is a principle, whatever
 * its numbering. Else from the titles around it, nearest first: 指导思想/基本原则 → principle,
 * 发展目标 → goal, 保障措施/组织实施/附则 → safeguard; everything else is a measure. Background sections
 * (现状, 形势, 适用范围, 概念界定) are framing, not measures, and count as principle. All matching is
 * on the simplified copy (總則 is 总则). A text of table rows only (a 专栏 of targets) is a goal.
 */
import { foldWidth } from '../normalise/width';
import { toSimplified } from './traditional';
import type { ImportedKind } from './types';

const KINDS: ReadonlyArray<[ImportedKind, RegExp]> = [
  ['goal', /发展目标|主要目标|总体目标|建设目标|工作目标|行动目标|预期目标|目标任务|近期目标|中期目标|远期目标|^目标$/],
  ['principle', /指导思想|基本原则|建设原则|工作原则|发展原则|总体思路|总体要求|总体定位|战略定位|基本情况|基础现状|产业现状|发展现状|面临形势|发展形势|总则|前言|适用范围|概念界定|名词解释|支持对象/],
  ['safeguard', /保障措施|服务保障|要素保障|保障$|组织保障|保障机制|组织实施|组织领导|组织管理|实施保障|工作保障|附则|其余事项|其他事项|申报审核|资金使用评价|下一步工作|工作要求|监督考核|落实部门|落实程序|政策咨询|^其[他它]$/],
];

/** The policy itself as the subject: 本办法, 本措施, 本政策, 本实施细则 … */
const THIS_POLICY = '本(?:[^，,。；;]{0,6}?)?(?:办法|措施|政策|意见|细则|规定|方案|规则|通知|决定|计划|条例|指引|若干措施|若干政策)';
/** Sentences that close a policy rather than give a measure. */
const CLOSING_SENTENCE = new RegExp([
  `${THIS_POLICY}[^。；;]{0,40}(?:起|之日)(?:施行|实施|执行|生效)|${THIS_POLICY}[^。；;]{0,30}有效期`,
  `^(?:自|从)[^。；;]{0,30}(?:起|之日)(?:施行|实施|执行|生效)|^有效期`,
  `解释权|负责解释|由[^。；;]{1,30}解释`,
  '就高|不重复|不得重复|重复享受|重复支持|重复申报|同类政策',
  '废止|同时失效|停止执行|不再执行|从其规定|未尽事宜',
].join('|'));
/** 为…，制定本办法 / 结合我区实际，提出如下意见: the purpose of the policy. */
const PURPOSE_SENTENCE = new RegExp(`(?:^|[，,)])(?:为了?|根据|按照|依据)[^。；;]*(?:(?:特|现)?(?:制定|订定|出台|印发)(?:${THIS_POLICY}|以下|如下)|提出(?:以下|如下))`);
/** Money or a support verb: a sentence that gives something is a measure's. */
const GIVES = /给予|予以|奖励|补助|补贴|资助|扶持|贴息|[0-9一二三四五六七八九十百千]\s*(?:万元|亿元|元)/;
/** 第五条, 七、, （三）: a numbering marker before the sentence. */
const MARKER = /^(?:第\s*[0-9一二三四五六七八九十百零〇]+\s*[条條章节]|[0-9一二三四五六七八九十]+\s*[、.．]|[(（][0-9一二三四五六七八九十]+[)）])\s*/;

function sentences(text: string): string[] {
  return foldWidth(toSimplified(text))
    .split(/[。；;！!？?\n]/)
    .map((s) => s.trim().replace(MARKER, ''))
    .filter((s) => s !== '');
}

/**
 * A box (专栏) of table rows only — indicators, 梯队 targets — with no sentence: cells split by tabs
 * or wide spaces on every line.
 */
function isTableOnly(text: string): boolean {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  return lines.length >= 2 && !/[。；;]/.test(text) && lines.every((l) => l.trim().split(/\t+|\s{2,}|\u3000+/).length >= 2);
}

/** Kind told by the clause text alone, or undefined when the text is (also) a measure. */
function kindOfText(text: string): ImportedKind | undefined {
  if (isTableOnly(text)) return 'goal';
  const all = sentences(text);
  if (all.length === 0) return undefined;
  // 同一企业…按照就高不重复原则执行 names support without giving any.
  if (all.every((s) => CLOSING_SENTENCE.test(s))) return 'safeguard';
  if (all.every((s) => PURPOSE_SENTENCE.test(s) && !GIVES.test(s))) return 'principle';
  return undefined;
}

/**
 * `titles` from the clause's own title outwards to its chapter's. In a title naming two kinds
 * (基本原则与发展目标) the first named wins.
 */
export function kindOf(titles: ReadonlyArray<string | undefined>, text?: string): ImportedKind {
  const told = text === undefined ? undefined : kindOfText(text);
  if (told) return told;
  for (const written of titles) {
    if (!written) continue;
    const title = toSimplified(written).replace(/\s+/g, '');
    let best: { kind: ImportedKind; at: number } | undefined;
    for (const [kind, pattern] of KINDS) {
      const at = title.search(pattern);
      if (at >= 0 && (!best || at < best.at)) best = { kind, at };
    }
    if (best) return best.kind;
  }
  return 'measure';
}
