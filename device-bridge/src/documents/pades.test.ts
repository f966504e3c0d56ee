import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createEmbeddedPlatform } from '../platform/embedded/embedded-platform.ts';
import { fixtureCitizen } from '../platform/embedded/fixtures.ts';
import { systemClock } from '../time/clock.ts';
import { createCertificateRenderer } from './certificate-renderer.ts';
import { createPadesSigner } from './pades.ts';

const dir = mkdtempSync(join(tmpdir(), 'tongban-pades-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A throw-away issuer key and self-signed certificate, made with openssl as a CA would. */
function testP12(): Buffer {
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  const p12 = join(dir, 'issuer.p12');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '30',
      '-subj',
      '/CN=Tongban Test Issuer/O=Tongban',
    ],
    { stdio: 'ignore' },
  );
  execFileSync('openssl', ['pkcs12', '-export', '-inkey', key, '-in', cert, '-out', p12, '-passout', 'pass:test-only'], {
    stdio: 'ignore',
  });
  return readFileSync(p12);
}

describe('PAdES signature', () => {
  it('signs the whole certificate so pdfsig reports a valid signature over the total document', async () => {
    const platform = createEmbeddedPlatform({ file: ':memory:', clock: systemClock });
    const data = await platform.getCertificateData('individual-income-tax', fixtureCitizen('zhang-wei').card);
    platform.close();
    const renderer = createCertificateRenderer({
      issuer: '测试',
      validityDays: 30,
      verificationBaseUrl: 'https://verify.example/c',
      key: Buffer.alloc(32, 1),
      signPdf: createPadesSigner({ p12: testP12(), passphrase: 'test-only', name: 'Tongban Test Issuer', location: 'Hangzhou' }),
      clock: systemClock,
    });
    const rendered = await renderer.render(data!, 'TB20261122-PADES001');
    const file = join(dir, 'signed.pdf');
    writeFileSync(file, rendered.pdf);
    const report = execFileSync('pdfsig', [file], { encoding: 'utf8' });
    expect(report).toContain('Signature is Valid');
    expect(report).toContain('Total document signed');
    expect(report).toContain('ETSI.CAdES.detached');

    // one changed byte inside the signed range and the signature no longer holds
    const tampered = Buffer.from(rendered.pdf);
    const at = tampered.indexOf('/Title');
    tampered[at + 1] = 'X'.charCodeAt(0);
    writeFileSync(file, tampered);
    let tamperedReport: string;
    try {
      tamperedReport = execFileSync('pdfsig', [file], { encoding: 'utf8' });
    } catch (error) {
      tamperedReport = String((error as { stdout?: string }).stdout ?? '');
    }
    expect(tamperedReport).not.toContain('Signature is Valid');
  });
});
