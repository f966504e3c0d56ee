import type { CertificateContent, PrintedRow } from './certificate-content.ts';
import { drawQrCode, type QrBox } from './draw-qr.ts';
import { drawSeal } from './draw-seal.ts';
import { fittingSize, measure, textLine, topForMiddle, type Align, type TextStyle } from './text-style.ts';

/**
 * Where everything sits on an A4 page (points, origin top left). One place for the geometry so the
 * page count the preview promises and the pages the PDF has can never disagree.
 */
export const page = { width: 595.28, height: 841.89, marginX: 62 } as const;
const contentWidth = page.width - 2 * page.marginX;
const right = page.width - page.marginX;

const ink = '#1a1a1a';
const muted = '#555555';
const owedRed = '#b00020';
const rule = '#8c8c8c';

const style = {
  header: { size: 8, color: muted },
  title: { size: 22, color: ink, bold: true, characterSpacing: 4 },
  continuationTitle: { size: 14, color: ink, bold: true },
  label: { size: 10, color: ink, bold: true },
  value: { size: 10, color: ink },
  statement: { size: 10.5, color: ink },
  unit: { size: 8.5, color: muted },
  tableHead: { size: 9.5, color: ink, bold: true },
  cell: { size: 9.5, color: ink },
  owed: { size: 9.5, color: owedRed, bold: true },
  total: { size: 9.5, color: ink, bold: true },
  note: { size: 8.5, color: muted },
  smallLabel: { size: 8, color: muted },
  number: { size: 10, color: ink },
  code: { size: 12.5, color: ink, bold: true, characterSpacing: 0.6 },
  issuer: { size: 10.5, color: ink },
  footer: { size: 8.5, color: muted },
  pageNumber: { size: 8, color: muted },
} satisfies Record<string, TextStyle>;

const header = { y: 38, ruleY: 54 };
const titleY = 74;
const continuationTitleY = 70;
const info = { y: 122, rowHeight: 24, widths: [78, 150, 92, contentWidth - 78 - 150 - 92] };
const statementY = 182;
const table = {
  firstPageTop: 214,
  continuationTop: 100,
  headerHeight: 24,
  rowHeight: 20,
  totalHeight: 22,
  padding: 6,
  // 缴费年月 缴费单位 缴费基数 单位缴纳 个人缴纳 缴费状态
  widths: [70, contentWidth - 70 - 72 - 68 - 68 - 52, 72, 68, 68, 52],
  align: ['center', 'left', 'right', 'right', 'right', 'center'] as readonly Align[],
};
/** the closing line and the notes under the table on the last page */
const closing = { gap: 12, lineHeight: 20, noteLineHeight: 13.5, noteCount: 3 };
const bottomBlockTop = 640;
const footer = { ruleY: 774, validityY: 782, pageNumberY: 800 };

/** The QR code's square on the last page (including its quiet zone); tests sample the drawn modules here. */
export const qrBox: QrBox = { x: page.marginX - 6, y: bottomBlockTop, size: 104 };
const issuerBlock = { width: 210, issuerMiddle: bottomBlockTop + 40, dateMiddle: bottomBlockTop + 62, sealRadius: 54 };

/** The lowest point the table may reach: above the footer, or above the closing block on the last page. */
const tableLimit = {
  notLast: footer.ruleY - 10,
  last: bottomBlockTop - closing.gap - closing.lineHeight - closing.noteCount * closing.noteLineHeight - 6,
};

function rowsThatFit(top: number, limit: number, withTotal: boolean): number {
  return Math.floor((limit - top - table.headerHeight - (withTotal ? table.totalHeight : 0)) / table.rowHeight);
}

/**
 * Rows per page. The last page carries the total, the closing, the verification block and the
 * seal, and always at least one row, so the seal never stands on a page of its own.
 */
export function paginateRows(rowCount: number): number[] {
  const pages: number[] = [];
  let remaining = rowCount;
  for (let index = 0; ; index++) {
    const top = index === 0 ? table.firstPageTop : table.continuationTop;
    if (remaining <= rowsThatFit(top, tableLimit.last, true)) {
      pages.push(remaining);
      return pages;
    }
    const onThisPage = Math.min(rowsThatFit(top, tableLimit.notLast, false), remaining - 1);
    pages.push(onThisPage);
    remaining -= onThisPage;
  }
}

export function certificatePageCount(rowCount: number): number {
  return paginateRows(rowCount).length;
}

/** Draws every page; returns the page count. */
export function drawCertificate(doc: PDFKit.PDFDocument, content: CertificateContent): number {
  const pages = paginateRows(content.rows.length);
  let rowOffset = 0;
  pages.forEach((rowCount, index) => {
    const isLast = index === pages.length - 1;
    doc.addPage({ size: 'A4', margin: 0 });
    drawDiagonalWatermark(doc, content.watermark);
    drawHeader(doc, content);
    let top: number;
    if (index === 0) {
      textLine(doc, content.title, page.marginX, titleY, style.title, { width: contentWidth, align: 'center' });
      drawInfoGrid(doc, content);
      textLine(doc, content.statement, page.marginX + 2 * style.statement.size, statementY, style.statement);
      top = table.firstPageTop;
    } else {
      textLine(doc, `${content.title}（续）`, page.marginX, continuationTitleY, style.continuationTitle, {
        width: contentWidth,
        align: 'center',
      });
      top = table.continuationTop;
    }
    textLine(doc, content.amountUnit, page.marginX, top - 13, style.unit, { width: contentWidth, align: 'right' });
    const bottom = drawTable(doc, content, content.rows.slice(rowOffset, rowOffset + rowCount), top, isLast);
    rowOffset += rowCount;
    if (isLast) {
      drawClosing(doc, content, bottom);
      drawVerificationBlock(doc, content);
      drawIssuerBlock(doc, content);
    }
    drawFooter(doc, content, index + 1, pages.length);
  });
  return pages.length;
}

/**
 * Light diagonal lines of the purpose text under everything: a photocopy or a cut-out shows it.
 * Marked as a watermark artifact with an empty ActualText, so copying text, screen readers and
 * text extraction read the certificate, not the watermark interleaved with it.
 */
function drawDiagonalWatermark(doc: PDFKit.PDFDocument, text: string): void {
  const watermarkStyle = { size: 18, color: '#7a7a7a' };
  const width = measure(doc, text, watermarkStyle);
  doc.save();
  doc.addContent('/Artifact <</Type /Pagination /Subtype /Watermark>> BDC');
  doc.addContent('/Span <</ActualText ()>> BDC');
  doc.fillOpacity(0.09);
  doc.rotate(-32, { origin: [page.width / 2, page.height / 2] });
  for (let line = -5; line <= 5; line++) {
    const y = page.height / 2 + line * 120;
    const shift = line % 2 === 0 ? 0 : width / 2 + 30;
    for (let x = -page.width * 0.6 + shift; x < page.width * 1.4; x += width + 60) {
      textLine(doc, text, x, y, watermarkStyle);
    }
  }
  doc.addContent('EMC');
  doc.addContent('EMC');
  doc.restore();
}

function drawHeader(doc: PDFKit.PDFDocument, content: CertificateContent): void {
  textLine(doc, content.systemLine, page.marginX, header.y, style.header);
  textLine(doc, `证明编号：${content.number}`, page.marginX, header.y, style.header, { width: contentWidth, align: 'right' });
  doc.moveTo(page.marginX, header.ruleY).lineTo(right, header.ruleY).lineWidth(0.6).strokeColor(rule).stroke();
}

function drawInfoGrid(doc: PDFKit.PDFDocument, content: CertificateContent): void {
  const cells = [
    ['姓　　名', content.holderName, '公民身份号码', content.maskedIdNumber],
    ['事项编码', content.serviceCode, '缴费期间', content.period],
  ];
  cells.forEach((row, rowIndex) => {
    const y = info.y + rowIndex * info.rowHeight;
    let x = page.marginX;
    row.forEach((text, column) => {
      const width = info.widths[column]!;
      const isLabel = column % 2 === 0;
      const cellStyle = isLabel ? style.label : style.value;
      if (isLabel) doc.rect(x, y, width, info.rowHeight).fillOpacity(1).fill('#f2f2f2');
      const top = topForMiddle(y + info.rowHeight / 2, cellStyle.size);
      textLine(doc, text, x + 8, top, cellStyle, isLabel ? { width: width - 16, align: 'center' } : {});
      x += width;
    });
  });
  strokeGrid(doc, page.marginX, info.y, info.widths, cells.map(() => info.rowHeight));
}

/** Outer frame (heavier), row rules and column rules of a simple table. */
function strokeGrid(doc: PDFKit.PDFDocument, left: number, top: number, widths: number[], heights: number[]): void {
  const totalWidth = widths.reduce((sum, width) => sum + width, 0);
  const totalHeight = heights.reduce((sum, height) => sum + height, 0);
  let y = top;
  for (const height of heights.slice(0, -1)) {
    y += height;
    doc.moveTo(left, y).lineTo(left + totalWidth, y);
  }
  let x = left;
  for (const width of widths.slice(0, -1)) {
    x += width;
    doc.moveTo(x, top).lineTo(x, top + totalHeight);
  }
  doc.lineWidth(0.5).strokeColor(rule).stroke();
  doc.rect(left, top, totalWidth, totalHeight).lineWidth(1).strokeColor(ink).stroke();
}

/** Header, rows and (on the last page) the total; returns the table's bottom edge. */
function drawTable(doc: PDFKit.PDFDocument, content: CertificateContent, rows: PrintedRow[], top: number, withTotal: boolean): number {
  const left = page.marginX;
  doc.rect(left, top, contentWidth, table.headerHeight).fillOpacity(1).fill('#e9e9e9');
  let x = left;
  content.columns.forEach((column, index) => {
    const width = table.widths[index]!;
    textLine(doc, column, x, topForMiddle(top + table.headerHeight / 2, style.tableHead.size), style.tableHead, {
      width,
      align: 'center',
    });
    x += width;
  });

  rows.forEach((row, rowIndex) => {
    const middle = top + table.headerHeight + rowIndex * table.rowHeight + table.rowHeight / 2;
    const cells = [row.month, row.employer, row.base, row.employerPart, row.personalPart, row.status];
    let cellX = left;
    cells.forEach((text, index) => {
      const isStatus = index === cells.length - 1;
      drawCell(doc, text, cellX, index, middle, isStatus && row.owed ? style.owed : style.cell);
      cellX += table.widths[index]!;
    });
  });

  const heights = [table.headerHeight, ...rows.map(() => table.rowHeight)];
  if (withTotal) {
    const totalTop = top + table.headerHeight + rows.length * table.rowHeight;
    const middle = totalTop + table.totalHeight / 2;
    const [monthWidth, employerWidth, baseWidth, employerPartWidth] = table.widths as [number, number, number, number];
    textLine(doc, '合　计', left, topForMiddle(middle, style.total.size), style.total, {
      width: monthWidth + employerWidth,
      align: 'center',
    });
    const employerPartX = left + monthWidth + employerWidth + baseWidth;
    drawCell(doc, content.totals.employerPart, employerPartX, 3, middle, style.total);
    drawCell(doc, content.totals.personalPart, employerPartX + employerPartWidth, 4, middle, style.total);
    heights.push(table.totalHeight);
    strokeGrid(doc, left, top, table.widths, heights);
    // 合计 spans the first two columns: paint out the rule between them in that row
    doc.rect(left + monthWidth - 1, totalTop + 0.6, 2, table.totalHeight - 1.2).fillOpacity(1).fill('#ffffff');
  } else {
    strokeGrid(doc, left, top, table.widths, heights);
  }
  return top + heights.reduce((sum, height) => sum + height, 0);
}

/** One cell, its text shrunk (never below 7 pt) when a long unit name would cross into the next column. */
function drawCell(doc: PDFKit.PDFDocument, text: string, x: number, column: number, middle: number, cellStyle: TextStyle): void {
  const available = table.widths[column]! - 2 * table.padding;
  const size = fittingSize(doc, text, cellStyle, available, 7);
  textLine(doc, text, x + table.padding, topForMiddle(middle, size), { ...cellStyle, size }, {
    width: available,
    align: table.align[column]!,
  });
}

function drawClosing(doc: PDFKit.PDFDocument, content: CertificateContent, tableBottom: number): void {
  let y = tableBottom + closing.gap;
  textLine(doc, content.closing, page.marginX + 2 * style.statement.size, y, style.statement);
  y += closing.lineHeight;
  content.notes.forEach((note, index) => {
    textLine(doc, `${index + 1}. ${note}`, page.marginX, y, style.note);
    y += closing.noteLineHeight;
  });
}

/** Bottom left: the QR code and the number and code a receiver types in. */
function drawVerificationBlock(doc: PDFKit.PDFDocument, content: CertificateContent): void {
  drawQrCode(doc, content.verificationUrl, qrBox);
  textLine(doc, '扫码核验', qrBox.x, qrBox.y + qrBox.size, style.smallLabel, { width: qrBox.size, align: 'center' });
  const x = qrBox.x + qrBox.size + 8;
  textLine(doc, '证明编号', x, qrBox.y + 14, style.smallLabel);
  textLine(doc, content.number, x, qrBox.y + 27, style.number);
  textLine(doc, '核验码', x, qrBox.y + 52, style.smallLabel);
  textLine(doc, content.verificationCodeGrouped, x, qrBox.y + 65, style.code);
}

/** Bottom right: issuing body and date, the seal over the date as on a stamped paper (骑年盖月). */
function drawIssuerBlock(doc: PDFKit.PDFDocument, content: CertificateContent): void {
  const issuerSize = fittingSize(doc, content.issuer, style.issuer, issuerBlock.width, 8);
  const issuerStyle = { ...style.issuer, size: issuerSize };
  textLine(doc, content.issuer, right - issuerBlock.width, topForMiddle(issuerBlock.issuerMiddle, issuerSize), issuerStyle, {
    width: issuerBlock.width,
    align: 'right',
  });
  textLine(doc, content.issueDate, right - issuerBlock.width, topForMiddle(issuerBlock.dateMiddle, style.issuer.size), style.issuer, {
    width: issuerBlock.width,
    align: 'right',
  });
  const issuerWidth = Math.max(measure(doc, content.issuer, issuerStyle), measure(doc, content.issueDate, style.issuer));
  drawSeal(doc, {
    centerX: right - Math.min(issuerWidth, issuerBlock.width) / 2,
    centerY: issuerBlock.dateMiddle + 14,
    radius: issuerBlock.sealRadius,
    arcText: content.issuer,
    centerText: '证明专用章',
  });
}

function drawFooter(doc: PDFKit.PDFDocument, content: CertificateContent, pageNumber: number, pageCount: number): void {
  doc.moveTo(page.marginX, footer.ruleY).lineTo(right, footer.ruleY).lineWidth(0.4).strokeColor(rule).stroke();
  textLine(doc, content.validityLine, page.marginX, footer.validityY, style.footer, { width: contentWidth, align: 'center' });
  textLine(doc, `第 ${pageNumber} 页，共 ${pageCount} 页`, page.marginX, footer.pageNumberY, style.pageNumber, {
    width: contentWidth,
    align: 'center',
  });
}
