// The HTTP adapter and the outbox facing a platform that fails: 500s, no answer, malformed JSON,
// and a refusal. A stand-in server on loopback plays each failure; the adapter must call each a
// "try later" (PlatformUnavailable) or a "no" (PlatformRejection), repeat only reads, and the
// outbox must keep the application until the platform really has it.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PlatformRejection, PlatformUnavailable, type SubmitApplication } from '../../device-bridge/src/platform/contract.ts';
import { createHttpPlatform } from '../../device-bridge/src/platform/http/http-platform.ts';
import { createOutbox } from '../../device-bridge/src/outbox/outbox.ts';
import { createPlatformLink } from '../../device-bridge/src/platform-link/platform-link.ts';
import { createManualClock } from '../../device-bridge/src/devices/testing/manual-clock.ts';

type Behaviour = 'ok' | 'error-500' | 'hang' | 'malformed' | 'wrong-shape' | 'refuse-409';

describe('platform adapter against a failing platform', () => {
  let server: Server;
  let url: string;
  let behaviour: Behaviour = 'ok';
  const requests: { method: string; path: string; idempotencyKey: string | undefined }[] = [];

  beforeAll(async () => {
    server = createServer((request: IncomingMessage, response: ServerResponse) => {
      requests.push({
        method: request.method ?? '',
        path: request.url ?? '',
        idempotencyKey: request.headers['idempotency-key'] as string | undefined,
      });
      request.resume();
      request.on('end', () => {
        const json = (status: number, body: unknown) =>
          response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
        if (behaviour === 'hang') return; // never answers
        if (behaviour === 'error-500') return json(500, { error: { code: 'internal', message: 'boom' } });
        if (behaviour === 'malformed') return response.writeHead(200, { 'content-type': 'application/json' }).end('{"items": [');
        if (behaviour === 'wrong-shape') return json(200, { items: [{ code: 42 }] });
        if (behaviour === 'refuse-409') return json(409, { error: { code: 'item-not-applicable', message: 'not at a kiosk' } });
        if (request.url?.startsWith('/v1/applications')) {
          return json(201, {
            platformNumber: '3301202611220000001',
            itemName: '灵活就业人员参保登记',
            state: 'accepted',
            acceptedAt: '2026-11-22T10:00:00+08:00',
            office: 'x',
          });
        }
        return json(200, { items: [] });
      });
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const address = server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    server.close();
  });
  beforeEach(() => {
    behaviour = 'ok';
    requests.length = 0;
  });

  const adapter = () => createHttpPlatform({ baseUrl: url, kioskId: 'TB-F', timeoutMs: 300, readRetries: 2 });
  const application = (): SubmitApplication => ({
    idempotencyKey: randomUUID(),
    localNumber: 'TB-F-20261122-0001',
    itemCode: '330100-JD-00131-000',
    applicant: { idNumber: '330106199103142171', name: '张伟' },
    form: {},
    materials: [],
    delivery: 'collect',
    submittedAt: '2026-11-22T10:00:00+08:00',
  });

  it('calls a 500 "try later", repeats a read but never a write', async () => {
    behaviour = 'error-500';
    await expect(adapter().listServiceItems({})).rejects.toBeInstanceOf(PlatformUnavailable);
    expect(requests.filter((request) => request.method === 'GET')).toHaveLength(3);
    requests.length = 0;
    await expect(adapter().submitApplication(application())).rejects.toThrow(/500/);
    expect(requests).toHaveLength(1);
  });

  it('gives up on a platform that does not answer within the timeout', async () => {
    behaviour = 'hang';
    const error = await adapter()
      .submitApplication(application())
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PlatformUnavailable);
    expect((error as Error).message).toMatch(/no answer within 300 ms/);
  });

  it('treats malformed JSON and replies that break the contract as "try later", not as data', async () => {
    behaviour = 'malformed';
    await expect(adapter().listServiceItems({})).rejects.toThrow(/malformed JSON/);
    behaviour = 'wrong-shape';
    await expect(adapter().listServiceItems({})).rejects.toThrow(/does not match the contract/);
  });

  it('keeps a refusal a refusal, with the platform code, and sends the Idempotency-Key with every write', async () => {
    behaviour = 'refuse-409';
    const sent = application();
    const error = await adapter()
      .submitApplication(sent)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PlatformRejection);
    expect(error).toMatchObject({ code: 'item-not-applicable', status: 409 });
    expect(requests[0]?.idempotencyKey).toBe(sent.idempotencyKey);
  });

  it('outbox: holds the application through 500s, timeouts and garbage, with growing backoff, then delivers it once', async () => {
    const db = new Database(':memory:');
    const clock = createManualClock(new Date('2026-11-22T02:00:00Z'));
    const delays: number[] = [];
    const platform = adapter();
    const link = createPlatformLink({ clock });
    const outbox = createOutbox({
      db,
      key: randomBytes(32),
      clock,
      randomBytes,
      baseBackoffMs: 1_000,
      maxBackoffMs: 60_000,
      handlers: {
        application: {
          send: (payload) => platform.submitApplication(payload as SubmitApplication),
          acknowledged: () => undefined,
          refused: () => undefined,
        },
        rating: { send: async () => undefined, acknowledged: () => undefined, refused: () => undefined },
      },
      onEvent: (event) => {
        link.noteDelivery(event);
        if (event.type === 'retry') delays.push(event.delayMs);
      },
    });
    const sent = application();
    outbox.add('application', sent.idempotencyKey, sent);
    for (const failure of ['error-500', 'hang', 'malformed', 'error-500'] as const) {
      behaviour = failure;
      await outbox.drainOnce();
      expect(outbox.stats().backlog).toBe(1);
      expect(link.state().reachable).toBe(false);
      clock.advance(120_000);
    }
    // capped exponential with jitter in the upper half: 0.5–1 s, 1–2 s, 2–4 s, 4–8 s
    delays.forEach((delay, index) => {
      expect(delay).toBeGreaterThanOrEqual(1_000 * 2 ** index * 0.5);
      expect(delay).toBeLessThanOrEqual(1_000 * 2 ** index);
    });
    behaviour = 'ok';
    await outbox.drainOnce();
    expect(outbox.stats().backlog).toBe(0);
    const writes = requests.filter((request) => request.method === 'POST');
    expect(new Set(writes.map((request) => request.idempotencyKey))).toEqual(new Set([sent.idempotencyKey]));
    const row = db.prepare('SELECT state, payload, attempts FROM outbox').get() as {
      state: string;
      payload: Buffer | null;
      attempts: number;
    };
    expect(row).toMatchObject({ state: 'delivered', payload: null, attempts: 5 });
    db.close();
  });
});
