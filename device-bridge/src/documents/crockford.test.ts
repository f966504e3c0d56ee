import { describe, expect, it } from 'vitest';
import { encodeCrockford, groupInFours, normalizeCrockford } from './crockford.ts';

describe('Crockford base32', () => {
  it('encodes five bits per character, most significant first', () => {
    expect(encodeCrockford(Buffer.from([0x00, 0x00, 0x00, 0x00, 0x00]), 8)).toBe('00000000');
    expect(encodeCrockford(Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff]), 8)).toBe('ZZZZZZZZ');
    // 0x08 0x42 = 00001 00001 00001 0 → "111"
    expect(encodeCrockford(Buffer.from([0x08, 0x42]), 3)).toBe('111');
  });

  it('never uses the letters people confuse with digits (I, L, O) or U', () => {
    const all = encodeCrockford(Buffer.from(Array.from({ length: 160 }, (_, i) => (i * 37) & 0xff)), 256);
    expect(all).toMatch(/^[0-9A-HJKMNP-TV-Z]+$/);
  });

  it('refuses to invent characters the bytes do not hold', () => {
    expect(() => encodeCrockford(Buffer.alloc(5), 9)).toThrow();
  });

  it('reads what a person typed: case, spaces, dashes, O for 0 and I/L for 1', () => {
    expect(normalizeCrockford(' 7k3q-9m2x abOd-efIl ')).toBe('7K3Q9M2XAB0DEF11');
    expect(normalizeCrockford('ABCU')).toBeNull();
    expect(normalizeCrockford('--')).toBeNull();
  });

  it('groups a code in fours for printing', () => {
    expect(groupInFours('7K3Q9M2XAB0DEF12')).toBe('7K3Q-9M2X-AB0D-EF12');
  });
});
