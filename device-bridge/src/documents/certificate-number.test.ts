import { describe, expect, it } from 'vitest';
import { newCertificateNumber } from './certificate-number.ts';

describe('newCertificateNumber', () => {
  it('is SB + the issue date in Beijing time + 8 characters from the injected random bytes', () => {
    const requested: number[] = [];
    const bytes = (n: number) => {
      requested.push(n);
      return Buffer.from([0x39, 0xce, 0x73, 0x9c, 0xe7]).subarray(0, n);
    };
    // 18:30 UTC on the 21st is already 02:30 on the 22nd in Hangzhou
    expect(newCertificateNumber(new Date('2026-11-21T18:30:00Z'), bytes)).toBe('SB20261122-77777777');
    expect(requested).toEqual([5]);
  });

  it('differs when the random bytes differ', () => {
    const now = new Date('2026-11-22T02:00:00Z');
    const a = newCertificateNumber(now, () => Buffer.from([1, 2, 3, 4, 5]));
    const b = newCertificateNumber(now, () => Buffer.from([1, 2, 3, 4, 6]));
    expect(a).toMatch(/^SB20261122-[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(a).not.toBe(b);
  });
});
