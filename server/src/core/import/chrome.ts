/**
 * Web-portal and compilation chrome around a policy: 政策详情, 级别/状态/分类/发文单位 lines,
 * 延伸阅读, search-result counters, pagers, page numbers, tables of contents, figure captions,
 * publisher footers. Some of it carries metadata (级别, 状态, 发文单位, 来源 date), read here first.
 */
import { pushAll } from '../text/pushAll';

export interface ChromeMetadata {
  levelLabel?: string;
  statusLabel?: string;
  /** 发文单位 / 发布机构 of a portal. */
  issuer?: string;
  /** yyyy-mm-dd of a 发布日期/发布时间 field or a 来源 footer. */
  published?: string;
  /** yyyy-mm-dd of a 成文日期 field (the signing date). */
  written?: string;
  /** 文号 field of a portal. */
  docNumber?: string;
}

const CHROME_LINE: readonly RegExp[] = [
  /^(?:政策详情|政策库|政策原文|政策解读|延伸阅读|相关阅读|相关政策|附件下载|分享到[:：]?.*)$/,
  /^(?:(?:打印本页|关闭窗口|返回顶部|打印|关闭|收藏)\s*)+$/,
  // 【字体：大 中 小】【打印】【关闭】 button rows
  /^(?:[【\[]\s*(?:(?:字体|字号)\s*[:：]?\s*)?(?:大\s*中\s*小|打印本页|打印|关闭窗口|关闭|返回顶部|收藏)\s*[】\]]\s*)+$/,
  /^(?:扫一扫在手机打开当前页|视力保护色.*)$/,
  /^当前位置\s*[:：]/,
  /^首页\s*[>＞»]/, // breadcrumb
  /^根据标签自动聚合以下内容$/,
  /^(?:级别|状态|分类|支持方式|支持产业|发文单位|发布日期|发布时间|有效性|时效性|所属分类|来源|作者|浏览次数|字号|索引号|发布机构|成文日期|主题分类|文号|信息来源|点击数|阅读次数|相关附件)\s*[:：]/,
  /^[（(]\s*此件[^）)]{1,8}[）)]$/, // （此件公开发布）
  /^作者[:：].*来源[:：]/,
  /^我们为您找到\s*\d+\s*条结果$/,
  /^(?:上一页|下一页|首页|末页)(?:\s|$)/,
  /(?:下一页|末页)\s*Go$/,
  /^目\s*录$/,
  /(?:\.{3,}|…{2,}|·{3,})\s*\d+\s*$/, // table-of-contents entries
  /^[-—–\s]*(?:第\s*)?\d{1,4}\s*(?:页)?[-—–\s]*$/, // page numbers
  /^第\s*\d{1,4}\s*页\s*[,，/]?\s*共\s*\d{1,4}\s*页$/,
  /^(?:图|Figure|Fig\.)\s*\d+/i, // figure captions (the figures are not in the text)
  /^[（(【\[]\s*[^）)】\]]*(?:产业网|政策参考|扫描|二维码)[^）)】\]]*[）)】\]]$/,
  /^【更多.*】$/,
  /^\d{1,4}\s*\/\s*\d{1,4}$/, // 1/2 page footers
  // WeChat article chrome: byline (原创 厦门发布 2024-08-12 18:30 福建), follow/share prompts, credits.
  /^原创\s+\S{1,20}\s+\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2})?(?:\s+\S{1,6})?$/,
  /^\P{L}{0,4}(?:点击上方.{0,8}关注|长按(?:识别)?二维码|点个\s*[“"]?在看|阅读原文$)/u,
  /^(?:编辑|责编|责任编辑|审核|校对|监制|排版|美编|初审|复审|终审)\s*[:：|｜].{0,30}$/,
  /^(?:分享|点赞|在看|收藏|转发)(?:\s*[|｜/、,，]?\s*(?:分享|点赞|在看|收藏|转发))*$/,
];

export function isChromeLine(line: string): boolean {
  const trimmed = line.trim();
  return CHROME_LINE.some((pattern) => pattern.test(trimmed));
}

const DATE = /(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})\s*日?/;
/** 第 6 页 共 9 页 of a PDF page footer, also where a line break inside a sentence carried it. */
const PAGE_OF = /第\s*\d{1,4}\s*页\s*[,，/]?\s*共\s*\d{1,4}\s*页/g;
/** A contents entry without dot leaders: （一）提升整车制造能级 2. */
const CONTENTS_ENTRY = /^[^。；，,;]{2,50}?[^\d\s.．]\s+\d{1,3}$/;

function isoDate(match: RegExpExecArray): string {
  return `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}`;
}

/** Metadata carried by chrome lines (级别:苏州市级状态: 有效 may share one line). */
export function readChromeMetadata(lines: readonly string[]): ChromeMetadata {
  const meta: ChromeMetadata = {};
  for (const raw of lines) {
    const line = raw.trim();
    const level = /级别\s*[:：]\s*([^\s:：]*?级)(?=状态|\s|$)/.exec(line);
    if (level) meta.levelLabel = level[1];
    const status = /状态\s*[:：]\s*(\S+)/.exec(line);
    if (status) meta.statusLabel = status[1];
    const issuer = /^(?:发文单位|发布机构)\s*[:：]\s*(\S+)/.exec(line);
    if (issuer) meta.issuer = issuer[1].trim();
    const number = /^文号\s*[:：]\s*(\S+)/.exec(line);
    if (number) meta.docNumber = number[1];
    const written = /^成文日期\s*[:：]\s*(.+)$/.exec(line);
    const writtenDate = written ? DATE.exec(written[1]) : null;
    if (writtenDate) meta.written = isoDate(writtenDate);
    // 发布时间：2024年3月5日 来源：… 浏览次数：88 on one line: the date right after the label.
    const release = /^(?:发布日期|发布时间)\s*[:：]\s*(.+)$/.exec(line);
    const releaseDate = release ? DATE.exec(release[1]) : null;
    if (releaseDate && releaseDate.index === 0) meta.published = isoDate(releaseDate);
    const source = /来源\s*[:：].*/.exec(line);
    if (source && !releaseDate) {
      const date = DATE.exec(source[0]);
      if (date) meta.published = isoDate(date);
    }
  }
  return meta;
}

/** A page footer line: — 第 1 页 共 2 页 —, - 2 -, 1/2. */
function isFooterLine(line: string): boolean {
  const trimmed = line.trim();
  return FOOTER_LINE.test(trimmed) || (trimmed !== '' && trimmed.replace(new RegExp(PAGE_OF.source, 'g'), '').replace(/[-—–\s]/g, '') === '');
}
const FOOTER_LINE = /^(?:[-—–\s]*(?:第\s*)?\d{1,4}\s*(?:页)?[-—–\s]*|\d{1,4}\s*\/\s*\d{1,4})$/;
/** What a running header looks like: a short line without sentence punctuation. */
const HEADER_LIKE = /^[^。；;！!？?，,]{4,60}$/;

/**
 * Running headers of a PDF copy: a line next to a page footer (blank lines between allowed) that
 * repeats one of the document's first three lines (its title) or that recurs there at least twice.
 */
function runningHeaders(lines: readonly string[]): Set<number> {
  const content = lines.map((l, i) => [l.trim(), i] as const).filter(([l]) => l !== '');
  // The title: the header-like lines at the top (up to three: an issuer line or a headline above it).
  let opening = content.findIndex(([l]) => !HEADER_LIKE.test(l) || isFooterLine(l));
  opening = Math.min(opening < 0 ? content.length : opening, 3);
  const titles = new Set(content.slice(0, opening).map(([l]) => l));
  const nearFooter: Array<readonly [string, number]> = [];
  content.forEach(([line, i], k) => {
    if (k < opening || isFooterLine(line) || !HEADER_LIKE.test(line)) return;
    if (isFooterLine(content[k - 1][0]) || (content[k + 1] && isFooterLine(content[k + 1][0]))) nearFooter.push([line, i]);
  });
  const count = new Map<string, number>();
  for (const [line] of nearFooter) count.set(line, (count.get(line) ?? 0) + 1);
  return new Set(nearFooter.filter(([line]) => titles.has(line) || (count.get(line) ?? 0) >= 2).map(([, i]) => i));
}

/**
 * Page footers (第 6 页 共 9 页, also from inside a sentence, with the dashes around them) and the
 * running headers next to them cut out of the text; `cut` gets them.
 */
export function cutPageFooters(text: string, cut: string[]): string {
  const lines = text.split('\n');
  const headers = runningHeaders(lines);
  const kept: string[] = [];
  lines.forEach((line, i) => {
    if (headers.has(i)) {
      cut.push(line);
      return;
    }
    const footers: string[] = [];
    const rest = line.replace(PAGE_OF, (footer) => {
      footers.push(footer);
      return '';
    });
    // — 第 1 页 共 2 页 —: a footer line goes whole, dashes and all.
    if (footers.length > 0 && /^[-—–\s]*$/.test(rest)) {
      cut.push(line.trim());
      return;
    }
    pushAll(cut, footers);
    kept.push(rest);
  });
  return kept.join('\n');
}

/**
 * Indexes of a table of contents' entries in `lines`: after a 目录 line, every line ending in a page
 * number (or followed by a line that is only one), up to the first real heading.
 */
export function contentsLines(lines: readonly string[]): number[] {
  const head = lines.findIndex((l) => /^目\s*录$/.test(l.trim()));
  if (head < 0) return [];
  const entries: number[] = [];
  for (let i = head + 1; i < lines.length; i++) {
    const line = lines[i].trim();
    const page = lines[i + 1]?.trim() ?? '';
    if (CONTENTS_ENTRY.test(line)) entries.push(i);
    else if (isChromeLine(line)) continue; // a dotted entry or a page number: dropped as chrome anyway
    else if (/^\d{1,3}$/.test(page) && line.length <= 50 && !/[。；，,;]/.test(line)) entries.push(i, ++i);
    else break;
  }
  return entries.length >= 2 ? entries : [];
}
