import type { Align } from '../text-style.ts';

/** One column of a certificate table: its title, share of the table width and alignment. */
export interface PrintedColumn {
  title: string;
  /** relative width: the layout shares the content width in proportion */
  weight: number;
  align: Align;
}

export interface PrintedRow {
  cells: string[];
  /** drawn in red bold in the last column (欠缴): the reader must not miss it */
  alert?: boolean;
}

export interface PrintedTable {
  columns: PrintedColumn[];
  rows: PrintedRow[];
  /** the 合计 row's cells (first cell spans the first two columns), or null */
  total: string[] | null;
  /** e.g. 金额单位：元, printed above the table's right edge */
  unit: string | null;
  /** printed in place of the table when it has no rows, e.g. 未查询到登记记录 */
  emptyText: string;
}

/**
 * What one certificate type contributes to the page: the facts in the grid under the title, the
 * statement, the table and the type's own notes. Everything else (number, code, QR, seal,
 * validity, watermark, page numbers) is the same for every type and is added by the content builder.
 */
export interface CertificateBody {
  /** label/value pairs, laid out two pairs to a grid row; 姓名 and 公民身份号码 come first by default */
  facts: Array<[label: string, value: string]>;
  statement: string;
  table: PrintedTable | null;
  notes: string[];
}

export const yuanUnit = '金额单位：元';
