import { cjkFontName, fontHasGlyph } from './fonts.ts';

export interface TextStyle {
  size: number;
  color: string;
  /** drawn by filling and stroking the Regular outline (see fonts.ts for why not a Bold font) */
  bold?: boolean;
  characterSpacing?: number;
}

export type Align = 'left' | 'center' | 'right';

/** Stroke width that turns Regular into a convincing bold: about 3.5 % of the size. */
const emboldenRatio = 0.035;

/** Applies a style; returns the text options it needs. */
export function applyStyle(doc: PDFKit.PDFDocument, style: TextStyle): PDFKit.Mixins.TextOptions {
  doc.font(cjkFontName).fontSize(style.size).fillColor(style.color);
  const options: PDFKit.Mixins.TextOptions = { lineBreak: false, characterSpacing: style.characterSpacing ?? 0 };
  if (style.bold) {
    doc.strokeColor(style.color).lineWidth(style.size * emboldenRatio);
    options.fill = true;
    options.stroke = true;
  }
  return options;
}

/** Width of `text` in `style`, without the spacing pdfkit adds after the last character. */
export function measure(doc: PDFKit.PDFDocument, text: string, style: TextStyle): number {
  doc.font(cjkFontName).fontSize(style.size);
  const spacing = style.characterSpacing ?? 0;
  return doc.widthOfString(text, { characterSpacing: spacing }) - spacing;
}

/**
 * One line of text placed by hand. pdfkit's line wrapper is the slow part of its text output and
 * nothing on a certificate needs wrapping: every line's length is known.
 */
export function textLine(
  doc: PDFKit.PDFDocument,
  text: string,
  x: number,
  y: number,
  style: TextStyle,
  placement: { width?: number; align?: Align } = {},
): void {
  let left = x;
  if (placement.align && placement.align !== 'left' && placement.width !== undefined) {
    const width = measure(doc, text, style);
    left = placement.align === 'center' ? x + (placement.width - width) / 2 : x + placement.width - width;
  }
  const options = applyStyle(doc, style);
  if (!hasMissingGlyph(text)) {
    doc.text(text, left, y, options);
    return;
  }
  drawWithMissingGlyphs(doc, text, left, y, style, options);
}

function hasMissingGlyph(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.codePointAt(index)!;
    // ASCII and common CJK are always there: skip the lookup for them
    if (code < 0x2000) continue;
    if (code > 0xffff) index++;
    if (!fontHasGlyph(code)) return true;
  }
  return false;
}

/**
 * A character the font lacks (an Extension B surname) is not dropped or left as an empty box: it
 * is drawn as a framed box with its code point, the way a clerk's "last resort" font shows it, and
 * the PDF carries the real character as ActualText, so copying, screen readers and verification
 * read the right name. Everything the font has is drawn normally around it.
 */
function drawWithMissingGlyphs(
  doc: PDFKit.PDFDocument,
  text: string,
  left: number,
  y: number,
  style: TextStyle,
  options: PDFKit.Mixins.TextOptions,
): void {
  let x = left;
  let run = '';
  const flush = () => {
    if (run === '') return;
    applyStyle(doc, style);
    doc.text(run, x, y, options);
    x += measure(doc, run, style) + (style.characterSpacing ?? 0);
    run = '';
  };
  for (const character of text) {
    const code = character.codePointAt(0)!;
    if (code < 0x2000 || fontHasGlyph(code)) {
      run += character;
      continue;
    }
    flush();
    const size = style.size;
    const utf16 = Buffer.from(character, 'utf16le').swap16().toString('hex').toUpperCase();
    doc.save();
    doc.addContent(`/Span <</ActualText <FEFF${utf16}>>> BDC`);
    doc
      .rect(x + size * 0.06, y + size * 0.12, size * 0.88, size * 0.88)
      .lineWidth(Math.max(0.3, size * 0.04))
      .strokeColor(style.color)
      .stroke();
    const hex = code.toString(16).toUpperCase();
    const lines = hex.length > 4 ? [hex.slice(0, hex.length - 2), hex.slice(-2)] : [hex];
    const hexSize = size * 0.3;
    lines.forEach((line, index) => {
      const lineTop = y + size * 0.56 - (lines.length * hexSize * 1.05) / 2 + index * hexSize * 1.05;
      doc.font(cjkFontName).fontSize(hexSize).fillColor(style.color);
      const width = doc.widthOfString(line);
      doc.text(line, x + (size - width) / 2, lineTop, { lineBreak: false });
    });
    doc.addContent('EMC');
    doc.restore();
    x += size + (style.characterSpacing ?? 0);
  }
  flush();
}

/** pdfkit puts the line top at y; a CJK glyph's visual middle is about 0.78 em below it (Noto Sans CJK metrics). */
export function topForMiddle(middle: number, size: number): number {
  return middle - size * 0.78;
}

/** The largest size ≤ `size` (in half points, not below `minimum`) at which `text` fits `width`. */
export function fittingSize(doc: PDFKit.PDFDocument, text: string, style: TextStyle, width: number, minimum: number): number {
  const full = measure(doc, text, style);
  if (full <= width) return style.size;
  // advance widths scale linearly with the size (character spacing does not): one measurement
  // instead of one per half point, which matters for every shrunk table cell
  const spacing = (style.characterSpacing ?? 0) * Math.max(0, [...text].length - 1);
  const exact = full - spacing > 0 ? ((width - spacing) / (full - spacing)) * style.size : minimum;
  const steps = Math.ceil((style.size - exact) / 0.5 - 1e-9);
  return Math.max(minimum, style.size - steps * 0.5);
}
