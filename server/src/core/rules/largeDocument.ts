import { DEFAULT_SIZE_LIMITS, formatBytes, oversized, PRECEDENT_RULES, sizeLimitsOf } from '../sizeGuard';
import type { SizeLimits } from '../sizeGuard';
import type { Rule, Target } from './types';

function limitText(limits: SizeLimits, zh: boolean): string {
  const parts: string[] = [];
  if (limits.maxBytes > 0) parts.push(formatBytes(limits.maxBytes));
  if (limits.maxClauses > 0) parts.push(zh ? `${limits.maxClauses}条` : `${limits.maxClauses} clauses`);
  return parts.join(zh ? '或' : ' or ');
}

/**
 * A document beyond the size limits (options maxBytes / maxClauses; 0 = no limit): its precedent
 * work (cap-outlier, overlaps-in-force, precedent hovers and code lenses) is skipped so that the
 * editor stays responsive, and this says so once, on the document's first key. Silent without a
 * corpus (nothing is skipped then); `large-document: off` turns the guard off.
 */
export const largeDocument: Rule = {
  id: 'large-document',
  defaultSeverity: 'information',
  description: {
    en: 'The document is beyond the size limits (1 MiB or 1000 clauses by default), so precedent checks, precedent hovers and code lenses are skipped for it.',
    zh: '文档超过规模上限（默认1 MiB或1000条），已跳过先例检查、先例悬停提示和代码透镜。',
  },
  defaultOptions: { ...DEFAULT_SIZE_LIMITS },
  run({ document, corpus, config, report }) {
    if (!corpus) return;
    const verdict = oversized(document, sizeLimitsOf(config));
    if (!verdict) return;
    const root = document.yaml.root;
    const target: Target = root?.kind === 'map' && root.pairs.length > 0 ? { node: root.pairs[0].key } : { offsets: { start: 0, end: 0 } };
    const rules = [...PRECEDENT_RULES].join(', ');
    const size = formatBytes(verdict.bytes);
    report({
      target,
      message: {
        en: `This document is large (${size}, ${verdict.clauses} clauses; the limit is ${limitText(verdict.limits, false)}): precedent checks (${rules}), precedent hovers and code lenses are off for it. Raise the large-document options maxBytes / maxClauses to turn them on.`,
        zh: `文档规模较大（${size}，${verdict.clauses}条；上限为${limitText(verdict.limits, true)}）：已关闭先例检查（${rules}）以及先例悬停提示和代码透镜。可调高 large-document 的 maxBytes / maxClauses 选项重新启用。`,
      },
      data: { bytes: verdict.bytes, clauses: verdict.clauses, maxBytes: verdict.limits.maxBytes, maxClauses: verdict.limits.maxClauses },
    });
  },
};
