/** What a receipt is made of, independent of the printer language. */
export type ReceiptAlign = 'left' | 'center' | 'right';

export type ReceiptLine =
  | { kind: 'text'; text: string; align?: ReceiptAlign; bold?: boolean; /** 2 = double width and height */ size?: 1 | 2 }
  | { kind: 'qr'; data: string; /** module size in dots, 1–16 (default 6 ≈ 0.75 mm at 203 dpi) */ moduleSize?: number }
  | { kind: 'rule' }
  | { kind: 'feed'; lines: number };

export interface ReceiptDocument {
  lines: ReceiptLine[];
}

/** 80 mm paper, font A (12×24 dots): 48 half-width columns; a Chinese character takes two. */
export const receiptColumns = 48;
