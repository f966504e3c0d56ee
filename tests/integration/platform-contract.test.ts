// Contract tests of the kiosk's HTTP platform adapter against the real standalone server
// (`npm run platform`), and the OpenAPI document kept in step with the schemas both sides use.
import { execFileSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlatformRejection, PlatformUnavailable, type SubmitApplication } from '../../device-bridge/src/platform/contract.ts';
import { fixtureCitizen } from '../../device-bridge/src/platform/embedded/fixtures.ts';
import { createHttpPlatform } from '../../device-bridge/src/platform/http/http-platform.ts';
import { kioskPlatformToken } from '../../device-bridge/src/platform/http/kiosk-token.ts';
import { repoRoot } from '../support/repo.ts';
import { platformOpenApiFile, platformOpenApiText } from '../../device-bridge/src/platform-server/write-openapi.ts';
import { startPlatformServer, type RunningPlatformServer } from './platform-server.support.ts';

const zhang = fixtureCitizen('zhang-wei').card;
const zhangApplicant = { idNumber: zhang.idNumber, name: zhang.name };

function application(localNumber: string, idempotencyKey = randomUUID()): SubmitApplication {
  return {
    idempotencyKey,
    localNumber,
    // 城乡居民基本养老保险参保登记: a choice field and a page the kiosk photographs
    itemCode: '330100-JD-00133-000',
    applicant: zhangApplicant,
    form: { phone: '13800000000', grade: '500元' },
    materials: [
      { materialId: 'household-register', fileName: 'household-register.pdf', pdfBase64: Buffer.from('%PDF-1.4 demo').toString('base64') },
    ],
    delivery: 'collect',
    submittedAt: '2026-11-22T10:00:00+08:00',
  };
}

describe('HTTP platform adapter against the standalone platform server', () => {
  let server: RunningPlatformServer;
  const kiosk = (kioskId: string) => createHttpPlatform({ baseUrl: server.url, kioskId, timeoutMs: 5_000, readRetries: 1 });

  beforeAll(async () => {
    server = await startPlatformServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('serves the catalogue: search by pinyin initials and category, a full guide, 404 as null', async () => {
    const platform = kiosk('TB-A');
    const found = await platform.listServiceItems({ q: 'jzz' });
    expect(found.map((item) => item.name)).toContain('居住证申领');
    const civil = await platform.listServiceItems({ category: 'civil-affairs' });
    expect(civil.length).toBeGreaterThanOrEqual(4);
    const item = await platform.getServiceItem('330100-HJ-00530-000');
    expect(item?.guide.materials.map((material) => material.name)).toContain('居民身份证');
    expect(await platform.getServiceItem('330100-XX-99999-000')).toBeNull();
  });

  it('accepts an application once per idempotency key, returns the first result on a repeat, and shows its timeline', async () => {
    const platform = kiosk('TB-A');
    const sent = application('TB-A-20261122-0001');
    const first = await platform.submitApplication(sent);
    const again = await platform.submitApplication(sent);
    expect(again).toEqual(first);
    await expect(platform.submitApplication({ ...sent, form: { phone: '1' } })).rejects.toMatchObject({ code: 'idempotency-conflict' });
    const mine = await platform.listApplications(zhangApplicant);
    const listed = mine.find((entry) => entry.caseNumber === first.platformNumber);
    expect(listed).toMatchObject({ localNumber: 'TB-A-20261122-0001', channel: 'kiosk', state: 'accepted' });
    expect(listed?.timeline.map((entry) => entry.state)).toEqual(['received', 'accepted']);
  });

  it('refuses what the contract refuses with a PlatformRejection the outbox will not retry', async () => {
    const platform = kiosk('TB-A');
    const notApplicable = { ...application('TB-A-20261122-0002'), itemCode: '330100-HJ-00501-000' };
    const error = await platform.submitApplication(notApplicable).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PlatformRejection);
    expect(error).toMatchObject({ code: 'item-not-applicable', status: 409 });
  });

  it('books and cancels an appointment, takes a queue number, records a rating', async () => {
    const platform = kiosk('TB-A');
    const slots = await platform.listSlots('330100-HJ-00501-000', undefined);
    const booked = await platform.bookAppointment({ applicant: zhangApplicant, slotId: slots[0]!.id, itemCode: '330100-HJ-00501-000' });
    expect((await platform.listAppointments(zhangApplicant)).map((entry) => entry.id)).toContain(booked.id);
    await platform.cancelAppointment(zhangApplicant, booked.id);
    await expect(platform.cancelAppointment(zhangApplicant, booked.id)).rejects.toMatchObject({ code: 'appointment-not-found' });
    const ticket = await platform.takeQueueNumber({ applicant: zhangApplicant, category: 'tax' });
    expect(ticket.number).toMatch(/^F\d{3}$/);
    expect(await platform.queueStatus(ticket.number)).toMatchObject({ number: ticket.number });
    expect(await platform.queueStatus('Z999')).toBeNull();
    const rating = {
      idempotencyKey: randomUUID(),
      caseNumber: 'X1',
      itemCode: '330100-JD-00131-000',
      grade: 1,
      indicators: ['efficiency' as const],
      ratedAt: '2026-11-22T10:00:00+08:00',
      rater: zhangApplicant,
    };
    const stored = await platform.submitRating(rating);
    expect(await platform.submitRating(rating)).toEqual(stored);
  });

  it('gives certificate data for a fixture citizen and verifies only what was issued', async () => {
    const platform = kiosk('TB-A');
    const types = await platform.listCertificateTypes();
    expect(types.length).toBeGreaterThanOrEqual(1);
    const data = await platform.getCertificateData('social-insurance-contribution', zhang);
    expect(data?.holderName).toBe(zhang.name);
    expect(await platform.verifyCertificate('SB000000000000', 'ABCD-EFGH')).toBeNull();
  });

  it('keeps two kiosks apart: the same idempotency key makes two applications, each kiosk sees only its own deliveries', async () => {
    const key = randomUUID();
    const a = await kiosk('TB-A').submitApplication(application('TB-A-20261122-0009', key));
    const b = await kiosk('TB-B').submitApplication(application('TB-B-20261122-0001', key));
    expect(b.platformNumber).not.toBe(a.platformNumber);
    const deliveries = async (kioskId: string) => {
      const response = await fetch(`${server.url}/v1/kiosk/deliveries`, { headers: { 'x-kiosk-id': kioskId } });
      return ((await response.json()) as { deliveries: { localNumber: string }[] }).deliveries.map((entry) => entry.localNumber);
    };
    expect(await deliveries('TB-B')).toEqual(['TB-B-20261122-0001']);
    expect(await deliveries('TB-A')).not.toContain('TB-B-20261122-0001');
    const noKiosk = await fetch(`${server.url}/v1/catalogue`);
    expect(noKiosk.status).toBe(400);
  });

  it('serves a verification page that says "not verified" for a wrong code and offers the typed-code form', async () => {
    const page = await (await fetch(`${server.url}/verify?no=SB000000000000&code=ABCD`)).text();
    expect(page).toContain('未通过核验');
    const form = await (await fetch(`${server.url}/verify`)).text();
    expect(form).toContain('name="code"');
  });

  it('publishes the contract it speaks: config/platform-openapi.json is generated from the same schemas', () => {
    const text = readFileSync(platformOpenApiFile, 'utf8');
    expect(text).toBe(platformOpenApiText());
    const document = JSON.parse(text) as { components: { schemas: Record<string, unknown> } };
    const references = [...text.matchAll(/"\$ref": "#\/components\/schemas\/([A-Za-z]+)"/g)].map((match) => match[1]!);
    expect(references.length).toBeGreaterThan(10);
    for (const name of references) expect(document.components.schemas[name], name).toBeDefined();
  });
});

describe('standalone server with enrolled kiosks', () => {
  let server: RunningPlatformServer;
  let root: string;
  let tokenA: string;
  let tokenB: string;

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'tongban-enrol-'));
    const platformDir = path.join(root, 'platform');
    for (const [kioskId, dir] of [
      ['TB-A', 'kiosk-a'],
      ['TB-B', 'kiosk-b'],
    ] as const) {
      execFileSync(
        process.execPath,
        ['--import', 'tsx', 'device-bridge/src/platform-server/enroll.ts', kioskId, path.join(root, dir), platformDir],
        { cwd: repoRoot },
      );
    }
    tokenA = kioskPlatformToken(path.join(root, 'kiosk-a'), randomBytes);
    tokenB = kioskPlatformToken(path.join(root, 'kiosk-b'), randomBytes);
    server = await startPlatformServer({ dataDir: platformDir });
  });
  afterAll(async () => {
    await server?.stop();
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('serves an enrolled kiosk with its own token and refuses one kiosk posing as another', async () => {
    const a = createHttpPlatform({ baseUrl: server.url, kioskId: 'TB-A', token: tokenA, timeoutMs: 5_000, readRetries: 0 });
    const sent = application('TB-A-20261122-0001');
    await a.submitApplication(sent);
    const posing = createHttpPlatform({ baseUrl: server.url, kioskId: 'TB-A', token: tokenB, timeoutMs: 5_000, readRetries: 0 });
    const error = await posing.submitApplication(application('TB-A-20261122-0002')).catch((caught: unknown) => caught);
    // kept for a retry, not refused for good: a wrong token is the kiosk's setup, not the citizen's application
    expect(error).toBeInstanceOf(PlatformUnavailable);
    expect((error as Error).message).toMatch(/credentials/);
    const unenrolled = await fetch(`${server.url}/v1/kiosk/deliveries`, { headers: { 'x-kiosk-id': 'TB-A' } });
    expect(unenrolled.status).toBe(401);
    const asB = await fetch(`${server.url}/v1/kiosk/deliveries`, { headers: { 'x-kiosk-id': 'TB-A', authorization: `Bearer ${tokenB}` } });
    expect(asB.status).toBe(401);
    const own = await fetch(`${server.url}/v1/kiosk/deliveries`, { headers: { 'x-kiosk-id': 'TB-A', authorization: `Bearer ${tokenA}` } });
    expect(((await own.json()) as { deliveries: { idempotencyKey: string }[] }).deliveries.map((entry) => entry.idempotencyKey)).toEqual([
      sent.idempotencyKey,
    ]);
  });
});
