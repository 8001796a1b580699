/** One code lens per measure clause: "N precedents · median cap X · Compare". */
import type { Locale } from '../config';
import type { ParsedPolicy } from '../engine';
import { formatMoney } from '../normalise/money';
import { PRECEDENT_SCORE } from '../precedents/types';
import type { PrecedentIndex } from '../precedents/types';
import { capStats } from './capStats';

export interface ClauseLens {
  readonly start: number;
  readonly end: number;
  readonly clause: string;
  readonly title: string;
  readonly precedentCount: number;
}

export function codeLenses(parsed: ParsedPolicy, corpus: PrecedentIndex, locale: Locale): ClauseLens[] {
  const zh = locale === 'zh-CN';
  const city = parsed.document.city?.value;
  return parsed.document.clauses.filter((c) => c.kind === 'measure' && c.text).map((clause) => {
    const { precedents } = corpus.query(clause, { city, top: 5, minScore: PRECEDENT_SCORE.listed, excerpts: false });
    const stats = capStats(precedents);
    const anchor = clause.id?.node ?? clause.node;
    const parts = [zh ? `${precedents.length} 个先例` : `${precedents.length} precedent${precedents.length === 1 ? '' : 's'}`];
    if (stats) parts.push(zh ? `封顶中位数 ${formatMoney(stats.median)}` : `median cap ${formatMoney(stats.median)}`);
    parts.push(zh ? '对比' : 'Compare');
    return { start: anchor.start, end: anchor.end, clause: clause.id?.value ?? String(clause.index + 1), title: parts.join(' · '), precedentCount: precedents.length };
  });
}
