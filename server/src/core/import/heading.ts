/**
 * The title of a numbered item: a heading line (（一）指导思想), or a short run-in first sentence
 * (1.支持重点企业引育。支持……). The rest is the item's text, exactly as written.
 */
import type { Paragraph } from './paragraphs';

export interface SplitHeading {
  readonly title?: string;
  /** The text after the marker and title ('' for a heading line). */
  readonly text: string;
}

const SENTENCE_PUNCT = /[。；;，,！!？?]/;
/** A run-in title: up to 30 characters without commas or brackets, ended by 。 (or ： after at most 12). */
const RUN_IN = /^([^。；;，,：:！!？?()（）《》]{2,30}?)\s*(?:。|:(?<=^.{2,13}))/;

export function splitHeading(paragraph: Paragraph, markerLength: number): SplitHeading {
  const text = paragraph.text.slice(markerLength).trim();
  const norm = paragraph.norm.slice(markerLength).trim();
  if (!SENTENCE_PUNCT.test(norm) && norm.length <= 50) {
    const title = text.replace(/[：:]$/, '').trim();
    return title === '' ? { text: '' } : { title, text: '' };
  }
  const runIn = RUN_IN.exec(norm);
  if (runIn) {
    const rest = text.slice(runIn[0].length).trim();
    // （八）推动产业主体抱团。 standing alone is a heading; a lone short sentence ends up as text anyway.
    if (!/^[）)】\]]/.test(rest)) return { title: text.slice(0, runIn[1].length).trim(), text: rest };
  }
  return { text };
}
