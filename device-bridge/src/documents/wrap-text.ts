import { measure, type TextStyle } from './text-style.ts';

/**
 * Breaks text into lines no wider than `width`. Chinese breaks between any two characters; a run
 * of Latin letters and digits (a certificate number, an amount) is kept whole unless it alone is
 * wider than the line. Done by hand because pdfkit's wrapper is the slow part of its text output.
 */
export function wrapText(doc: PDFKit.PDFDocument, text: string, style: TextStyle, width: number): string[] {
  const tokens = text.match(/[A-Za-z0-9.,:;()\-/_@%+#&=?]+|\s+|./gsu) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const token of tokens) {
    const candidate = line + token;
    if (line === '' || measure(doc, candidate, style) <= width) {
      line = candidate;
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
  }
  if (line !== '' || lines.length === 0) lines.push(line.trimEnd());
  return lines;
}
