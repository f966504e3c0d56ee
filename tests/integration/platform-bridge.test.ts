// The platform services through the real bridge, as the kiosk UI uses them: guides without a card,
// applications with a local and a platform number, appointments, queue numbers and ratings; then a
// bridge whose platform server goes away and comes back (applications still accepted, live services
// unavailable with the reason, delivered when the line is back).
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPaths } from '../../device-bridge/src/api/routes.ts';
import type {
  ApplicationListResponse,
  ApplicationReceipt,
  CatalogueResponse,
  HealthResponse,
  ServiceItem,
} from '../../device-bridge/src/api/index.ts';
import { fixtureCitizen } from '../../device-bridge/src/platform/embedded/fixtures.ts';
import { startBridge, type RunningBridge } from '../support/bridge-process.ts';
import { rawRequest } from '../support/http.ts';
import { waitFor } from '../support/wait.ts';
import { startPlatformServer, type RunningPlatformServer } from './platform-server.support.ts';

const flexibleEmployment = '330100-JD-00131-000';

async function call(bridge: RunningBridge, method: string, path: string, body?: object) {
  const response = await rawRequest(`${bridge.url}${path}`, { method, ...(body ? { body } : {}) });
  return { status: response.status, body: response.text ? (response.json() as Record<string, unknown>) : {} };
}

async function identify(bridge: RunningBridge, fixture: string): Promise<void> {
  await rawRequest(`${bridge.url}${apiPaths.simCard}`, { method: 'POST', body: { fixture } });
  await waitFor(
    'a session',
    async () => ((await rawRequest(`${bridge.url}${apiPaths.session}`)).status === 200 ? { value: true } : {}),
    10_000,
  );
  // 实人: an application needs the person confirmed (here by the simulated kiosk's staff code)
  await rawRequest(`${bridge.url}${apiPaths.faceStaffConfirm}`, { method: 'POST', body: { staffCode: '135790' } });
}

const applicationBody = (idempotencyKey = randomUUID()) => ({
  itemCode: flexibleEmployment,
  form: { phone: '13800000000', startMonth: '2026-12' },
  materials: [],
  idempotencyKey,
});

describe('platform services through the bridge (embedded platform)', () => {
  let bridge: RunningBridge;
  beforeAll(async () => {
    bridge = await startBridge({ config: { devices: { 'id-reader': { driver: 'simulated', readMs: 0 } } } });
  });
  afterAll(async () => {
    await bridge?.stop();
  });

  it('lets anyone search the catalogue and read a guide without a card, but not apply', async () => {
    const catalogue = await call(bridge, 'GET', `${apiPaths.catalogue}?q=sb`);
    expect(catalogue.status).toBe(200);
    const body = catalogue.body as unknown as CatalogueResponse;
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.categories.reduce((sum, entry) => sum + entry.count, 0)).toBeGreaterThanOrEqual(30);
    const guide = (await call(bridge, 'GET', apiPaths.catalogueItem(flexibleEmployment))).body as unknown as ServiceItem;
    expect(guide.guide.conditions.length).toBeGreaterThan(0);
    expect((await call(bridge, 'GET', apiPaths.catalogueItem('330100-XX-0'))).body).toMatchObject({ error: { code: 'item-not-found' } });
    expect((await call(bridge, 'POST', apiPaths.applications, applicationBody())).body).toMatchObject({ error: { code: 'no-session' } });
  });

  it('takes an application from the identified citizen, answers a repeat with the same receipt, and lists its progress', async () => {
    await identify(bridge, 'zhang-wei');
    const body = applicationBody();
    const first = await call(bridge, 'POST', apiPaths.applications, body);
    expect(first.status).toBe(201);
    const receipt = first.body as unknown as ApplicationReceipt;
    expect(receipt.localNumber).toMatch(/^TB-DEV-0001-\d{8}-\d{4}$/);
    expect(receipt).toMatchObject({ delivery: 'delivered', caseNumberKind: 'platform', queuedOffline: false, receiptPrinted: true });
    expect(receipt.caseNumber).toBe(receipt.platformNumber);
    const again = await call(bridge, 'POST', apiPaths.applications, body);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ localNumber: receipt.localNumber, platformNumber: receipt.platformNumber });
    // the same POST twice at once (a double tap, a retried request): one application, the same receipt, no 500
    const twice = applicationBody();
    const racing = await Promise.all([
      call(bridge, 'POST', apiPaths.applications, twice),
      call(bridge, 'POST', apiPaths.applications, twice),
    ]);
    expect(racing.map((answer) => answer.status).sort()).toEqual([200, 201]);
    expect(racing[0]!.body.localNumber).toBe(racing[1]!.body.localNumber);
    const list = (await call(bridge, 'GET', apiPaths.applications)).body as unknown as ApplicationListResponse;
    expect(list.live).toBe(true);
    expect(list.applications.find((entry) => entry.caseNumber === receipt.platformNumber)?.localNumber).toBe(receipt.localNumber);
    // required fields come from the guide: a form without them is refused with the field named
    const missing = await call(bridge, 'POST', apiPaths.applications, { ...applicationBody(), form: {} });
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body)).toContain('form.phone');
    // an item whose guide needs a paper the kiosk can photograph cannot go without it
    const needsMaterial = await call(bridge, 'POST', apiPaths.applications, {
      ...applicationBody(),
      itemCode: '330100-HJ-00530-000',
      form: { phone: '1', address: 'x' },
    });
    expect(needsMaterial.body).toMatchObject({ error: { code: 'material-missing' } });
  });

  it('sends a photographed material with the application, sealed in the outbox, and lets go of the pages', async () => {
    const capture = await call(bridge, 'POST', apiPaths.materialCaptures, { materialId: 'housing' });
    expect(capture.status).toBe(201);
    const captureId = String(capture.body.captureId);
    const page = await call(bridge, 'POST', apiPaths.materialPages(captureId), {});
    expect(page.status, JSON.stringify(page.body)).toBe(201);
    const applied = await call(bridge, 'POST', apiPaths.applications, {
      ...applicationBody(),
      itemCode: '330100-HJ-00530-000',
      form: { phone: '13800000000', address: '杭州市西湖区文三路478号' },
      materials: [{ materialId: 'housing', captureId }],
    });
    expect(applied.status, JSON.stringify(applied.body)).toBe(201);
    expect(applied.body).toMatchObject({ delivery: 'delivered' });
    // the platform got one PDF for the material (inside the kiosk it keeps only its digest and size);
    // the kiosk keeps no copy once it was acknowledged
    const platformDb = new Database(path.join(bridge.dataDir, 'platform.db'), { readonly: true });
    const file = platformDb
      .prepare(
        'SELECT f.material_id AS materialId, f.pdf IS NULL AS dropped, f.sha256, f.size FROM application_files f JOIN applications a USING (platform_number) WHERE a.local_number = ?',
      )
      .get(applied.body.localNumber) as { materialId: string; dropped: number; sha256: string; size: number };
    platformDb.close();
    expect(file).toMatchObject({ materialId: 'housing', dropped: 1, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(file.size).toBeGreaterThan(1_000);
    const kioskDb = new Database(path.join(bridge.dataDir, 'kiosk.db'), { readonly: true });
    const left = kioskDb.prepare("SELECT count(*) AS n FROM outbox WHERE payload IS NOT NULL AND state = 'delivered'").get() as {
      n: number;
    };
    kioskDb.close();
    expect(left.n).toBe(0);
    const captures = (await call(bridge, 'GET', apiPaths.materialCaptures)).body as { captures: { captureId: string }[] };
    expect(captures.captures.map((entry) => entry.captureId)).not.toContain(captureId);
  });

  it("shows the citizen's own records, masked like the paper, and says which kinds exist", async () => {
    const list = (await call(bridge, 'GET', apiPaths.records)).body as { records: { type: string; available: boolean }[] };
    expect(list.records.find((entry) => entry.type === 'social-insurance-contribution')?.available).toBe(true);
    const record = await call(bridge, 'GET', apiPaths.record('social-insurance-contribution'));
    expect(record.status).toBe(200);
    expect(record.body).toMatchObject({ holderMaskedName: '张*' });
    expect(String(record.body.maskedIdNumber)).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    expect(JSON.stringify(record.body)).not.toContain(fixtureCitizen('zhang-wei').card.idNumber);
    expect((await call(bridge, 'GET', apiPaths.record('no-such-type'))).status).toBe(404);
  });

  it('needs an indicator for a bad rating and sends ratings through the outbox', async () => {
    const bad = await call(bridge, 'POST', apiPaths.ratings, { grade: 1, serviceCode: flexibleEmployment, caseId: 'X1' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('indicators');
    const ok = await call(bridge, 'POST', apiPaths.ratings, {
      grade: 2,
      serviceCode: flexibleEmployment,
      caseId: 'X1',
      indicators: ['efficiency'],
      comment: '等待时间长',
    });
    expect(ok.status).toBe(201);
    await waitFor('the rating to leave the outbox', async () => {
      const health = (await call(bridge, 'GET', apiPaths.health)).body as unknown as HealthResponse;
      return health.platform?.waiting === 0 ? { value: true } : { note: JSON.stringify(health.platform) };
    });
  });

  it('books, lists and cancels an appointment and takes a queue number', async () => {
    const slots = (await call(bridge, 'GET', `${apiPaths.appointmentSlots}?itemCode=330100-HJ-00501-000`)).body as {
      slots: { id: string }[];
    };
    const booked = await call(bridge, 'POST', apiPaths.appointments, { slotId: slots.slots[1]!.id, itemCode: '330100-HJ-00501-000' });
    expect(booked.status).toBe(201);
    const id = String(booked.body.id);
    const mine = (await call(bridge, 'GET', apiPaths.appointments)).body as { appointments: { id: string; state: string }[] };
    expect(mine.appointments.find((entry) => entry.id === id)?.state).toBe('booked');
    expect((await call(bridge, 'DELETE', apiPaths.appointment(id))).status).toBe(204);
    expect((await call(bridge, 'DELETE', apiPaths.appointment(id))).body).toMatchObject({ error: { code: 'appointment-not-found' } });
    const ticket = await call(bridge, 'POST', apiPaths.queue, { category: 'social-insurance' });
    expect(ticket.status).toBe(201);
    expect(ticket.body.number).toMatch(/^A\d{3}$/);
    expect((await call(bridge, 'POST', apiPaths.queue, { category: 'social-insurance' })).body).toMatchObject({
      error: { code: 'queue-ticket-exists' },
    });
    expect(ticket.body.printed).toBe(true);
    expect((await call(bridge, 'GET', apiPaths.queueTicket(String(ticket.body.number)))).status).toBe(200);
    // no paper for the ticket: the number is still given, on screen, and the answer says it was not printed
    await rawRequest(`${bridge.url}${apiPaths.simPrinterState('receipt-printer')}`, { method: 'POST', body: { state: 'paper-out' } });
    const unprinted = await call(bridge, 'POST', apiPaths.queue, { category: 'tax' });
    expect(unprinted.status).toBe(201);
    expect(unprinted.body).toMatchObject({ printed: false });
    await rawRequest(`${bridge.url}${apiPaths.simPrinterState('receipt-printer')}`, { method: 'POST', body: { state: 'ready' } });
  });
});

describe('a bridge whose platform server goes away and comes back', () => {
  let server: RunningPlatformServer;
  let bridge: RunningBridge;
  beforeAll(async () => {
    server = await startPlatformServer();
    bridge = await startBridge({
      config: {
        devices: { 'id-reader': { driver: 'simulated', readMs: 0 } },
        platform: { driver: 'http', baseUrl: server.url, timeoutMs: 2_000, readRetries: 0 },
      },
    });
  });
  afterAll(async () => {
    await bridge?.stop();
    await server?.stop();
  });

  it('accepts an application while the platform is down, says so honestly, and delivers it once the line is back', async () => {
    await identify(bridge, 'li-na');
    // the bridge reads the catalogue at start: the guide is cached before the line drops
    await waitFor('the catalogue cache', async () =>
      (await call(bridge, 'GET', apiPaths.catalogueItem(flexibleEmployment))).status === 200 ? { value: true } : {},
    );
    const { dataDir, port } = server;
    await server.stop();

    const receipt = await call(bridge, 'POST', apiPaths.applications, applicationBody());
    expect(receipt.status).toBe(201);
    expect(receipt.body).toMatchObject({ delivery: 'waiting', caseNumberKind: 'local', platformNumber: null, queuedOffline: true });
    expect(receipt.body.caseNumber).toBe(receipt.body.localNumber);
    // rated right away, on the only number there is yet
    expect(
      (
        await call(bridge, 'POST', apiPaths.ratings, {
          grade: 5,
          serviceCode: flexibleEmployment,
          caseId: String(receipt.body.localNumber),
        })
      ).status,
    ).toBe(201);

    const records = await call(bridge, 'GET', apiPaths.records);
    expect(records.status).toBe(503);
    expect(records.body).toMatchObject({ error: { code: 'platform-unavailable' } });
    const preview = await call(bridge, 'POST', apiPaths.certificatePreview, { type: 'social-insurance-contribution' });
    expect(preview.status).toBe(503);
    expect(preview.body).toMatchObject({ error: { code: 'platform-unavailable' } });
    const progress = (await call(bridge, 'GET', apiPaths.applications)).body as unknown as ApplicationListResponse;
    expect(progress.live).toBe(false);
    expect(progress.applications.map((entry) => entry.caseNumber)).toEqual([receipt.body.localNumber]);
    const health = (await call(bridge, 'GET', apiPaths.health)).body as unknown as HealthResponse;
    expect(health.platform).toMatchObject({ reachable: false, waiting: 2 });
    expect(health.platform?.reason).toMatch(/connect/);
    // guides still read from the cache
    const cachedCatalogue = await call(bridge, 'GET', `${apiPaths.catalogue}?q=lhjy`);
    expect(cachedCatalogue.status).toBe(200);
    expect(cachedCatalogue.body).toMatchObject({ fromCache: true });

    server = await startPlatformServer({ dataDir, port });
    await call(bridge, 'GET', apiPaths.catalogueItem(flexibleEmployment)); // a live call sees the line is back
    const delivered = await waitFor(
      'the application to reach the platform',
      async () => {
        const list = (await call(bridge, 'GET', apiPaths.applications)).body as unknown as ApplicationListResponse;
        const entry = list.applications.find(
          (candidate) => candidate.localNumber === receipt.body.localNumber && candidate.caseNumberKind === 'platform',
        );
        return entry ? { value: entry } : { note: JSON.stringify(list) };
      },
      15_000,
    );
    expect(delivered.channel).toBe('kiosk');
    await waitFor(
      'the rating to be delivered',
      async () => {
        const platform = ((await call(bridge, 'GET', apiPaths.health)).body as unknown as HealthResponse).platform;
        return platform?.waiting === 0 ? { value: true } : { note: JSON.stringify(platform) };
      },
      10_000,
    );
    expect(((await call(bridge, 'GET', apiPaths.health)).body as unknown as HealthResponse).platform).toMatchObject({ reachable: true });
    // the platform's 好差评 record names the platform's 办件编号 and the kiosk channel, not the local number
    const platformDb = new Database(path.join(server.dataDir, 'platform.db'), { readonly: true });
    const rating = platformDb.prepare('SELECT case_number AS caseNumber, channel, grade FROM ratings').get();
    platformDb.close();
    expect(rating).toEqual({ caseNumber: delivered.caseNumber, channel: 'self-service-kiosk:TB-DEV-0001', grade: 5 });
  });
});
