import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signedQrText, verifySignedQr } from './qr-signature.ts';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const fields = {
  number: 'SB20261122-7K3Q9M2X',
  code: 'ABCD1234EFGH5678',
  type: 'individual-income-tax',
  maskedIdNumber: '330106********2171',
  issuedOn: '2026-11-22',
  validUntil: '2027-02-20',
};

describe('signed certificate QR', () => {
  it('verifies offline with the public key and gives back the facts to compare with the paper', () => {
    const text = signedQrText('https://verify.example/c', fields, privateKey);
    expect(text.startsWith('https://verify.example/c?no=SB20261122-7K3Q9M2X&code=ABCD1234EFGH5678')).toBe(true);
    expect(verifySignedQr(text, publicKey.export({ type: 'spki', format: 'pem' }).toString())).toEqual({ valid: true, fields });
  });

  it('rejects a QR whose facts were altered, one signed by another key, and an unsigned one', () => {
    const text = signedQrText('https://verify.example/c', fields, privateKey);
    expect(verifySignedQr(text.replace('2027-02-20', '2028-02-20'), publicKey)).toEqual({ valid: false, reason: 'bad-signature' });
    const other = generateKeyPairSync('ed25519');
    expect(verifySignedQr(signedQrText('https://verify.example/c', fields, other.privateKey), publicKey).valid).toBe(false);
    expect(verifySignedQr('https://verify.example/c?no=1&code=2', publicKey)).toEqual({ valid: false, reason: 'unsigned' });
  });
});
