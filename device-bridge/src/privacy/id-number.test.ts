import { describe, expect, it } from 'vitest';
import { idNumberCheckCharacter, idNumberProblem, isValidIdNumber } from './id-number.ts';

describe('GB 11643 ID number', () => {
  it('computes the check character of known numbers', () => {
    // The standard's own worked example: 11010519491231002X
    expect(idNumberCheckCharacter('11010519491231002')).toBe('X');
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
  });

  it('detects any single changed digit', () => {
    const valid = '11010519491231002X';
    for (let position = 0; position < 17; position++) {
      const digit = Number(valid[position]);
      const changed = valid.slice(0, position) + String((digit + 1) % 10) + valid.slice(position + 1);
      expect(idNumberProblem(changed), `digit ${position}`).not.toBeNull();
    }
  });

  it('says why a number is not valid', () => {
    expect(idNumberProblem('1101051949123100')).toBe('format');
    expect(idNumberProblem('11010519491231002x')).toBe('format');
    expect(idNumberProblem('110105194902300020')).toBe('birth-date');
    expect(idNumberProblem('110105194912310021')).toBe('check-digit');
  });

  it('refuses anything but 17 digits when asked for a check character', () => {
    expect(() => idNumberCheckCharacter('1234')).toThrow();
  });
});
