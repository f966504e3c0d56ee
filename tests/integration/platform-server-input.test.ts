// Bad input at the standalone platform server: whatever a kiosk (or anyone) sends that the contract
// or the item's own guide refuses gets a 4xx with a code and the field named, and nothing is stored.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureCitizen } from '../../device-bridge/src/platform/embedded/fixtures.ts';
import { startPlatformServer, type RunningPlatformServer } from './platform-server.support.ts';

const kioskId = 'TB-INPUT';
const zhang = fixtureCitizen('zhang-wei').card;
const applicant = { idNumber: zhang.idNumber, name: zhang.name };
const pdfBase64 = Buffer.from('%PDF-1.4\n% household register page\n%%EOF\n').toString('base64');

/** 城乡居民基本养老保险参保登记: phone + a choice, and the household register page (kiosk-capturable) */
const application = (overrides: Record<string, unknown> = {}) => ({
  idempotencyKey: randomUUID(),
  localNumber: `${kioskId}-20261122-0001`,
  itemCode: '330100-JD-00133-000',
  applicant,
  form: { phone: '13800000000', grade: '500元' },
  materials: [{ materialId: 'household-register', fileName: 'household-register.pdf', pdfBase64 }],
  delivery: 'collect',
  submittedAt: '2026-11-22T10:00:00.000+08:00',
  ...overrides,
});
const rating = (overrides: Record<string, unknown> = {}) => ({
  idempotencyKey: randomUUID(),
  caseNumber: '3301202611220000001',
  itemCode: '330100-JD-00133-000',
  grade: 4,
  indicators: [],
  ratedAt: '2026-11-22T10:05:00.000+08:00',
  rater: applicant,
  ...overrides,
});

describe('standalone platform server: bad input', () => {
  let server: RunningPlatformServer;
  beforeAll(async () => {
    server = await startPlatformServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  async function post(path: string, body: unknown, headers: Record<string, string | null> = {}) {
    const key = typeof body === 'object' && body !== null ? (body as { idempotencyKey?: string }).idempotencyKey : undefined;
    const all: Record<string, string> = {
      'content-type': 'application/json',
      'x-kiosk-id': kioskId,
      ...(key ? { 'idempotency-key': key } : {}),
    };
    for (const [name, value] of Object.entries(headers)) {
      if (value === null) delete all[name];
      else all[name] = value;
    }
    const response = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: all,
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as { error?: { code: string; message: string } } };
  }
  const deliveries = async () =>
    ((await (await fetch(`${server.url}/v1/kiosk/deliveries`, { headers: { 'x-kiosk-id': kioskId } })).json()) as { deliveries: unknown[] })
      .deliveries.length;

  it('takes a complete application (the baseline the refusals below differ from)', async () => {
    expect((await post('/v1/applications', application())).status).toBe(201);
    expect((await post('/v1/ratings', rating())).status).toBe(201);
  });

  it('refuses ratings the 好差评 rules refuse: a bad grade without indicators, an unknown item, a time that is not one', async () => {
    const bad = await post('/v1/ratings', rating({ grade: 1, indicators: [] }));
    expect(bad).toMatchObject({ status: 400, body: { error: { code: 'bad-request' } } });
    expect(bad.body.error?.message).toMatch(/^indicators: a bad grade/);
    expect((await post('/v1/ratings', rating({ grade: 2, indicators: ['efficiency'] }))).status).toBe(201);
    expect(await post('/v1/ratings', rating({ itemCode: '330100-XX-99999-000' }))).toMatchObject({
      status: 404,
      body: { error: { code: 'item-not-found' } },
    });
    const yesterday = await post('/v1/ratings', rating({ ratedAt: 'yesterday' }));
    expect(yesterday.status).toBe(400);
    expect(yesterday.body.error?.message).toMatch(/^ratedAt:/);
    expect((await post('/v1/ratings', rating({ ratedAt: '2026-11-22 10:05' }))).status).toBe(400);
  });

  it('refuses applications the guide or the contract refuses, and stores none of them', async () => {
    const before = await deliveries();
    const cases: [string, Record<string, unknown>, RegExp][] = [
      ['no form fields', { form: {} }, /^form\.phone: /],
      ['a choice that is not offered', { form: { phone: '13800000000', grade: '800元' } }, /^form\.grade: choose one of/],
      ['a field the item does not have', { form: { phone: '13800000000', grade: '500元', note: 'x' } }, /^form\.note: not a field/],
      ['no material', { materials: [] }, /^materials\.household-register: /],
      [
        'a material the guide does not list',
        { materials: [{ materialId: 'page', fileName: 'p.pdf', pdfBase64 }] },
        /^materials\.page: not a material/,
      ],
      [
        'material bytes not base64',
        { materials: [{ materialId: 'household-register', fileName: 'h.pdf', pdfBase64: 'this is not base64!' }] },
        /^materials\.0\.pdfBase64: /,
      ],
      [
        'material bytes not a PDF',
        {
          materials: [
            { materialId: 'household-register', fileName: 'h.pdf', pdfBase64: Buffer.from('\x89PNG\r\n\x1a\n....').toString('base64') },
          ],
        },
        /not a PDF/,
      ],
      ['a submission time that is not one', { submittedAt: 'garbage' }, /^submittedAt: /],
      ['a signature that is not base64', { signaturePngBase64: '<svg/>' }, /^signaturePngBase64: /],
      ['an unknown item', { itemCode: '330100-XX-99999-000' }, /no service item/],
    ];
    for (const [what, overrides, message] of cases) {
      const answer = await post('/v1/applications', application(overrides));
      expect(answer.status, what).toBeGreaterThanOrEqual(400);
      expect(answer.status, what).toBeLessThan(500);
      expect(answer.body.error?.message, what).toMatch(message);
    }
    expect(await deliveries()).toBe(before);
  });

  it('needs the Idempotency-Key header, equal to the body key, and says which', async () => {
    const sent = application();
    const missing = await post('/v1/applications', sent, { 'idempotency-key': null });
    expect(missing).toMatchObject({
      status: 400,
      body: { error: { code: 'bad-request', message: expect.stringMatching(/Idempotency-Key header is required/) } },
    });
    const other = await post('/v1/applications', sent, { 'idempotency-key': randomUUID() });
    expect(other).toMatchObject({ status: 400, body: { error: { message: expect.stringMatching(/differ/) } } });
    expect((await post('/v1/ratings', rating(), { 'idempotency-key': null })).status).toBe(400);
    expect((await post('/v1/applications', sent)).status).toBe(201);
  });

  it('answers a body that is not JSON with 400 and one that is too large with 413, both as JSON errors', async () => {
    const broken = await post('/v1/applications', '{"idempotencyKey": "abc", ');
    expect(broken).toMatchObject({ status: 400, body: { error: { code: 'bad-request', message: 'body is not valid JSON' } } });
    const huge = application({
      materials: [{ materialId: 'household-register', fileName: 'h.pdf', pdfBase64: 'A'.repeat(26 * 1024 * 1024) }],
    });
    expect(await post('/v1/applications', huge)).toMatchObject({
      status: 413,
      body: { error: { code: 'bad-request', message: 'body too large' } },
    });
  });
});
