import { cjkFontName } from './fonts.ts';

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
  doc.text(text, left, y, options);
}

/** pdfkit puts the line top at y; a CJK glyph's visual middle is about 0.78 em below it (Noto Sans CJK metrics). */
export function topForMiddle(middle: number, size: number): number {
  return middle - size * 0.78;
}

/** The largest size ≤ `size` (in half points, not below `minimum`) at which `text` fits `width`. */
export function fittingSize(doc: PDFKit.PDFDocument, text: string, style: TextStyle, width: number, minimum: number): number {
  let size = style.size;
  while (size > minimum && measure(doc, text, { ...style, size }) > width) size -= 0.5;
  return size;
}
