/**
 * Hover content (Markdown) for a position: precedents on a clause's text or title, a department's
 * full name and aliases, how an amount compares with what precedents give, and the docs of a key.
 */
import type { Locale } from '../config';
import { registryOf } from '../departments/registryOf';
import type { ParsedPolicy } from '../engine';
import type { Clause } from '../model/types';
import { formatMoney } from '../normalise/money';
import { PRECEDENT_SCORE } from '../precedents/types';
import type { Precedent, PrecedentIndex } from '../precedents/types';
import { POLICY_SCHEMA } from '../schema/policySchema';
import type { JsonSchema } from '../schema/validateNode';
import { pathAt } from '../yaml/nodeAt';
import type { YScalar } from '../yaml/nodes';
import { scalarSpanToSource } from '../yaml/scalarSpans';
import { capStats } from './capStats';
import { escapeMarkdown as md, link, sanitizeLinks } from './markdown';

export interface HoverResult {
  readonly start: number;
  readonly end: number;
  readonly markdown: string;
}

export function clauseAt(parsed: ParsedPolicy, offset: number): Clause | undefined {
  return parsed.document.clauses.find((c) => offset >= c.node.start && offset <= c.node.end);
}

export interface HoverOptions {
  /** False beyond the size limits (sizeGuard.ts): no precedent queries, department and key hovers only. */
  readonly precedents?: boolean;
}

/**
 * Every string from the draft or the corpus goes through `md` (escaped), links through `link`
 * (corpus files and policyLint.* commands only), and the result through `sanitizeLinks`.
 */
export function hoverAt(parsed: ParsedPolicy, offset: number, corpus: PrecedentIndex | undefined, locale: Locale, options: HoverOptions = {}): HoverResult | undefined {
  const hover = rawHoverAt(parsed, offset, corpus, locale, options);
  return hover && { ...hover, markdown: sanitizeLinks(hover.markdown) };
}

function rawHoverAt(parsed: ParsedPolicy, offset: number, corpus: PrecedentIndex | undefined, locale: Locale, options: HoverOptions): HoverResult | undefined {
  const zh = locale === 'zh-CN';
  const queries = corpus && options.precedents !== false ? corpus : undefined;
  const clause = clauseAt(parsed, offset);
  const city = parsed.document.city?.value;
  if (clause) {
    // A department named in the structured field or in a text marker.
    for (const ref of [...(clause.departments?.lead ?? []), ...(clause.departments?.support ?? [])]) {
      if (offset >= ref.node.start && offset <= ref.node.end) return { start: ref.node.start, end: ref.node.end, markdown: departmentMarkdown(parsed, ref.name, corpus, zh) };
    }
    const text = clause.text;
    if (text && offset >= text.node.start && offset <= text.node.end) {
      const inText = offsetInValue(parsed, text.node, offset);
      for (const marker of clause.facts.departmentMarkers) {
        for (const name of [...marker.lead, ...marker.support]) {
          if (inText >= name.start && inText <= name.end) {
            return { ...spanRange(parsed, text.node, name.start, name.end), markdown: departmentMarkdown(parsed, name.name, corpus, zh) };
          }
        }
      }
      for (const mention of clause.facts.capMentions) {
        if (inText >= mention.start && inText <= mention.end && queries) {
          return { ...spanRange(parsed, text.node, mention.start, mention.end), markdown: amountMarkdown(mention.yuan, clause, queries, city, zh) };
        }
      }
    }
    for (const entry of clause.caps) {
      if (entry.max && offset >= entry.max.node.start && offset <= entry.max.node.end && queries) {
        return { start: entry.max.node.start, end: entry.max.node.end, markdown: amountMarkdown(entry.max.value, clause, queries, city, zh) };
      }
    }
    for (const pinned of clause.precedents) {
      if (offset >= pinned.node.start && offset <= pinned.node.end && corpus) {
        const resolved = corpus.resolve(pinned.value.trim());
        if (!resolved) continue;
        const excerpt = resolved.clause.text?.value.trim() ?? '';
        const quoted = excerpt.split(/\r\n|\r|\n/).map((line) => `> ${md(line)}`).join('\n');
        return { start: pinned.node.start, end: pinned.node.end, markdown: `**${md(pinned.value)}** — 《${md(resolved.document.document.policy?.value ?? resolved.document.id)}》\n\n${quoted}` };
      }
    }
    const onText = text && offset >= (text.key?.start ?? text.node.start) && offset <= text.node.end;
    const onTitle = clause.title && offset >= (clause.title.key?.start ?? clause.title.node.start) && offset <= clause.title.node.end;
    if ((onText || onTitle) && queries) {
      const anchor = onText ? text!.node : clause.title!.node;
      return { start: anchor.start, end: anchor.end, markdown: precedentsMarkdown(clause, queries, city, zh) };
    }
  }
  const path = pathAt(parsed.document.root, offset);
  const last = path[path.length - 1];
  if (last?.onKey && last.key) {
    const description = keyDescription(path.map((p) => p.key?.value).filter((k): k is string => k !== undefined));
    if (description) return { start: last.key.start, end: last.key.end, markdown: `**${md(last.key.value)}** — ${description}` };
  }
  return undefined;
}

export function precedentsMarkdown(clause: Clause, corpus: PrecedentIndex, city: string | undefined, zh: boolean): string {
  const result = corpus.query(clause, { city, top: 5 });
  const lines: string[] = [];
  if (result.precedents.length === 0) lines.push(zh ? '语料库中没有可比的先例。' : 'No comparable precedent in the corpus.');
  else lines.push(zh ? `**先例**（${result.precedents.length}）` : `**Precedents** (${result.precedents.length})`, '');
  for (const p of result.precedents) lines.push(...precedentLines(p, zh));
  if (result.sameCityInForce.length > 0) {
    lines.push('', zh ? `**本市现行政策中的相近条款**` : `**Close clauses in ${md(city ?? '')}'s in-force policies**`, '');
    for (const p of result.sameCityInForce.slice(0, 2)) lines.push(...precedentLines(p, zh));
  }
  return lines.join('\n');
}

function precedentLines(p: Precedent, zh: boolean): string[] {
  const caps = md(p.caps.map((c) => `${c.tier ? `${c.tier} ` : ''}${c.text}`).join('、'));
  const open = p.uri ? ` · ${link(zh ? '打开' : 'open', `${p.uri}#L${p.line + 1}`)}` : '';
  return [
    `- **${md(p.city)}** 《${md(p.documentTitle)}》 ${zh ? `第${md(p.clause)}条` : `clause ${md(p.clause)}`} · ${Math.round(p.score * 100)}%${caps ? ` · ${caps}` : ''}${open}`,
    `  > ${md(p.excerpt.replace(/\s+/g, ' ').trim())}`,
  ];
}

function amountMarkdown(yuan: number, clause: Clause, corpus: PrecedentIndex, city: string | undefined, zh: boolean): string {
  const precedents = corpus.query(clause, { city, top: 8, minScore: PRECEDENT_SCORE.comparable, excerpts: false }).precedents;
  const stats = capStats(precedents);
  const amount = md(formatMoney(yuan));
  if (!stats) return zh ? `**${amount}** — 先例中没有同类措施的金额。` : `**${amount}** — no precedent caps for this measure.`;
  const cities = stats.cities.map(md);
  const where = yuan > stats.max ? (zh ? '高于所有先例' : 'above every precedent')
    : yuan < stats.min ? (zh ? '低于所有先例' : 'below every precedent')
    : yuan > stats.median ? (zh ? '高于中位数' : 'above the median')
    : yuan < stats.median ? (zh ? '低于中位数' : 'below the median') : (zh ? '等于中位数' : 'at the median');
  const [min, median, max] = [stats.min, stats.median, stats.max].map((y) => md(formatMoney(y)));
  return zh
    ? `**${amount}**：${where}。\n\n同类先例封顶（${stats.count}个，${cities.join('、')}）：最低 ${min} · 中位 ${median} · 最高 ${max}`
    : `**${amount}**: ${where}.\n\nPrecedent caps for this measure (${stats.count}, ${cities.join(', ')}): min ${min} · median ${median} · max ${max}`;
}

function departmentMarkdown(parsed: ParsedPolicy, name: string, corpus: PrecedentIndex | undefined, zh: boolean): string {
  const full = parsed.document.departmentNames.get(name)?.value;
  const known = corpus ? registryOf(corpus).lookup(parsed.document.city?.value, name) : undefined;
  const aliases = (known?.names ?? []).filter((n) => n !== name && n !== full).slice(0, 6);
  const lines = [`**${md(name)}**${full ? ` — ${md(full)}` : ''}`];
  if (aliases.length) lines.push('', `${zh ? '又称' : 'Also written'}: ${aliases.map(md).join('、')}`);
  if (known?.cities.length) lines.push('', `${zh ? '语料中出现于' : 'In the corpus for'}: ${known.cities.map(md).join('、')}`);
  if (!full && !known) lines.push('', zh ? '语料库中未见该部门。' : 'Not seen in the corpus.');
  return lines.join('\n');
}

/** The schema's description of a key, found along its path (clauses / caps / departments …). */
function keyDescription(keys: readonly string[]): string | undefined {
  const definitions = POLICY_SCHEMA.definitions ?? {};
  const last = keys[keys.length - 1];
  const parent = keys[keys.length - 2];
  const scopes: Array<JsonSchema | undefined> = parent === 'caps' ? [definitions.cap?.anyOf?.[1]]
    : parent === 'clauses' || keys.includes('clauses') ? [definitions.clause, definitions.cap?.anyOf?.[1], definitions.chapter, POLICY_SCHEMA]
    : parent === 'chapters' ? [definitions.chapter, POLICY_SCHEMA]
    : [POLICY_SCHEMA];
  for (const scope of scopes) {
    const property = scope?.properties?.[last];
    if (property?.description) return property.description;
    if (property?.$ref) return definitions[property.$ref.replace('#/definitions/', '')]?.description;
  }
  return undefined;
}

/** Index in a scalar's decoded value of a source offset: the value → source mapping is monotonic. */
function offsetInValue(parsed: ParsedPolicy, node: YScalar, offset: number): number {
  const text = parsed.document.yaml.text;
  let low = 0;
  let high = node.value.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (scalarSpanToSource(text, node, mid, mid + 1).start < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

function spanRange(parsed: ParsedPolicy, node: YScalar, start: number, end: number): { start: number; end: number } {
  return scalarSpanToSource(parsed.document.yaml.text, node, start, end);
}
