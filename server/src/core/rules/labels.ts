/** How findings name clauses and amounts in messages. */
import type { Clause } from '../model/types';
import { formatMoney } from '../normalise/money';
import type { Message } from './types';

export function clauseLabel(clause: Clause): Message {
  const id = clause.id?.value ?? String(clause.index + 1);
  const title = clause.title?.value;
  return {
    en: title ? `clause ${id} (${title})` : `clause ${id}`,
    zh: title ? `第${id}条（${title}）` : `第${id}条`,
  };
}

export function money(yuan: number): string {
  return formatMoney(yuan);
}

export function percent(rate: { min: number; max: number }): string {
  return rate.min === rate.max ? `${rate.min}%` : `${rate.min}%~${rate.max}%`;
}
