// Who may use the standalone platform server: without kiosk enrolment it only starts on loopback
// (or with an explicit, loudly logged PLATFORM_OPEN=1), and even an open server lets only an
// enrolled kiosk record issued certificates, so nobody can make /verify call a made-up one genuine.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpPlatform } from '../../device-bridge/src/platform/http/http-platform.ts';
import { enrollKiosk, sampleIssuedCertificate, startPlatformServer, type RunningPlatformServer } from './platform-server.support.ts';

const issue = (url: string, headers: Record<string, string>, number: string) =>
  fetch(`${url}/v1/certificates/issued`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-kiosk-id': 'TB-DEV-0001', ...headers },
    body: JSON.stringify(sampleIssuedCertificate(number)),
  });
const verifyPage = async (url: string, number: string) =>
  (await fetch(`${url}/verify?no=${number}&code=${sampleIssuedCertificate(number).verificationCode}`)).text();

describe('standalone server exposure', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'tongban-platform-access-'));
  });
  afterAll(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('refuses to listen on a non-loopback address without kiosk-tokens.json, and says how to fix it', async () => {
    const error = await startPlatformServer({ env: { PLATFORM_HOST: '0.0.0.0' } }).catch((caught: unknown) => caught as Error);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/exited \(2\)/);
    expect((error as Error).message).toMatch(/refusing to listen on 0\.0\.0\.0 without kiosk enrolment/);
    expect((error as Error).message).toMatch(/enroll\.ts/);
  });

  it('starts open on a non-loopback address only with PLATFORM_OPEN=1, and warns about it', async () => {
    const server = await startPlatformServer({ env: { PLATFORM_HOST: '0.0.0.0', PLATFORM_OPEN: '1' } });
    try {
      expect(server.output()).toMatch(/"event":"platform-open"/);
      expect(server.output()).toMatch(/WARNING: PLATFORM_OPEN=1/);
      expect((await fetch(`${server.url}/v1/health`)).status).toBe(200);
    } finally {
      await server.stop();
    }
  });

  it('starts on a non-loopback address with enrolled kiosks, without the warning, and refuses strangers', async () => {
    const dataDir = path.join(root, 'enrolled');
    const token = enrollKiosk('TB-DEV-0001', path.join(root, 'kiosk'), dataDir);
    const server = await startPlatformServer({ dataDir, env: { PLATFORM_HOST: '0.0.0.0' } });
    try {
      expect(server.output()).not.toMatch(/platform-open/);
      expect((await fetch(`${server.url}/v1/catalogue`, { headers: { 'x-kiosk-id': 'TB-DEV-0001' } })).status).toBe(401);
      expect(
        (await fetch(`${server.url}/v1/catalogue`, { headers: { 'x-kiosk-id': 'TB-DEV-0001', authorization: `Bearer ${token}` } })).status,
      ).toBe(200);
    } finally {
      await server.stop();
    }
  });
});

describe('recording issued certificates', () => {
  let open: RunningPlatformServer;
  let enrolled: RunningPlatformServer;
  let root: string;
  let token: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'tongban-platform-issued-'));
    open = await startPlatformServer();
    token = enrollKiosk('TB-DEV-0001', path.join(root, 'kiosk'), path.join(root, 'platform'));
    enrolled = await startPlatformServer({ dataDir: path.join(root, 'platform') });
  });
  afterAll(async () => {
    await open?.stop();
    await enrolled?.stop();
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('an open demo server takes no issued certificate from anyone: a made-up one never shows as genuine', async () => {
    const response = await issue(open.url, {}, 'SB20261122-FAKE0001');
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 'unknown-kiosk' } });
    // a token the open server has no way to check changes nothing
    expect((await issue(open.url, { authorization: `Bearer ${'x'.repeat(43)}` }, 'SB20261122-FAKE0001')).status).toBe(401);
    const page = await verifyPage(open.url, 'SB20261122-FAKE0001');
    expect(page).toContain('未通过核验');
    expect(page).not.toContain('证明真实有效');
  });

  it('an enrolled kiosk records one, which then verifies; a kiosk posing with no or another token cannot', async () => {
    expect((await issue(enrolled.url, {}, 'SB20261122-FAKE0002')).status).toBe(401);
    expect((await issue(enrolled.url, { 'x-kiosk-id': 'TB-OTHER', authorization: `Bearer ${token}` }, 'SB20261122-FAKE0002')).status).toBe(
      401,
    );
    expect(await verifyPage(enrolled.url, 'SB20261122-FAKE0002')).toContain('未通过核验');
    await createHttpPlatform({
      baseUrl: enrolled.url,
      kioskId: 'TB-DEV-0001',
      token,
      timeoutMs: 5_000,
      readRetries: 0,
    }).recordIssuedCertificate(sampleIssuedCertificate('SB20261122-REAL0001'));
    expect(await verifyPage(enrolled.url, 'SB20261122-REAL0001')).toContain('证明真实有效');
  });
});
