import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { claimedKeyId, keyIdOf, signedQrText, verifySignedQr } from './qr-signature.ts';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const fields = {
  number: 'SS20261122-7K3Q9M2X',
  code: 'ABCD1234EFGH5678',
  type: 'individual-income-tax',
  maskedIdNumber: '330106********2171',
  maskedName: '张*',
  contentDigest: '0123456789abcdef',
  issuedOn: '2026-11-22',
  validUntil: '2027-02-20',
};

describe('signed certificate QR', () => {
  it('verifies offline with the public key and gives back the facts to compare with the paper', () => {
    const text = signedQrText('https://verify.example/c', fields, privateKey);
    expect(text.startsWith('https://verify.example/c?no=SS20261122-7K3Q9M2X&code=ABCD1234EFGH5678')).toBe(true);
    expect(verifySignedQr(text, publicKey.export({ type: 'spki', format: 'pem' }).toString())).toEqual({ valid: true, fields });
  });

  it('names the signing key by an id both halves of the key give, different for another key', () => {
    const text = signedQrText('https://verify.example/c', fields, privateKey);
    expect(keyIdOf(privateKey)).toBe(keyIdOf(publicKey));
    expect(keyIdOf(privateKey)).toMatch(/^[A-Za-z0-9_-]{11}$/);
    expect(claimedKeyId(text)).toBe(keyIdOf(publicKey));
    expect(keyIdOf(generateKeyPairSync('ed25519').publicKey)).not.toBe(keyIdOf(publicKey));
  });

  it('rejects a QR whose facts, masked name, content digest or key id were altered, one signed by another key, and an unsigned one', () => {
    const text = signedQrText('https://verify.example/c', fields, privateKey);
    expect(verifySignedQr(text.replace('2027-02-20', '2028-02-20'), publicKey)).toEqual({ valid: false, reason: 'bad-signature' });
    expect(verifySignedQr(text.replace(encodeURIComponent('张*').replace('*', ''), encodeURIComponent('李')), publicKey).valid).toBe(false);
    expect(verifySignedQr(text.replace('0123456789abcdef', '0123456789abcdee'), publicKey).valid).toBe(false);
    expect(verifySignedQr(text.replace(`kid=${keyIdOf(publicKey)}`, 'kid=AAAAAAAAAAA'), publicKey).valid).toBe(false);
    const other = generateKeyPairSync('ed25519');
    expect(verifySignedQr(signedQrText('https://verify.example/c', fields, other.privateKey), publicKey).valid).toBe(false);
    expect(verifySignedQr('https://verify.example/c?no=1&code=2', publicKey)).toEqual({ valid: false, reason: 'unsigned' });
  });
});
