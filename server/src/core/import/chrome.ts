/**
 * Web-portal and compilation chrome around a policy: 政策详情, 级别/状态/分类/发文单位 lines,
 * 延伸阅读, search-result counters, pagers, page numbers, tables of contents, figure captions,
 * publisher footers. Some of it carries metadata (级别, 状态, 发文单位, 来源 date), read here first.
 */

export interface ChromeMetadata {
  levelLabel?: string;
  statusLabel?: string;
  issuer?: string;
  /** yyyy-mm-dd of a 来源/发布 footer. */
  published?: string;
}

const CHROME_LINE: readonly RegExp[] = [
  /^(?:政策详情|政策库|政策原文|政策解读|延伸阅读|相关阅读|相关政策|附件下载|打印本页|关闭窗口|返回顶部|分享到[:：]?.*)$/,
  /^根据标签自动聚合以下内容$/,
  /^(?:级别|状态|分类|支持方式|支持产业|发文单位|发布日期|发布时间|有效性|时效性|所属分类|来源|作者|浏览次数|字号)\s*[:：]/,
  /^作者[:：].*来源[:：]/,
  /^我们为您找到\s*\d+\s*条结果$/,
  /^(?:上一页|下一页|首页|末页)(?:\s|$)/,
  /(?:下一页|末页)\s*Go$/,
  /^目\s*录$/,
  /(?:\.{3,}|…{2,}|·{3,})\s*\d+\s*$/, // table-of-contents entries
  /^[-—–\s]*(?:第\s*)?\d{1,4}\s*(?:页)?[-—–\s]*$/, // page numbers
  /^(?:图|Figure|Fig\.)\s*\d+/i, // figure captions (the figures are not in the text)
  /^[（(【\[]\s*[^）)】\]]*(?:产业网|政策参考|扫描|二维码)[^）)】\]]*[）)】\]]$/,
  /^【更多.*】$/,
];

export function isChromeLine(line: string): boolean {
  const trimmed = line.trim();
  return CHROME_LINE.some((pattern) => pattern.test(trimmed));
}

const DATE = /(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})\s*日?/;

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
    const issuer = /^发文单位\s*[:：]\s*(.+)$/.exec(line);
    if (issuer) meta.issuer = issuer[1].trim();
    const source = /来源\s*[:：].*/.exec(line);
    if (source) {
      const date = DATE.exec(source[0]);
      if (date) meta.published = isoDate(date);
    }
  }
  return meta;
}
