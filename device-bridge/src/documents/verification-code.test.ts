import { describe, expect, it } from 'vitest';
import { verificationCode, type VerifiableContent } from './verification-code.ts';

const key = Buffer.alloc(32, 0x5a);
const content: VerifiableContent = {
  number: 'SB20261122-7K3Q9M2X',
  type: 'social-insurance-contribution',
  maskedIdNumber: '330106********1234',
  holderName: '张伟',
  facts: [
    ['2026年09月', '杭州市西湖区某科技有限公司', '12000.00', '1920.00', '960.00', '已缴'],
    ['2026年10月', '杭州市西湖区某科技有限公司', '12000.00', '1920.00', '960.00', '已缴'],
  ],
  issuedAt: '2026-11-22T02:15:00.000Z',
  validUntil: '2026-12-22',
};

describe('verification code', () => {
  it('is 16 typable characters and the same for the same content and key', () => {
    const code = verificationCode(key, content);
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}$/);
    expect(verificationCode(key, structuredClone(content))).toBe(code);
  });

  it('changes when anything printed changes', () => {
    const code = verificationCode(key, content);
    const first = content.facts[0]!;
    const row = content.facts[1]!;
    const withCell = (index: number, value: string) => [first, row.map((cell, at) => (at === index ? value : cell))];
    const altered: VerifiableContent[] = [
      { ...content, facts: withCell(4, '960.01') },
      { ...content, facts: withCell(5, '欠缴') },
      { ...content, facts: withCell(1, '杭州市西湖区另一家科技有限公司') },
      { ...content, facts: withCell(0, '2026年11月') },
      { ...content, facts: [first] },
      { ...content, holderName: '张玮' },
      { ...content, maskedIdNumber: '330106********1235' },
      { ...content, number: 'SB20261122-7K3Q9M2Y' },
      { ...content, issuedAt: '2026-11-22T02:15:01.000Z' },
      { ...content, validUntil: '2026-12-23' },
    ];
    for (const variant of altered) expect(verificationCode(key, variant)).not.toBe(code);
  });

  it('cannot be made without the key', () => {
    expect(verificationCode(Buffer.alloc(32, 0x5b), content)).not.toBe(verificationCode(key, content));
  });
});
