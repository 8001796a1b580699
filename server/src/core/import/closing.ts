/**
 * Closing paragraphs after the last numbered item: 本政策自…起施行, 有效期…, 由…负责解释, the
 * signature and date. They are not part of the last item; the importer keeps them as a closing
 * clause and reads the signatory and date as metadata.
 */
import { parseMarker } from './numbering';
import type { Paragraph } from './paragraphs';
import { isHeadingLike } from './paragraphs';

const CLOSING = /自.{0,25}(?:起|之日)\s*(?:施行|实施|执行|试行|生效)|有效期|负责解释|废止|不再执行|^以上(?:政策|措施)/;
const SIGNATORY = /^[\u4e00-\u9fa5（）()、\s]{4,40}(?:政府|委员会|管委会|办公室|办公厅|局|厅|委|部|院|中心)$/;
const DATE_LINE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;

export interface Closing {
  /** Paragraphs before the closing. */
  readonly body: Paragraph[];
  /** Closing sentences, as written. */
  readonly sentences: string[];
  readonly signatories: string[];
  readonly date?: string;
  /** The signature and dateline paragraphs, as written. */
  readonly trailer: string[];
}

export function splitClosing(paragraphs: readonly Paragraph[]): Closing {
  let lastNumbered = -1;
  paragraphs.forEach((p, i) => {
    if (parseMarker(p.norm)) lastNumbered = i;
  });
  const signatories: string[] = [];
  let date: string | undefined;
  // Signature and date lines at the very end.
  let end = paragraphs.length;
  while (end > lastNumbered + 1) {
    const norm = paragraphs[end - 1].norm.trim();
    const d = DATE_LINE.exec(norm);
    if (d) date = `${d[1]}-${d[2].padStart(2, '0')}-${d[3].padStart(2, '0')}`;
    else if (SIGNATORY.test(norm)) signatories.unshift(paragraphs[end - 1].text.trim());
    else break;
    end--;
  }
  let start = end;
  if (lastNumbered >= 0) {
    const first = paragraphs.findIndex((p, i) => i > lastNumbered && i < end && CLOSING.test(p.norm));
    // Under a bare heading (四、附则) the closing sentences are that heading's own text.
    const underHeading = first === lastNumbered + 1 && isHeadingLike(paragraphs[lastNumbered].norm);
    if (first > 0 && !underHeading) start = first;
  }
  return {
    body: paragraphs.slice(0, start),
    sentences: paragraphs.slice(start, end).map((p) => p.text),
    signatories,
    date,
    trailer: paragraphs.slice(end).map((p) => p.text.trim()),
  };
}
