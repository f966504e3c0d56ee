import { describe, expect, it } from 'vitest';
import { formatFen } from './money.ts';

describe('amounts on the preview', () => {
  it('shows fen as yuan with two decimals, exactly', () => {
    expect(formatFen(64000)).toBe('640.00');
    expect(formatFen(1280005)).toBe('12,800.05');
    expect(formatFen(7)).toBe('0.07');
  });
});
