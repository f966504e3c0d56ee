/** 12345 fen → "123.45": amounts stay integers until they are shown, so nothing rounds. */
export function formatFen(fen: number): string {
  const yuan = Math.trunc(fen / 100);
  const cents = String(fen % 100).padStart(2, '0');
  return `${yuan.toLocaleString('zh-CN')}.${cents}`;
}
