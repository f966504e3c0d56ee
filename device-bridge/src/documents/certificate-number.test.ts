import { describe, expect, it } from 'vitest';
import { certificateTypes } from '../api/index.ts';
import { certificateNumberPrefixes, newCertificateNumber } from './certificate-number.ts';

describe('newCertificateNumber', () => {
  it('is the type prefix + the issue date in Beijing time + 8 characters from the injected random bytes', () => {
    const requested: number[] = [];
    const bytes = (n: number) => {
      requested.push(n);
      return Buffer.from([0x39, 0xce, 0x73, 0x9c, 0xe7]).subarray(0, n);
    };
    // 18:30 UTC on the 21st is already 02:30 on the 22nd in Hangzhou
    expect(newCertificateNumber(new Date('2026-11-21T18:30:00Z'), bytes, 'social-insurance-contribution')).toBe('SB20261122-77777777');
    expect(requested).toEqual([5]);
  });

  it('gives every certificate type its own prefix', () => {
    const now = new Date('2026-11-22T02:00:00Z');
    const bytes = () => Buffer.alloc(5);
    const prefixes = certificateTypes.map((type) => newCertificateNumber(now, bytes, type).slice(0, 2));
    expect(new Set(prefixes).size).toBe(certificateTypes.length);
    expect(newCertificateNumber(now, bytes, 'individual-income-tax')).toMatch(/^GS20261122-/);
    expect(Object.keys(certificateNumberPrefixes).sort()).toEqual([...certificateTypes].sort());
  });

  it('differs when the random bytes differ', () => {
    const now = new Date('2026-11-22T02:00:00Z');
    const a = newCertificateNumber(now, () => Buffer.from([1, 2, 3, 4, 5]), 'household-registration');
    const b = newCertificateNumber(now, () => Buffer.from([1, 2, 3, 4, 6]), 'household-registration');
    expect(a).toMatch(/^HJ20261122-[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(a).not.toBe(b);
  });
});
