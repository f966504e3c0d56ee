import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPaths } from '../../device-bridge/src/api/routes.ts';
import { cardFaceImage, renderScene } from '../../device-bridge/src/devices/camera/scenes.ts';
import { startBridge, type RunningBridge } from '../support/bridge-process.ts';
import { faceDataIn, filesUnder } from '../support/face-data-on-disk.ts';
import { rawRequest } from '../support/http.ts';
import { waitFor } from '../support/wait.ts';

/**
 * A real bridge (as `npm start` runs it) with simulated cameras: the face check, the staff code
 * alternative and document capture over HTTP, and afterwards nothing face- or page-related on disk.
 */
let bridge: RunningBridge;
let privateTmp: string;
const startedAt = Date.now();

beforeAll(async () => {
  // the bridge's temp files (if it made any) land here, where this test can look for them
  privateTmp = mkdtempSync(join(tmpdir(), 'tongban-camera-bridge-tmp-'));
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = privateTmp;
  try {
    bridge = await startBridge({ startTimeoutMs: 60_000 });
  } finally {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
  }
}, 90_000);

afterAll(async () => {
  await bridge?.stop();
  rmSync(privateTmp, { recursive: true, force: true });
});

const host = () => ({ Host: `127.0.0.1:${bridge.port}` });
async function call(method: string, path: string, body?: object) {
  const response = await rawRequest(bridge.url + path, { method, headers: host(), body, timeoutMs: 30_000 });
  return {
    status: response.status,
    body: response.text ? (response.headers['content-type']?.includes('json') ? response.json() : response.text) : null,
    headers: response.headers,
  };
}

/** reads the first bytes of an MJPEG stream, then hangs up */
function firstPart(path: string): Promise<{ status: number; contentType: string; head: Buffer }> {
  return new Promise((resolve, reject) => {
    void import('node:http').then(({ request }) => {
      const outgoing = request({ host: '127.0.0.1', port: bridge.port, path, headers: host() }, (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => {
          chunks.push(chunk);
          const head = Buffer.concat(chunks);
          if (head.length > 200 || incoming.statusCode !== 200) {
            outgoing.destroy();
            resolve({ status: incoming.statusCode ?? 0, contentType: String(incoming.headers['content-type']), head });
          }
        });
        incoming.on('end', () =>
          resolve({ status: incoming.statusCode ?? 0, contentType: String(incoming.headers['content-type']), head: Buffer.concat(chunks) }),
        );
      });
      outgoing.on('error', reject);
      outgoing.end();
    });
  });
}

async function openSession(fixture: string) {
  expect((await call('POST', apiPaths.simCard, { fixture })).status).toBe(204);
  await waitFor(
    'session',
    async () => {
      const { status } = await call('GET', apiPaths.session);
      return { value: status === 200 ? true : undefined, note: String(status) };
    },
    10_000,
  );
}

describe('cameras through a running bridge', () => {
  it('face check: the card holder matches through the camera; a stranger in front of it does not', async () => {
    await openSession('li-na');
    const options = await call('GET', apiPaths.faceOptions);
    expect(options.body).toMatchObject({
      faceOffered: true,
      alternatives: ['e-id', 'staff'],
      attemptsLeft: 3,
      consented: false,
      verified: null,
    });

    expect((await firstPart(apiPaths.cameraPreview('camera'))).status).toBe(403);
    expect((await call('POST', apiPaths.faceVerify, {})).body).toMatchObject({ error: { code: 'consent-required' } });
    expect((await call('POST', apiPaths.faceConsent, { consent: true })).status).toBe(204);

    const preview = await firstPart(apiPaths.cameraPreview('camera'));
    expect(preview.status).toBe(200);
    expect(preview.contentType).toBe('multipart/x-mixed-replace; boundary=frame');
    expect(preview.head.toString('latin1')).toMatch(/^--frame\r\nContent-Type: image\/jpeg\r\nContent-Length: \d+\r\n\r\n\xff\xd8/);

    expect((await call('GET', apiPaths.faceGuidance)).body).toEqual({ hint: 'ready' });
    expect((await call('POST', apiPaths.simCameraScene('camera'), { scene: { kind: 'face', face: 'stranger' } })).status).toBe(204);
    expect((await call('POST', apiPaths.faceVerify, {})).body).toMatchObject({ decision: 'no-match', attemptsLeft: 2 });
    expect((await call('GET', apiPaths.faceOptions)).body).toMatchObject({ verified: null });
    expect((await call('POST', apiPaths.simCameraScene('camera'), { scene: { kind: 'face', face: 'person-a' } })).status).toBe(204);
    const verified = await call('POST', apiPaths.faceVerify, {});
    expect(verified.body).toMatchObject({ decision: 'match', attemptsLeft: 1 });

    expect((await call('GET', apiPaths.faceOptions)).body).toMatchObject({
      verified: { method: 'face' },
      faceOffered: false,
      reason: 'already-verified',
    });
    // decided: the face camera shows nothing any more
    expect((await firstPart(apiPaths.cameraPreview('camera'))).status).toBe(409);
    expect((await call('DELETE', apiPaths.session, { reason: 'exit' })).status).toBe(204);
  }, 90_000);

  it('staff confirmation over HTTP: a card without a photo never opens the face camera; a wrong code is refused, the right one confirms', async () => {
    await openSession('wang-xiaoyu');
    expect((await firstPart(apiPaths.cameraPreview('camera'))).status).toBe(403);
    // her card has no decodable photo: there is no face check to consent to, so no face camera either
    const consent = await call('POST', apiPaths.faceConsent, { consent: true });
    expect(consent.status).toBe(409);
    expect(consent.body).toMatchObject({ error: { code: 'face-not-offered' } });
    expect((await firstPart(apiPaths.cameraPreview('camera'))).status).toBe(403);
    expect((await call('POST', apiPaths.faceStaffConfirm, { staffCode: '000000' })).body).toMatchObject({
      error: { code: 'staff-code-invalid' },
    });
    expect((await call('POST', apiPaths.faceStaffConfirm, { staffCode: '135790' })).body).toMatchObject({ method: 'staff' });
    expect((await call('GET', apiPaths.faceOptions)).body).toMatchObject({ verified: { method: 'staff' } });
    expect((await call('DELETE', apiPaths.session, { reason: 'exit' })).status).toBe(204);
  }, 60_000);

  it('a mobile e-ID code shown to the scanner confirms the card holder', async () => {
    await openSession('wang-xiaoyu');
    const { simulatedEIdToken } = await import('../../device-bridge/src/face/e-id-verifier.ts');
    const { fixtureCitizen } = await import('../../device-bridge/src/platform/embedded/fixtures.ts');
    expect(
      (await call('POST', apiPaths.simScan, { data: `tongban:e-id:${simulatedEIdToken(fixtureCitizen('li-na').card.idNumber)}` })).status,
    ).toBe(204);
    expect(
      (await call('POST', apiPaths.simScan, { data: `tongban:e-id:${simulatedEIdToken(fixtureCitizen('wang-xiaoyu').card.idNumber)}` }))
        .status,
    ).toBe(204);
    await waitFor('e-ID confirmation', async () => {
      const { body } = await call('GET', apiPaths.faceOptions);
      return {
        value: (body as { verified: { method: string } | null }).verified?.method === 'e-id' ? true : undefined,
        note: JSON.stringify(body),
      };
    });
    await waitFor('the other citizen’s code logged as rejected', async () => ({
      value: bridge.logs().includes('"e-id-rejected"') ? true : undefined,
    }));
    expect(bridge.logs()).not.toContain(simulatedEIdToken(fixtureCitizen('wang-xiaoyu').card.idNumber));
    expect((await call('DELETE', apiPaths.session, { reason: 'exit' })).status).toBe(204);
  }, 30_000);

  it('an application posted straight to the bridge is refused until the person is confirmed (实人)', async () => {
    await openSession('zhang-wei');
    const application = {
      itemCode: '330100-JD-00131-000',
      form: { phone: '13800000000', startMonth: '2026-12' },
      materials: [],
      idempotencyKey: randomUUID(),
    };
    const refused = await call('POST', apiPaths.applications, application);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ error: { code: 'identity-not-verified' } });
    expect((await call('POST', apiPaths.faceStaffConfirm, { staffCode: '135790' })).body).toMatchObject({ method: 'staff' });
    expect((await call('POST', apiPaths.applications, application)).status).toBe(201);
    expect((await call('DELETE', apiPaths.session, { reason: 'exit' })).status).toBe(204);
  }, 30_000);

  it('a card whose photo cannot be decoded gets the alternatives only', async () => {
    await openSession('wang-xiaoyu');
    expect((await call('GET', apiPaths.faceOptions)).body).toMatchObject({
      faceOffered: false,
      reason: 'no-reference-photo',
      alternatives: expect.arrayContaining(['staff']),
    });
    expect((await call('DELETE', apiPaths.session, { reason: 'exit' })).status).toBe(204);
  }, 30_000);

  it('document capture: pages taken, cropped, retaken and removed; gone with the session', async () => {
    await openSession('zhang-wei');
    const started = await call('POST', apiPaths.materialCaptures, { materialId: 'hukou-page' });
    expect(started.status).toBe(201);
    const { captureId } = started.body as { captureId: string };
    const first = await call('POST', apiPaths.materialPages(captureId), {});
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ materialId: 'hukou-page', pages: [{ index: 0, cropped: true }] });
    await call('POST', apiPaths.materialPages(captureId), {});
    const retaken = await call('PUT', apiPaths.materialPage(captureId, 1), {});
    expect((retaken.body as { pages: unknown[] }).pages).toHaveLength(2);
    const image = await rawRequest(bridge.url + apiPaths.materialPageImage(captureId, 0), { headers: host() });
    expect(image.headers['content-type']).toBe('image/jpeg');
    expect(image.headers['cache-control']).toBe('no-store');
    const removed = await call('DELETE', apiPaths.materialPage(captureId, 0));
    expect((removed.body as { pages: unknown[] }).pages).toHaveLength(1);
    const preview = await firstPart(apiPaths.cameraPreview('document-camera'));
    expect(preview.status).toBe(200);

    expect((await call('DELETE', apiPaths.session, { reason: 'exit' })).status).toBe(204);
    expect((await call('GET', apiPaths.materialCaptures)).body).toMatchObject({ error: { code: 'no-session' } });
    await openSession('zhang-wei');
    expect((await call('GET', apiPaths.materialCaptures)).body).toEqual({ captures: [] });
    await call('DELETE', apiPaths.session, { reason: 'exit' });
  }, 60_000);

  it('after the sessions nothing face- or page-related is on disk or in the log', async () => {
    const written = [...filesUnder(bridge.dataDir), ...filesUnder(privateTmp)].filter(
      (file) => statSync(file).mtimeMs >= startedAt - 1_000,
    );
    // the SQLite databases and their WAL files are among them
    expect(written.some((file) => file.endsWith('.db-wal') || file.endsWith('.db'))).toBe(true);
    // whole files, not just their first bytes: an image, an image in base64, a fixture photo's bytes
    expect(faceDataIn(written)).toEqual([]);
    // the search itself finds what it looks for: a card photo, or a frame in base64, inside a database page
    const planted = join(privateTmp, 'planted.db');
    writeFileSync(planted, Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(100), cardFaceImage('person-a').subarray(40)]));
    expect(faceDataIn([planted]).length).toBeGreaterThan(0);
    writeFileSync(
      planted,
      `{"frame":"${(await renderScene({ kind: 'face', face: 'stranger' }, { width: 64, height: 48, random: Math.random })).toString('base64')}"}`,
    );
    expect(faceDataIn([planted])).toContain(`${planted}: a JPEG in base64`);
    rmSync(planted);
    // a vendor decoder's scratch files (tmpfs) would be here: none are left behind
    expect(readdirSync('/dev/shm').filter((name) => name.startsWith('tongban-wlt-'))).toEqual([]);
    // no PDF of captured pages either (the only PDFs a bridge writes are print-outs of certificates)
    expect(written.filter((file) => file.endsWith('.pdf') && !file.includes('print-out'))).toEqual([]);
    const logs = bridge.logs();
    expect(logs).toContain('staff-confirmed');
    expect(logs).toContain('face-check-result');
    expect(logs).not.toMatch(/embedding|similarity|"score"|李娜|张伟/);
    // the log as journald would keep it, looked through like the other files
    const logFile = join(privateTmp, 'bridge-stdout.log');
    writeFileSync(logFile, logs);
    expect(faceDataIn([logFile])).toEqual([]);
  });
});
