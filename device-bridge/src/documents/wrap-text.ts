import { measure, type TextStyle } from './text-style.ts';

/**
 * Breaks text into lines no wider than `width`. Chinese breaks between any two characters; a run
 * of Latin letters and digits (a certificate number, an amount) is kept whole unless it alone is
 * wider than the line. Done by hand because pdfkit's wrapper is the slow part of its text output.
 *
 * Measuring every growing line from scratch made wrapping quadratic (each measure shapes the whole
 * string again), a quarter of a certificate's render. A line's width is instead the sum of its
 * tokens' widths; only where that sum comes within `slack` of the limit is the line itself measured
 * (kerning across two tokens is the only difference), so every decision is the exact one.
 */
export function wrapText(doc: PDFKit.PDFDocument, text: string, style: TextStyle, width: number): string[] {
  const tokens = text.match(/[A-Za-z0-9.,:;()\-/_@%+#&=?]+|\s+|./gsu) ?? [];
  // what joining two tokens adds beyond their own widths (the character spacing between them)
  const join = measure(doc, '一一', style) - 2 * measure(doc, '一', style);
  const slack = style.size * 0.25;
  const tokenWidth = tokenMeasurer(doc, style);
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  for (const token of tokens) {
    const candidate = line + token;
    const estimate = line === '' ? tokenWidth(token) : lineWidth + join + tokenWidth(token);
    const fits = line === '' || estimate <= width - slack || (estimate <= width + slack && measure(doc, candidate, style) <= width);
    if (fits) {
      line = candidate;
      lineWidth = estimate;
      continue;
    }
    lines.push(line.trimEnd());
    line = token.trimStart();
    // a single token wider than the line (a very long number): cut it by characters
    while (line.length > 1 && measure(doc, line, style) > width) {
      let cut = line.length - 1;
      while (cut > 1 && measure(doc, line.slice(0, cut), style) > width) cut--;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
    lineWidth = line === '' ? 0 : measure(doc, line, style);
  }
  if (line !== '' || lines.length === 0) lines.push(line.trimEnd());
  return lines;
}

/**
 * Token widths cached for one document and style: the same characters recur all over a page. The
 * cache lives as long as the document, never across documents, since the text is a citizen's.
 */
const documentCaches = new WeakMap<PDFKit.PDFDocument, Map<string, number>>();

function tokenMeasurer(doc: PDFKit.PDFDocument, style: TextStyle): (token: string) => number {
  let cache = documentCaches.get(doc);
  if (!cache) {
    cache = new Map();
    documentCaches.set(doc, cache);
  }
  const prefix = `${style.size}/${style.characterSpacing ?? 0}/`;
  const widths = cache;
  return (token) => {
    const key = prefix + token;
    let known = widths.get(key);
    if (known === undefined) {
      known = measure(doc, token, style);
      widths.set(key, known);
    }
    return known;
  };
}
