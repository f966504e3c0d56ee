import { applyStyle, measure, topForMiddle } from './text-style.ts';

export interface SealOptions {
  centerX: number;
  centerY: number;
  radius: number;
  /** the issuing body, set along the upper arc */
  arcText: string;
  /** the seal's purpose, set straight below the star (e.g. 证明专用章) */
  centerText: string;
}

/** Seal red (印泥红), slightly translucent so text under it shows through as with real ink. */
const sealColor = '#d6262e';
const sealOpacity = 0.85;
/** widest arc the issuer's name may take, in degrees; longer names get smaller characters */
const maxArcDegrees = 250;

/**
 * A drawn official seal (公章 shape): ring, five-pointed star, issuer along the arc, purpose below.
 * All vector, no image file. It marks who issued the paper; authenticity comes from the
 * verification code, which the notes on the page say.
 */
export function drawSeal(doc: PDFKit.PDFDocument, options: SealOptions): void {
  const { centerX: cx, centerY: cy, radius } = options;
  const ring = radius * 0.055;
  doc.save();
  doc.fillColor(sealColor).strokeColor(sealColor).fillOpacity(sealOpacity).strokeOpacity(sealOpacity);
  doc
    .lineWidth(ring)
    .circle(cx, cy, radius - ring / 2)
    .stroke();

  const starOuter = radius * 0.28;
  const starInner = starOuter * 0.382; // regular pentagram proportion
  const points: Array<[number, number]> = [];
  for (let k = 0; k < 10; k++) {
    const angle = ((-90 + k * 36) * Math.PI) / 180;
    const reach = k % 2 === 0 ? starOuter : starInner;
    points.push([cx + reach * Math.cos(angle), cy + reach * Math.sin(angle)]);
  }
  doc.polygon(...points).fill();

  drawArcText(doc, options, ring);

  const centerStyle = { size: radius * 0.15, color: sealColor, bold: true };
  const centerWidth = measure(doc, options.centerText, centerStyle);
  const centerOptions = applyStyle(doc, centerStyle);
  doc.text(options.centerText, cx - centerWidth / 2, topForMiddle(cy + radius * 0.5, centerStyle.size), centerOptions);
  doc.restore();
}

function drawArcText(doc: PDFKit.PDFDocument, options: SealOptions, ring: number): void {
  const { centerX: cx, centerY: cy, radius } = options;
  const characters = Array.from(options.arcText);
  if (characters.length === 0) return;
  // the glyphs' outer edge sits just inside the ring
  const outerEdge = radius - ring - radius * 0.07;
  let size = radius * 0.22;
  let stepDegrees = degreesFor(size * 1.08, outerEdge - size / 2);
  if (stepDegrees * characters.length > maxArcDegrees) {
    stepDegrees = maxArcDegrees / characters.length;
    size = (((stepDegrees * Math.PI) / 180) * outerEdge) / (1.08 + (stepDegrees * Math.PI) / 180 / 2);
  }
  const span = stepDegrees * characters.length;
  const style = { size, color: sealColor, bold: true };
  characters.forEach((character, index) => {
    const angle = -span / 2 + stepDegrees * (index + 0.5);
    const width = measure(doc, character, style);
    const textOptions = applyStyle(doc, style);
    doc.save();
    doc.rotate(angle, { origin: [cx, cy] });
    // a CJK glyph's ink starts about 0.28 em below pdfkit's line top
    doc.text(character, cx - width / 2, cy - outerEdge - size * 0.28, textOptions);
    doc.restore();
  });
}

/** The angle, in degrees, an arc of `length` subtends at `radius`. */
function degreesFor(length: number, radius: number): number {
  return (length / radius) * (180 / Math.PI);
}
