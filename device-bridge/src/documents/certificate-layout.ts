import type { CertificateContent, PrintedTable } from './certificate-content.ts';
import { drawQrCode, type QrBox } from './draw-qr.ts';
import { drawSeal } from './draw-seal.ts';
import { fittingSize, measure, textLine, topForMiddle, type Align, type TextStyle } from './text-style.ts';
import { wrapText } from './wrap-text.ts';

/**
 * Where everything sits on an A4 page (points, origin top left). One place for the geometry: the
 * layout is planned first (row heights, page breaks), then drawn, so the page count the preview
 * promises and the pages the PDF has can never disagree.
 */
export const page = { width: 595.28, height: 841.89, marginX: 62 } as const;
const contentWidth = page.width - 2 * page.marginX;
const right = page.width - page.marginX;

const ink = '#1a1a1a';
const muted = '#555555';
const alertRed = '#b00020';
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
  alert: { size: 9.5, color: alertRed, bold: true },
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
const facts = { y: 120, rowHeight: 21, lineHeight: 12.5, widths: [78, 150, 92, contentWidth - 78 - 150 - 92] };
const statement = { gap: 12, lineHeight: 17 };
const table = {
  unitGap: 16,
  continuationTop: 100,
  headerHeight: 24,
  rowHeight: 20,
  lineHeight: 9.5,
  totalHeight: 22,
  padding: 6,
  minimumSize: 7.5,
  wrappedSize: 7,
};
/** the closing line and the notes under the table on the last page */
const closing = { gap: 12, lineHeight: 20, noteLineHeight: 13.5 };
const bottomBlockTop = 640;
const footer = { ruleY: 774, validityY: 782, pageNumberY: 800 };

/** The QR code's square on the last page (including its quiet zone); tests sample the drawn modules here. */
export const qrBox: QrBox = { x: page.marginX - 6, y: bottomBlockTop, size: 104 };
const issuerBlock = { width: 210, issuerMiddle: bottomBlockTop + 40, dateMiddle: bottomBlockTop + 62, sealRadius: 54 };

interface FactCell {
  label: string;
  lines: string[];
  size: number;
  /** a value too long for its cell takes the whole row */
  wide: boolean;
}
interface FactRow {
  cells: FactCell[];
  height: number;
}
interface TableRowPlan {
  cells: Array<{ lines: string[]; size: number }>;
  alert: boolean;
  height: number;
}
interface Plan {
  factRows: FactRow[];
  statementLines: string[];
  tableTop: number;
  columnWidths: number[];
  rows: TableRowPlan[];
  /** rows per page */
  pages: number[];
  notes: string[][];
}

/** Fits a value into `width`: shrink to `minimum`, then wrap at `wrappedSize`. */
function fit(doc: PDFKit.PDFDocument, text: string, cellStyle: TextStyle, width: number, minimum: number, wrappedSize: number) {
  const size = fittingSize(doc, text, cellStyle, width, minimum);
  if (measure(doc, text, { ...cellStyle, size }) <= width) return { lines: [text], size };
  return { lines: wrapText(doc, text, { ...cellStyle, size: wrappedSize }, width), size: wrappedSize };
}

function planFacts(doc: PDFKit.PDFDocument, pairs: Array<[string, string]>): FactRow[] {
  const narrow = facts.widths[1]! - 16;
  const wide = facts.widths[1]! + facts.widths[2]! + facts.widths[3]! - 16;
  const rows: FactRow[] = [];
  let pending: FactCell | null = null;
  const rowOf = (cells: FactCell[]): FactRow => ({
    cells,
    height: Math.max(facts.rowHeight, ...cells.map((cell) => cell.lines.length * facts.lineHeight + 8)),
  });
  for (const [label, value] of pairs) {
    const fitsNarrow = fittingSize(doc, value, style.value, narrow, 8.5);
    if (measure(doc, value, { ...style.value, size: fitsNarrow }) <= narrow) {
      const cell = { label, lines: [value], size: fitsNarrow, wide: false };
      if (pending) {
        rows.push(rowOf([pending, cell]));
        pending = null;
      } else {
        pending = cell;
      }
      continue;
    }
    if (pending) {
      rows.push(rowOf([pending]));
      pending = null;
    }
    const { lines, size } = fit(doc, value, style.value, wide, 8.5, 8.5);
    rows.push(rowOf([{ label, lines, size, wide: true }]));
  }
  if (pending) rows.push(rowOf([pending]));
  return rows;
}

function columnWidthsOf(tableContent: PrintedTable): number[] {
  const total = tableContent.columns.reduce((sum, column) => sum + column.weight, 0);
  return tableContent.columns.map((column) => (column.weight / total) * contentWidth);
}

function planRows(doc: PDFKit.PDFDocument, tableContent: PrintedTable, widths: number[]): TableRowPlan[] {
  if (tableContent.rows.length === 0) {
    return [{ cells: [{ lines: [tableContent.emptyText], size: style.cell.size }], alert: false, height: table.rowHeight }];
  }
  return tableContent.rows.map((row) => {
    const cells = row.cells.map((text, index) => {
      const isAlert = index === row.cells.length - 1 && row.alert === true;
      return fit(doc, text, isAlert ? style.alert : style.cell, widths[index]! - 2 * table.padding, table.minimumSize, table.wrappedSize);
    });
    const lines = Math.max(...cells.map((cell) => cell.lines.length));
    return { cells, alert: row.alert === true, height: Math.max(table.rowHeight, lines * table.lineHeight + 6) };
  });
}

function noteLines(doc: PDFKit.PDFDocument, notes: string[]): string[][] {
  return notes.map((note, index) => wrapText(doc, `${index + 1}. ${note}`, style.note, contentWidth));
}

/**
 * Rows per page. The last page carries the total, the closing, the verification block and the
 * seal, and always at least one row, so the seal never stands on a page of its own.
 */
function paginate(heights: number[], firstTop: number, withTotal: boolean, closingHeight: number): number[] {
  const lastLimit = bottomBlockTop - closingHeight - 6;
  const notLastLimit = footer.ruleY - 10;
  const pages: number[] = [];
  let start = 0;
  for (let index = 0; ; index++) {
    const top = (index === 0 ? firstTop : table.continuationTop) + table.headerHeight;
    const remaining = heights.slice(start);
    const remainingHeight = remaining.reduce((sum, height) => sum + height, 0) + (withTotal ? table.totalHeight : 0);
    if (top + remainingHeight <= lastLimit || remaining.length <= 1) {
      pages.push(remaining.length);
      return pages;
    }
    let used = top;
    let count = 0;
    while (count < remaining.length - 1 && used + remaining[count]! <= notLastLimit) used += remaining[count++]!;
    count = Math.max(count, 1);
    pages.push(count);
    start += count;
  }
}

function plan(doc: PDFKit.PDFDocument, content: CertificateContent): Plan {
  const factRows = planFacts(doc, content.facts);
  const statementLines = wrapText(doc, content.statement, style.statement, contentWidth - 2 * style.statement.size);
  const factsBottom = facts.y + factRows.reduce((sum, row) => sum + row.height, 0);
  const statementBottom = factsBottom + statement.gap + statementLines.length * statement.lineHeight;
  const notes = noteLines(doc, content.notes);
  const closingHeight = closing.gap + closing.lineHeight + notes.reduce((sum, lines) => sum + lines.length * closing.noteLineHeight, 0);
  if (!content.table) {
    return { factRows, statementLines, tableTop: statementBottom, columnWidths: [], rows: [], pages: [0], notes };
  }
  const columnWidths = columnWidthsOf(content.table);
  const rows = planRows(doc, content.table, columnWidths);
  const tableTop = statementBottom + table.unitGap;
  const withTotal = content.table.total !== null && content.table.rows.length > 0;
  const pages = paginate(
    rows.map((row) => row.height),
    tableTop,
    withTotal,
    closingHeight,
  );
  return { factRows, statementLines, tableTop, columnWidths, rows, pages, notes };
}

/** Pages the content needs, without drawing (the preview's promise). */
export function certificatePageCount(doc: PDFKit.PDFDocument, content: CertificateContent): number {
  return plan(doc, content).pages.length;
}

/** Draws every page; returns the page count. */
export function drawCertificate(doc: PDFKit.PDFDocument, content: CertificateContent): number {
  const layout = plan(doc, content);
  let rowOffset = 0;
  layout.pages.forEach((rowCount, index) => {
    const isLast = index === layout.pages.length - 1;
    doc.addPage({ size: 'A4', margin: 0 });
    drawDiagonalWatermark(doc, content.watermark);
    drawHeader(doc, content);
    let top: number;
    if (index === 0) {
      textLine(doc, content.title, page.marginX, titleY, style.title, { width: contentWidth, align: 'center' });
      const factsBottom = drawFacts(doc, layout.factRows);
      layout.statementLines.forEach((line, lineIndex) => {
        const x = page.marginX + (lineIndex === 0 ? 2 * style.statement.size : 0);
        textLine(doc, line, x, factsBottom + statement.gap + lineIndex * statement.lineHeight, style.statement);
      });
      top = layout.tableTop;
    } else {
      textLine(doc, `${content.title}（续）`, page.marginX, continuationTitleY, style.continuationTitle, {
        width: contentWidth,
        align: 'center',
      });
      top = table.continuationTop;
    }
    let bottom = top;
    if (content.table) {
      if (content.table.unit) {
        textLine(doc, content.table.unit, page.marginX, top - 13, style.unit, { width: contentWidth, align: 'right' });
      }
      const rows = layout.rows.slice(rowOffset, rowOffset + rowCount);
      const withTotal = isLast && content.table.total !== null && content.table.rows.length > 0;
      bottom = drawTable(doc, content.table, layout.columnWidths, rows, top, withTotal, content.table.rows.length === 0);
      rowOffset += rowCount;
    }
    if (isLast) {
      drawClosing(doc, content, layout.notes, bottom);
      drawVerificationBlock(doc, content);
      drawIssuerBlock(doc, content);
    }
    drawFooter(doc, content, index + 1, layout.pages.length);
  });
  return layout.pages.length;
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

/** The label/value grid under the title; returns its bottom edge. */
function drawFacts(doc: PDFKit.PDFDocument, rows: FactRow[]): number {
  let y = facts.y;
  for (const row of rows) {
    let x = page.marginX;
    const widths: number[] = [];
    row.cells.forEach((cell, cellIndex) => {
      const labelWidth = facts.widths[cellIndex * 2]!;
      const valueWidth = cell.wide ? contentWidth - labelWidth : facts.widths[cellIndex * 2 + 1]!;
      doc.rect(x, y, labelWidth, row.height).fillOpacity(1).fill('#f2f2f2');
      const labelSize = fittingSize(doc, cell.label, style.label, labelWidth - 8, 7);
      textLine(
        doc,
        cell.label,
        x + 4,
        topForMiddle(y + row.height / 2, labelSize),
        { ...style.label, size: labelSize },
        {
          width: labelWidth - 8,
          align: 'center',
        },
      );
      const valueStyle = { ...style.value, size: cell.size };
      const firstMiddle = y + row.height / 2 - ((cell.lines.length - 1) * facts.lineHeight) / 2;
      cell.lines.forEach((line, lineIndex) => {
        textLine(doc, line, x + labelWidth + 8, topForMiddle(firstMiddle + lineIndex * facts.lineHeight, cell.size), valueStyle);
      });
      widths.push(labelWidth, valueWidth);
      x += labelWidth + valueWidth;
    });
    // a lone narrow pair: the rest of the row stays an empty cell so the grid keeps its frame
    const used = widths.reduce((sum, width) => sum + width, 0);
    if (used < contentWidth - 0.5) widths.push(contentWidth - used);
    strokeGrid(doc, page.marginX, y, widths, [row.height]);
    y += row.height;
  }
  return y;
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

/** Header (repeated on every page), rows and (on the last page) the total; returns the table's bottom edge. */
function drawTable(
  doc: PDFKit.PDFDocument,
  content: PrintedTable,
  widths: number[],
  rows: TableRowPlan[],
  top: number,
  withTotal: boolean,
  empty: boolean,
): number {
  const left = page.marginX;
  doc.rect(left, top, contentWidth, table.headerHeight).fillOpacity(1).fill('#e9e9e9');
  let x = left;
  content.columns.forEach((column, index) => {
    const width = widths[index]!;
    const size = fittingSize(doc, column.title, style.tableHead, width - 4, 7);
    textLine(
      doc,
      column.title,
      x,
      topForMiddle(top + table.headerHeight / 2, size),
      { ...style.tableHead, size },
      {
        width,
        align: 'center',
      },
    );
    x += width;
  });

  let y = top + table.headerHeight;
  for (const row of rows) {
    if (empty) {
      drawCellLines(
        doc,
        row.cells[0]!.lines,
        left + table.padding,
        contentWidth - 2 * table.padding,
        'center',
        y,
        row.height,
        style.note,
        row.cells[0]!.size,
      );
    } else {
      let cellX = left;
      row.cells.forEach((cell, index) => {
        const isAlert = row.alert && index === row.cells.length - 1;
        const cellStyle = isAlert ? style.alert : style.cell;
        const align = content.columns[index]!.align;
        drawCellLines(
          doc,
          cell.lines,
          cellX + table.padding,
          widths[index]! - 2 * table.padding,
          align,
          y,
          row.height,
          cellStyle,
          cell.size,
        );
        cellX += widths[index]!;
      });
    }
    y += row.height;
  }

  const heights = [table.headerHeight, ...rows.map((row) => row.height)];
  const columnRules = empty ? [contentWidth] : widths;
  if (withTotal && content.total) {
    const middle = y + table.totalHeight / 2;
    // 合计 spans the first two columns unless the second holds an amount (the fund's 单位缴存)
    const spanWidth = content.total[1] ? widths[0]! : widths[0]! + widths[1]!;
    textLine(doc, content.total[0]!, left, topForMiddle(middle, style.total.size), style.total, { width: spanWidth, align: 'center' });
    let cellX = left + spanWidth;
    content.total.slice(2).forEach((text, offset) => {
      const index = offset + 2;
      if (text) {
        drawCellLines(
          doc,
          [text],
          cellX + table.padding,
          widths[index]! - 2 * table.padding,
          content.columns[index]!.align,
          y,
          table.totalHeight,
          style.total,
          style.total.size,
        );
      }
      cellX += widths[index]!;
    });
    // the second total cell may carry an amount when the table's second column is one (fund)
    if (content.total[1]) {
      drawCellLines(
        doc,
        [content.total[1]],
        left + widths[0]! + table.padding,
        widths[1]! - 2 * table.padding,
        content.columns[1]!.align,
        y,
        table.totalHeight,
        style.total,
        style.total.size,
      );
    }
    heights.push(table.totalHeight);
    strokeGrid(doc, left, top, columnRules, heights);
    if (!content.total[1]) {
      // 合计 spans the first two columns: paint out the rule between them in that row
      doc
        .rect(left + widths[0]! - 1, y + 0.6, 2, table.totalHeight - 1.2)
        .fillOpacity(1)
        .fill('#ffffff');
    }
  } else if (empty) {
    strokeGrid(doc, left, top, [contentWidth], heights);
    // the header keeps its column rules
    let ruleX = left;
    for (const width of widths.slice(0, -1)) {
      ruleX += width;
      doc.moveTo(ruleX, top).lineTo(ruleX, top + table.headerHeight);
    }
    doc.lineWidth(0.5).strokeColor(rule).stroke();
  } else {
    strokeGrid(doc, left, top, widths, heights);
  }
  return top + heights.reduce((sum, height) => sum + height, 0);
}

function drawCellLines(
  doc: PDFKit.PDFDocument,
  lines: string[],
  x: number,
  width: number,
  align: Align,
  top: number,
  height: number,
  cellStyle: TextStyle,
  size: number,
): void {
  const lineHeight = size === table.wrappedSize && lines.length > 1 ? table.lineHeight : 0;
  const firstMiddle = top + height / 2 - ((lines.length - 1) * lineHeight) / 2;
  lines.forEach((line, index) => {
    textLine(doc, line, x, topForMiddle(firstMiddle + index * lineHeight, size), { ...cellStyle, size }, { width, align });
  });
}

function drawClosing(doc: PDFKit.PDFDocument, content: CertificateContent, notes: string[][], tableBottom: number): void {
  let y = tableBottom + closing.gap;
  textLine(doc, content.closing, page.marginX + 2 * style.statement.size, y, style.statement);
  y += closing.lineHeight;
  for (const lines of notes) {
    lines.forEach((line, index) => {
      textLine(doc, line, page.marginX + (index === 0 ? 0 : 10), y, style.note);
      y += closing.noteLineHeight;
    });
  }
}

/** Bottom left: the QR code and the number and code a receiver types in. */
function drawVerificationBlock(doc: PDFKit.PDFDocument, content: CertificateContent): void {
  drawQrCode(doc, content.qrText, qrBox);
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
  const validitySize = fittingSize(doc, content.validityLine, style.footer, contentWidth, 6);
  textLine(
    doc,
    content.validityLine,
    page.marginX,
    footer.validityY,
    { ...style.footer, size: validitySize },
    {
      width: contentWidth,
      align: 'center',
    },
  );
  textLine(doc, `第 ${pageNumber} 页 共 ${pageCount} 页`, page.marginX, footer.pageNumberY, style.pageNumber, {
    width: contentWidth,
    align: 'center',
  });
}
