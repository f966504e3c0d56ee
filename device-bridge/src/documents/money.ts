/** 192000 fen → "1920.00": yuan with two decimals, computed on integers so nothing rounds. */
export function formatYuan(fen: number): string {
  if (!Number.isInteger(fen) || fen < 0) throw new Error(`amount must be a non-negative integer of fen, got ${fen}`);
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}
