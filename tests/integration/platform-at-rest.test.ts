// The default set-up keeps the embedded platform on the kiosk itself (var/platform.db beside the
// kiosk's store). After a citizen applies with a photographed material, rates, books and takes a
// number, nothing under the data directory holds their ID number, name, address or a PDF in clear.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPaths } from '../../device-bridge/src/api/routes.ts';
import { startBridge, type RunningBridge } from '../support/bridge-process.ts';
import { rawRequest } from '../support/http.ts';
import { waitFor } from '../support/wait.ts';

/** not a demo fixture: the platform has no record of this person until they apply */
const card = {
  name: '欧阳测试',
  sex: '2',
  nation: '01',
  birthDate: '19920815',
  address: '浙江省杭州市拱墅区测试路99号',
  idNumber: '110105199208157714',
  issuer: '杭州市公安局拱墅分局',
  validFrom: '20200101',
  validTo: '20400101',
} as const;

async function call(bridge: RunningBridge, method: string, url: string, body?: object) {
  const response = await rawRequest(`${bridge.url}${url}`, { method, ...(body ? { body } : {}) });
  return { status: response.status, body: response.text ? (response.json() as Record<string, unknown>) : {} };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describe('the kiosk keeps no citizen in clear at rest', () => {
  let bridge: RunningBridge;
  beforeAll(async () => {
    bridge = await startBridge({ config: { devices: { 'id-reader': { driver: 'simulated', readMs: 0 } } } });
  });
  afterAll(async () => {
    await bridge?.stop();
  });

  it('after an application with a scanned page, a rating, an appointment and a queue number', async () => {
    await rawRequest(`${bridge.url}${apiPaths.simCard}`, { method: 'POST', body: { card } });
    await waitFor(
      'a session',
      async () => ((await rawRequest(`${bridge.url}${apiPaths.session}`)).status === 200 ? { value: true } : {}),
      10_000,
    );
    // 实人: an application needs the person confirmed (here by the simulated kiosk's staff code)
    expect((await call(bridge, 'POST', apiPaths.faceStaffConfirm, { staffCode: '135790' })).status).toBe(200);

    const capture = await call(bridge, 'POST', apiPaths.materialCaptures, { materialId: 'housing' });
    const captureId = String(capture.body.captureId);
    expect((await call(bridge, 'POST', apiPaths.materialPages(captureId), {})).status).toBe(201);
    const applied = await call(bridge, 'POST', apiPaths.applications, {
      itemCode: '330100-HJ-00530-000',
      form: { phone: '13912345678', address: '杭州市拱墅区测试路99号' },
      materials: [{ materialId: 'housing', captureId }],
      idempotencyKey: crypto.randomUUID(),
    });
    expect(applied.status, JSON.stringify(applied.body)).toBe(201);
    expect(applied.body).toMatchObject({ delivery: 'delivered' });
    expect(
      (
        await call(bridge, 'POST', apiPaths.ratings, {
          grade: 5,
          serviceCode: '330100-HJ-00530-000',
          caseId: String(applied.body.caseNumber),
        })
      ).status,
    ).toBe(201);
    const slots = (await call(bridge, 'GET', `${apiPaths.appointmentSlots}?itemCode=330100-HJ-00501-000`)).body as {
      slots: { id: string }[];
    };
    expect(
      (await call(bridge, 'POST', apiPaths.appointments, { slotId: slots.slots[0]!.id, itemCode: '330100-HJ-00501-000' })).status,
    ).toBe(201);
    expect((await call(bridge, 'POST', apiPaths.queue, { category: 'household' })).status).toBe(201);
    // the platform still knows the person's case again (by keyed hash), while the session lasts
    const progress = (await call(bridge, 'GET', apiPaths.applications)).body as { applications: { caseNumber: string }[] };
    expect(progress.applications.map((entry) => entry.caseNumber)).toContain(applied.body.caseNumber);
    await waitFor(
      'the rating delivered',
      async () => {
        const health = (await call(bridge, 'GET', apiPaths.health)).body as { platform?: { waiting: number } };
        return health.platform?.waiting === 0 ? { value: true } : {};
      },
      10_000,
    );
    expect((await call(bridge, 'DELETE', apiPaths.session, { reason: 'exit' })).status).toBe(204);

    const files = filesUnder(bridge.dataDir);
    expect(files.some((file) => file.endsWith('platform.db'))).toBe(true);
    for (const file of files) {
      const bytes = readFileSync(file);
      for (const [what, needle] of [
        ['ID number', card.idNumber],
        ['name', card.name],
        ['address', card.address],
        ['phone', '13912345678'],
        ['a PDF', '%PDF-'],
      ] as const) {
        expect(bytes.includes(Buffer.from(needle, 'utf8')), `${what} in clear in ${path.relative(bridge.dataDir, file)}`).toBe(false);
      }
    }
  });
});
