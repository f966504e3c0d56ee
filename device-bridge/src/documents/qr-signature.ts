import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

/**
 * The certificate's QR code is the verification URL plus an Ed25519 signature of everything before
 * it, so a receiver can check it OFFLINE with the issuer's public key (a bank's app, no network), as
 * well as online at the address. The signed part carries number, code, type, masked ID number,
 * masked name, issue date and last valid day (the facts a receiver compares with the paper), a short
 * SHA-256 of the certificate's content (content-digest.ts: the table and facts cannot be swapped
 * under a genuine QR), and `kid`, which of the issuer's keys signed it (keys are replaced over time).
 */
export interface SignedQrFields {
  number: string;
  code: string;
  type: string;
  maskedIdNumber: string;
  /** e.g. 张*; absent in QR codes printed before it was signed */
  maskedName?: string;
  /** contentDigest(): 16 hex characters; absent in QR codes printed before it was signed */
  contentDigest?: string;
  issuedOn: string;
  validUntil: string;
}

const signatureParameter = '&sig=';

/**
 * A key's id: the first 8 bytes of the SHA-256 of its public half (SPKI DER), base64url. Derived,
 * never configured, so the kiosk's and the verifier's ids of one key always agree.
 */
export function keyIdOf(key: KeyObject): string {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest()
    .subarray(0, 8)
    .toString('base64url');
}

/**
 * The kid a QR text names (null in QR codes printed before kids): to pick the key to check it with.
 * It is inside the signed part, so once the signature verifies it is as trustworthy as the rest.
 */
export function claimedKeyId(text: string): string | null {
  const query = text.indexOf('?');
  return query < 0 ? null : new URLSearchParams(text.slice(query + 1)).get('kid');
}

export function signedQrText(baseUrl: string, fields: SignedQrFields, privateKey: KeyObject): string {
  const separator = baseUrl.includes('?') ? '&' : '?';
  const query = new URLSearchParams({
    no: fields.number,
    code: fields.code,
    t: fields.type,
    id: fields.maskedIdNumber,
    ...(fields.maskedName === undefined ? {} : { nm: fields.maskedName }),
    ...(fields.contentDigest === undefined ? {} : { h: fields.contentDigest }),
    iss: fields.issuedOn,
    exp: fields.validUntil,
    kid: keyIdOf(privateKey),
  });
  const signed = `${baseUrl}${separator}${query.toString()}`;
  const signature = sign(null, Buffer.from(signed, 'utf8'), privateKey).toString('base64url');
  return `${signed}${signatureParameter}${signature}`;
}

export type QrCheck = { valid: true; fields: SignedQrFields } | { valid: false; reason: 'unsigned' | 'bad-signature' | 'malformed' };

/** Checks a scanned QR text against the issuer's public key (PEM or KeyObject). */
export function verifySignedQr(text: string, publicKey: KeyObject | string): QrCheck {
  const at = text.lastIndexOf(signatureParameter);
  if (at < 0) return { valid: false, reason: 'unsigned' };
  const signed = text.slice(0, at);
  const signature = Buffer.from(text.slice(at + signatureParameter.length), 'base64url');
  const key = typeof publicKey === 'string' ? createPublicKey(publicKey) : publicKey;
  let ok: boolean;
  try {
    ok = signature.length === 64 && verify(null, Buffer.from(signed, 'utf8'), key, signature);
  } catch {
    return { valid: false, reason: 'malformed' };
  }
  if (!ok) return { valid: false, reason: 'bad-signature' };
  const query = new URLSearchParams(signed.slice(signed.indexOf('?') + 1));
  const field = (name: string) => query.get(name) ?? '';
  const maskedName = query.get('nm');
  const contentDigest = query.get('h');
  return {
    valid: true,
    fields: {
      number: field('no'),
      code: field('code'),
      type: field('t'),
      maskedIdNumber: field('id'),
      ...(maskedName === null ? {} : { maskedName }),
      ...(contentDigest === null ? {} : { contentDigest }),
      issuedOn: field('iss'),
      validUntil: field('exp'),
    },
  };
}

/** PKCS#8 DER prefix of an Ed25519 private key (RFC 8410): the 32-byte seed follows it. */
const ed25519Pkcs8Prefix = Buffer.from('302e020100300506032b657004220420', 'hex');

/** The signing key from a 32-byte seed (kept like the other secrets, see secrets/secrets.ts). */
export function ed25519KeyFromSeed(seed: Buffer): KeyObject {
  if (seed.length !== 32) throw new Error('an Ed25519 seed is 32 bytes');
  return createPrivateKey({ key: Buffer.concat([ed25519Pkcs8Prefix, seed]), format: 'der', type: 'pkcs8' });
}

/** The public half as PEM, to hand to receivers who verify offline. */
export function publicKeyPem(privateKey: KeyObject): string {
  return createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
}
