// 手写签名 through the real bridge: the signature picture of an application is checked (a real PNG of
// pad size), travels sealed in the outbox to the platform, is kept there with the case, and leaves
// nothing behind at the kiosk (no outbox copy once acknowledged, nothing in the log).
import { createHash, randomUUID } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPaths } from '../../device-bridge/src/api/routes.ts';
import { startBridge, type RunningBridge } from '../support/bridge-process.ts';
import { rawRequest } from '../support/http.ts';
import { waitFor } from '../support/wait.ts';
import { fixtureCitizen } from '../../device-bridge/src/platform/embedded/fixtures.ts';
import { createHttpPlatform } from '../../device-bridge/src/platform/http/http-platform.ts';
import { startPlatformServer } from './platform-server.support.ts';

const flexibleEmployment = '330100-JD-00131-000';

async function call(bridge: RunningBridge, method: string, url: string, body?: object) {
  const response = await rawRequest(`${bridge.url}${url}`, { method, ...(body ? { body } : {}) });
  return { status: response.status, body: response.text ? (response.json() as Record<string, unknown>) : {} };
}

const application = (signature: string) => ({
  itemCode: flexibleEmployment,
  form: { phone: '13800000000', startMonth: '2026-12' },
  materials: [],
  idempotencyKey: randomUUID(),
  signature,
});

describe('handwritten signature on an application', () => {
  let bridge: RunningBridge;
  beforeAll(async () => {
    bridge = await startBridge({ config: { devices: { 'id-reader': { driver: 'simulated', readMs: 0 } } } });
    await rawRequest(`${bridge.url}${apiPaths.simCard}`, { method: 'POST', body: { fixture: 'zhang-wei' } });
    await waitFor(
      'a session',
      async () => ((await rawRequest(`${bridge.url}${apiPaths.session}`)).status === 200 ? { value: true } : {}),
      10_000,
    );
    // 实人: an application needs the person confirmed (here by the simulated kiosk's staff code)
    await rawRequest(`${bridge.url}${apiPaths.faceStaffConfirm}`, { method: 'POST', body: { staffCode: '135790' } });
  });
  afterAll(async () => {
    await bridge?.stop();
  });

  it('delivers the signature PNG with the case and keeps no copy at the kiosk', async () => {
    const png = await sharp({ create: { width: 900, height: 300, channels: 4, background: { r: 13, g: 27, b: 42, alpha: 1 } } })
      .png()
      .toBuffer();
    const dataUrl = `data:image/png;base64,${png.toString('base64')}`;
    const applied = await call(bridge, 'POST', apiPaths.applications, application(dataUrl));
    expect(applied.status, JSON.stringify(applied.body)).toBe(201);
    expect(applied.body).toMatchObject({ delivery: 'delivered' });
    const platformDb = new Database(path.join(bridge.dataDir, 'platform.db'), { readonly: true });
    const file = platformDb
      .prepare(
        "SELECT f.file_name AS fileName, f.pdf AS bytes, f.sha256, f.size FROM application_files f JOIN applications a USING (platform_number) WHERE a.local_number = ? AND f.material_id = 'signature'",
      )
      .get(applied.body.localNumber) as { fileName: string; bytes: Buffer | null; sha256: string; size: number } | undefined;
    platformDb.close();
    expect(file?.fileName).toBe('signature.png');
    // the embedded platform inside the kiosk keeps the signature's digest and size, not the picture
    expect(file).toMatchObject({ bytes: null, sha256: createHash('sha256').update(png).digest('hex'), size: png.length });
    const kioskDb = new Database(path.join(bridge.dataDir, 'kiosk.db'), { readonly: true });
    const left = kioskDb.prepare("SELECT count(*) AS n FROM outbox WHERE payload IS NOT NULL AND state = 'delivered'").get() as {
      n: number;
    };
    kioskDb.close();
    expect(left.n).toBe(0);
    expect(bridge.logs()).not.toContain(png.toString('base64').slice(0, 40));
  });

  it('refuses a picture that is not a pad-sized PNG with 400 signature-invalid and stores nothing', async () => {
    const jpeg = await sharp({ create: { width: 900, height: 300, channels: 3, background: '#fff' } })
      .jpeg()
      .toBuffer();
    const dot = await sharp({ create: { width: 2, height: 2, channels: 4, background: '#000' } })
      .png()
      .toBuffer();
    for (const bytes of [jpeg, dot]) {
      const refused = await call(bridge, 'POST', apiPaths.applications, application(`data:image/png;base64,${bytes.toString('base64')}`));
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ error: { code: 'signature-invalid' } });
    }
    const notDataUrl = await call(bridge, 'POST', apiPaths.applications, application('https://example.com/sig.png'));
    expect(notDataUrl.status).toBe(400);
    const kioskDb = new Database(path.join(bridge.dataDir, 'kiosk.db'), { readonly: true });
    const stored = kioskDb.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number };
    kioskDb.close();
    expect(stored.n).toBe(1);
  });
});

describe('handwritten signature over the HTTP platform adapter', () => {
  it('reaches the standalone platform server, which keeps it with the case', async () => {
    const server = await startPlatformServer();
    try {
      const png = await sharp({ create: { width: 600, height: 200, channels: 4, background: '#000' } })
        .png()
        .toBuffer();
      const card = fixtureCitizen('zhang-wei').card;
      const platform = createHttpPlatform({ baseUrl: server.url, kioskId: 'TB-SIG', timeoutMs: 5_000, readRetries: 1 });
      const result = await platform.submitApplication({
        idempotencyKey: randomUUID(),
        localNumber: 'TB-SIG-20261122-0001',
        itemCode: flexibleEmployment,
        applicant: { idNumber: card.idNumber, name: card.name },
        form: { phone: '13800000000', startMonth: '2026-12' },
        materials: [],
        delivery: 'collect',
        submittedAt: '2026-11-22T10:00:00+08:00',
        signaturePngBase64: png.toString('base64'),
      });
      const db = new Database(path.join(server.dataDir, 'platform.db'), { readonly: true });
      const row = db
        .prepare("SELECT pdf AS bytes FROM application_files WHERE platform_number = ? AND material_id = 'signature'")
        .get(result.platformNumber) as { bytes: Buffer } | undefined;
      db.close();
      expect(row?.bytes.equals(png)).toBe(true);
    } finally {
      await server.stop();
    }
  });
});
