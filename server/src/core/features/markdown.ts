/**
 * Markdown for hovers, safe with text from drafts and the corpus. Such text is escaped so that it
 * renders as itself: no link, image, autolink, HTML tag, entity or emphasis can come from it. Links
 * are only ever made here, to a corpus file (file:, policy-corpus:) or to one of the extension's own
 * commands (command:policyLint.*); `sanitizeLinks` drops any other link a bug might let through.
 */

/** CommonMark lets a backslash escape any ASCII punctuation; these are the ones that can start markup. */
const MARKUP = /[\\`*_~[\]()<>&|!#:{}$]/g;

/** Text as literal Markdown on one line (line breaks would start blocks: headings, quotes, lists). */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n\u2028\u2029\u0085]+/g, ' ')
    .replace(MARKUP, '\\$&')
    // GFM turns www.example.com into a link even without a scheme.
    .replace(/\b(www)\./gi, '$1\\.');
}

/** The extension's own commands: the only command links a hover may carry. */
export const OWN_COMMAND = /^command:policyLint\.[A-Za-z][A-Za-z0-9]*(?:\?[^\s()<>]*)?$/;
const FILE_LINK = /^(?:file|policy-corpus):\/\//i;

/** A link target for a hover, or undefined when it is neither a corpus file nor an own command. */
export function linkTarget(uri: string): string | undefined {
  if (OWN_COMMAND.test(uri)) return uri;
  if (!FILE_LINK.test(uri)) return undefined;
  // Characters that would end or break the link destination are percent-encoded.
  return uri.replace(/[\s()<>\\`"'[\]]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** `[label](target)` when the target is allowed; the bare label otherwise. */
export function link(label: string, uri: string | undefined): string {
  const target = uri === undefined ? undefined : linkTarget(uri);
  return target ? `[${escapeMarkdown(label)}](${target})` : escapeMarkdown(label);
}

/**
 * Defence in depth on finished Markdown: every inline link or image whose target is not allowed
 * becomes its label, and raw autolinks (<scheme:…>) lose their brackets. Escaped brackets (\[, \<)
 * are text and stay as they are.
 */
export function sanitizeLinks(markdown: string): string {
  return markdown
    .replace(/(?<!\\)(!?)\[((?:\\.|[^\]\\])*)\]\(\s*<?([^)\s>]*)>?(?:\s+"[^"]*")?\s*\)/g, (whole, bang: string, label: string, target: string) =>
      !bang && linkTarget(target) === target ? whole : label)
    .replace(/(?<!\\)<([a-z][a-z0-9+.-]*:[^>\s]*)>/gi, (_whole, target: string) => escapeMarkdown(target));
}
