/**
 * Crockford base32 (https://www.crockford.com/base32.html): digits and capitals without I, L, O, U,
 * so a code read off paper and typed by hand survives 0/O and 1/I/L confusion.
 */
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** The first `length` base32 characters of `bytes` (5 bits each, most significant bit first). */
export function encodeCrockford(bytes: Uint8Array, length: number): string {
  if (length * 5 > bytes.length * 8) throw new Error(`${bytes.length} bytes cannot give ${length} characters`);
  let output = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5 && output.length < length) {
      output += alphabet[(buffer >> (bits - 5)) & 31];
      bits -= 5;
    }
    if (output.length === length) break;
  }
  return output;
}

/**
 * What a person typed → the canonical code, or null when it cannot be one: case, spaces and
 * dashes are ignored, O reads as 0 and I/L as 1 (Crockford's decoding rules).
 */
export function normalizeCrockford(typed: string): string | null {
  const compact = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (compact.length === 0) return null;
  for (const character of compact) if (!alphabet.includes(character)) return null;
  return compact;
}

/** 7K3Q9M2XABCDEF12 → 7K3Q-9M2X-ABCD-EF12: groups of four are easier to read aloud and type. */
export function groupInFours(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? '';
}
