import QRCode from 'qrcode';
import type { PrintedReceipt } from './codec/interpreter.ts';
import { displayWidth } from './codec/interpreter.ts';
import { receiptColumns } from './codec/document.ts';

/** 80 mm paper at 203 dpi: 576 printable dots; font A is 12×24 dots. */
const paperDots = 576;
const cell = paperDots / receiptColumns;
const lineDots = 30;

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/**
 * The slip as it would look on thermal paper, as SVG: the dev panel shows it (the browser has the
 * UI's Chinese font), and receiptPng rasterises it for tests and bug reports.
 */
export function receiptSvg(receipt: PrintedReceipt): string {
  const parts: string[] = [];
  let y = 12;
  for (const line of receipt.lines) {
    if (line.kind === 'qr') {
      const { modules } = QRCode.create(line.data, { errorCorrectionLevel: 'M' });
      const module = Math.max(1, line.moduleSize);
      const size = modules.size * module;
      const left = Math.round((paperDots - size) / 2);
      const rects: string[] = [];
      for (let row = 0; row < modules.size; row++) {
        for (let column = 0; column < modules.size; column++) {
          if (modules.get(row, column)) rects.push(`M${left + column * module} ${y + row * module}h${module}v${module}h-${module}z`);
        }
      }
      parts.push(`<path d="${rects.join('')}" fill="#000"/>`);
      y += size + 8;
      continue;
    }
    const height = lineDots * line.size;
    const width = displayWidth(line.text) * cell * line.size;
    const x = line.align === 'center' ? (paperDots - width) / 2 : line.align === 'right' ? paperDots - width : 0;
    if (/^-{10,}$/.test(line.text)) {
      parts.push(`<path d="M0 ${y + height / 2}H${paperDots}" stroke="#000" stroke-width="2" stroke-dasharray="8 4"/>`);
      y += height;
      continue;
    }
    // place each run between wide gaps at its own column, as the printer's fixed-pitch font does
    let column = 0;
    for (const segment of line.text.split(/( {2,})/)) {
      if (segment !== '' && !/^ +$/.test(segment)) {
        const left = Math.max(0, x) + column * cell * line.size;
        parts.push(
          `<text x="${left.toFixed(1)}" y="${y + height - 7 * line.size}" font-size="${24 * line.size}"${line.bold ? ' font-weight="bold"' : ''}>${escape(segment)}</text>`,
        );
      }
      column += displayWidth(segment);
    }
    y += height;
  }
  const height = y + 24;
  return `<svg xmlns="http://www.w3.org/2000/svg" xml:space="preserve" style="white-space:pre" width="${paperDots}" height="${height}" viewBox="0 0 ${paperDots} ${height}" font-family="Noto Sans SC, Noto Sans CJK SC, WenQuanYi Micro Hei, sans-serif"><rect width="100%" height="100%" fill="#fff"/>${parts.join('')}</svg>`;
}

/** PNG of the slip (sharp/librsvg; Chinese needs a CJK font known to fontconfig on the host). */
export async function receiptPng(receipt: PrintedReceipt): Promise<Buffer> {
  const { default: sharp } = await import('sharp');
  return sharp(Buffer.from(receiptSvg(receipt)))
    .png()
    .toBuffer();
}
