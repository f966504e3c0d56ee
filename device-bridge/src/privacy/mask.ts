/**
 * Masking helpers (GB/T 35273 §7.2 display restriction). Every place personal data could reach a
 * screen, a log line, a receipt or a metric goes through these.
 */

/** 110105199001011234 → 110105********1234 (first 6 and last 4 kept). */
export function maskIdNumber(idNumber: string): string {
  if (idNumber.length <= 10) return '*'.repeat(idNumber.length);
  return idNumber.slice(0, 6) + '*'.repeat(idNumber.length - 10) + idNumber.slice(-4);
}

/**
 * 张三 → 张*, 欧阳娜娜 → 欧***: first character kept, one star per hidden character so the
 * length still reads naturally. Works on code points so no surrogate pair is split.
 */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length === 0) return '';
  if (chars.length === 1) return '*';
  return chars[0] + '*'.repeat(chars.length - 1);
}
