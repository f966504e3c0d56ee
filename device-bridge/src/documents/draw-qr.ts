import QRCode from 'qrcode';

/** The module matrix the page draws: exactly what `qrcode` computes (error correction M, ~15 % damage). */
export interface QrMatrix {
  size: number;
  isDark(row: number, column: number): boolean;
}

export function qrMatrix(text: string): QrMatrix {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  return { size: modules.size, isDark: (row, column) => modules.get(row, column) !== 0 };
}

/** ISO/IEC 18004 asks for a 4-module light margin so scanners find the finder patterns. */
export const qrQuietModules = 4;

export interface QrBox {
  x: number;
  y: number;
  /** side of the whole square including the quiet zone, in points */
  size: number;
}

/**
 * Draws the code as vector rectangles (sharp at any printer resolution, no image decoding): one
 * rectangle per horizontal run of dark modules, all filled in a single operation. The quiet zone
 * is painted white so the watermark beneath cannot disturb scanning.
 */
export function drawQrCode(doc: PDFKit.PDFDocument, text: string, box: QrBox): QrMatrix {
  const matrix = qrMatrix(text);
  const moduleSize = box.size / (matrix.size + 2 * qrQuietModules);
  const originX = box.x + qrQuietModules * moduleSize;
  const originY = box.y + qrQuietModules * moduleSize;
  doc.save();
  doc.rect(box.x, box.y, box.size, box.size).fillOpacity(1).fill('#ffffff');
  for (let row = 0; row < matrix.size; row++) {
    let column = 0;
    while (column < matrix.size) {
      if (!matrix.isDark(row, column)) {
        column++;
        continue;
      }
      const start = column;
      while (column < matrix.size && matrix.isDark(row, column)) column++;
      doc.rect(originX + start * moduleSize, originY + row * moduleSize, (column - start) * moduleSize, moduleSize);
    }
  }
  doc.fill('#000000');
  doc.restore();
  return matrix;
}
