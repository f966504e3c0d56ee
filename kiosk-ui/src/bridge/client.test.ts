import { describe, expect, it } from 'vitest';
import { BridgeError } from './bridge-error.ts';
import { createBridgeClient, type FetchLike } from './client.ts';
import { parseKioskEvent } from './events.ts';

function respond(status: number, body?: unknown, headers: Record<string, string> = {}): FetchLike {
  return async () => new Response(body === undefined ? null : JSON.stringify(body), { status, headers });
}

/** a fetch that records what was asked and answers 204 */
function recording() {
  const calls: { url: string; init?: RequestInit }[] = [];
  const fetch: FetchLike = async (url, init) => {
    calls.push({ url, ...(init ? { init } : {}) });
    return new Response(null, { status: 204 });
  };
  return { calls, fetch };
}

describe('bridge client', () => {
  it('turns the bridge error body into a BridgeError with its stable code', async () => {
    const client = createBridgeClient({ fetch: respond(503, { error: { code: 'printer-unavailable', message: '打印机缺纸' } }) });
    const failure = await client.printJobs({ body: { type: 'social-insurance-contribution' } }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(BridgeError);
    expect(failure).toMatchObject({ code: 'printer-unavailable', status: 503, message: '打印机缺纸' });
  });

  it('reports an unreachable bridge as "unreachable", not as a crash', async () => {
    const client = createBridgeClient({
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
    });
    await expect(client.health()).rejects.toMatchObject({ code: 'unreachable', status: 0 });
  });

  it('sends the exit reason when ending the session and accepts 204', async () => {
    const { calls, fetch } = recording();
    const client = createBridgeClient({ baseUrl: 'http://kiosk', fetch });
    await client.endSession({ body: { reason: 'timeout' } });
    expect(calls).toEqual([expect.objectContaining({ url: 'http://kiosk/api/session' })]);
    expect(calls[0]?.init?.method).toBe('DELETE');
    expect(JSON.parse(String(calls[0]?.init?.body))).toEqual({ reason: 'timeout' });
  });

  it('searches the catalogue with only the filters given, encoded', async () => {
    const urls: string[] = [];
    const client = createBridgeClient({
      fetch: async (url) => {
        urls.push(url);
        return new Response(JSON.stringify({ items: [], categories: [] }), { status: 200 });
      },
    });
    await client.catalogue({ query: { q: '社保 证明', category: undefined } });
    await client.catalogue();
    expect(urls).toEqual(['/api/catalogue?q=%E7%A4%BE%E4%BF%9D+%E8%AF%81%E6%98%8E', '/api/catalogue']);
  });

  it('puts path params into the path, encoded, and a technician token into the Authorization header', async () => {
    const { calls, fetch } = recording();
    const client = createBridgeClient({ fetch });
    await client.materialPage({ params: { captureId: 'a/b', index: 2 } });
    await client.technicianPrintProblemHandled({ token: 'ab'.repeat(32), params: { id: 'job 1' } });
    expect(calls.map(({ url, init }) => `${init?.method} ${url}`)).toEqual([
      'PUT /api/materials/captures/a%2Fb/pages/2',
      'POST /api/technician/print-jobs/job%201/acknowledge',
    ]);
    expect(new Headers(calls[1]?.init?.headers).get('authorization')).toBe(`Bearer ${'ab'.repeat(32)}`);
  });

  it('reads when to try again from Retry-After', async () => {
    const client = createBridgeClient({
      fetch: respond(429, { error: { code: 'technician-locked-out', message: 'locked' } }, { 'Retry-After': '30' }),
    });
    await expect(client.technicianLogin({ body: { pin: '1234' } })).rejects.toMatchObject({
      code: 'technician-locked-out',
      retryAfterSeconds: 30,
    });
  });

  it('calls a body that is not the contract a bad response', async () => {
    const client = createBridgeClient({ fetch: async () => new Response('<html>proxy error</html>', { status: 502 }) });
    await expect(client.certificates()).rejects.toMatchObject({ code: 'bad-response', status: 502 });
  });
});

describe('SSE event parsing', () => {
  it('accepts known events and drops garbage instead of breaking the flow', () => {
    expect(parseKioskEvent('{"type":"card-reading"}')).toEqual({ type: 'card-reading' });
    expect(parseKioskEvent('{"type":"nonsense"}')).toBeNull();
    expect(parseKioskEvent('not json')).toBeNull();
  });
});
