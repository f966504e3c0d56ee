import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskName } from './mask.ts';

describe('maskIdNumber', () => {
  it('keeps the first 6 (region) and last 4, hiding the birth date', () => {
    expect(maskIdNumber('110105199001011234')).toBe('110105********1234');
    expect(maskIdNumber('33010619680305123X')).toBe('330106********123X');
  });

  it('hides everything of a value too short to mask partially', () => {
    expect(maskIdNumber('1234567890')).toBe('**********');
    expect(maskIdNumber('')).toBe('');
  });

  it('never returns the birth date digits for any 18-character number', () => {
    for (let i = 0; i < 200; i++) {
      const id = String(Math.floor(Math.random() * 1e17)).padStart(17, '0') + 'X';
      const masked = maskIdNumber(id);
      expect(masked).toHaveLength(18);
      expect(masked.slice(6, 14)).toBe('********');
    }
  });
});

describe('maskName', () => {
  it('keeps the first character and stars the rest', () => {
    expect(maskName('张伟')).toBe('张*');
    expect(maskName('欧阳明远')).toBe('欧***');
    expect(maskName('王')).toBe('*');
    expect(maskName('  李娜 ')).toBe('李*');
  });

  it('does not split a character outside the basic plane', () => {
    expect(maskName('𠀋一')).toBe('𠀋*');
  });
});
