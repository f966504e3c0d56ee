// The verification page a certificate's QR code opens, served by the standalone platform server:
// what a bank clerk sees for a genuine certificate, a typed number + code, a tampered QR and a
// QR signed by a key the platform does not know.
import { generateKeyPairSync } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sign } from 'node:crypto';
import { keyIdOf, signedQrText } from '../../device-bridge/src/documents/qr-signature.ts';
import { createHttpPlatform } from '../../device-bridge/src/platform/http/http-platform.ts';
import {
  enrollKiosk,
  qrFieldsOf,
  sampleIssuedCertificate,
  startPlatformServer,
  type RunningPlatformServer,
} from './platform-server.support.ts';

const issued = sampleIssuedCertificate('SB20261122-7K3Q9M2X');
const fields = qrFieldsOf(issued);

describe('certificate verification page', () => {
  let server: RunningPlatformServer;
  let root: string;
  const kioskKey = generateKeyPairSync('ed25519');
  const strangerKey = generateKeyPairSync('ed25519');
  // only an enrolled kiosk records what the page then calls genuine
  let issuing: ReturnType<typeof createHttpPlatform>;

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'tongban-verify-'));
    const dataDir = path.join(root, 'platform');
    await mkdir(path.join(dataDir, 'trusted-keys'), { recursive: true });
    await writeFile(
      path.join(dataDir, 'trusted-keys', 'TB-DEV-0001.pem'),
      kioskKey.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    );
    const token = enrollKiosk('TB-DEV-0001', path.join(root, 'kiosk'), dataDir);
    server = await startPlatformServer({ dataDir });
    issuing = createHttpPlatform({ baseUrl: server.url, kioskId: 'TB-DEV-0001', token, timeoutMs: 5_000, readRetries: 0 });
    await issuing.recordIssuedCertificate(issued);
  });
  afterAll(async () => {
    await server?.stop();
    if (root) await rm(root, { recursive: true, force: true });
  });

  const page = async (url: string) => (await fetch(url)).text();

  it('shows a scanned genuine certificate as genuine, with the masked holder, issue time and validity', async () => {
    const text = await page(signedQrText(`${server.url}/verify`, fields, kioskKey.privateKey));
    expect(text).toContain('证明真实有效');
    expect(text).toContain('张*');
    expect(text).toContain('330106********2171');
    expect(text).toContain('2099-12-22');
    expect(text).toContain(`有效（Ed25519，密钥 ${keyIdOf(kioskKey.privateKey)}）`);
    expect(text).toContain('0123456789abcdef');
    expect(text).not.toContain('330106199103142171');
  });

  it('accepts a typed number and code (any case, with dashes) without a signature', async () => {
    const text = await page(`${server.url}/verify?no=${issued.number.toLowerCase()}&code=7k3q-9m2x-ab0d-ef12`);
    expect(text).toContain('证明真实有效');
    expect(text).toContain('未提供');
  });

  it('refuses a QR whose content was changed after signing, and one signed by an unknown key', async () => {
    const genuine = signedQrText(`${server.url}/verify`, fields, kioskKey.privateKey);
    const tampered = genuine
      .replace(encodeURIComponent('2099-12-22'), encodeURIComponent('2199-12-22'))
      .replace('2099-12-22', '2199-12-22');
    expect(tampered).not.toBe(genuine);
    expect(await page(tampered)).toContain('未通过核验');
    expect(await page(signedQrText(`${server.url}/verify`, fields, strangerKey.privateKey))).toContain('二维码签名不正确');
  });

  it('refuses a genuine signature over another masked name than the record’s', async () => {
    const otherName = signedQrText(`${server.url}/verify`, { ...fields, maskedName: '李*' }, kioskKey.privateKey);
    expect(await page(otherName)).toContain('与平台登记的证明不一致');
  });

  it('still verifies a QR printed before it named its key (no kid): every known key is tried', async () => {
    const query = new URLSearchParams({
      no: fields.number,
      code: fields.code,
      t: fields.type,
      id: fields.maskedIdNumber,
      iss: fields.issuedOn,
      exp: fields.validUntil,
    });
    const signed = `${server.url}/verify?${query.toString()}`;
    const legacy = `${signed}&sig=${sign(null, Buffer.from(signed, 'utf8'), kioskKey.privateKey).toString('base64url')}`;
    const text = await page(legacy);
    expect(text).toContain('证明真实有效');
    expect(text).toContain('有效（Ed25519）');
  });

  it('says a genuine certificate past its validity is genuine but no longer valid', async () => {
    const old = { ...issued, number: 'SB20240101-OLDCERT1', validUntil: '2024-03-31' };
    await issuing.recordIssuedCertificate(old);
    const text = await page(`${server.url}/verify?no=${old.number}&code=${old.verificationCode}`);
    expect(text).toContain('已超过有效期');
    expect(text).not.toContain('证明真实有效');
  });

  it('says "not verified" for a wrong code, and never reveals which part was wrong', async () => {
    const text = await page(`${server.url}/verify?no=${issued.number}&code=0000000000000000`);
    expect(text).toContain('未通过核验');
    expect(text).not.toContain('张*');
  });
});
