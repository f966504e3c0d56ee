import { describe, expect, it } from 'vitest';
import { BridgeError } from './bridge-error.ts';
import { createBridgeClient, type FetchLike } from './client.ts';
import { parseKioskEvent } from './events.ts';

function respond(status: number, body?: unknown): FetchLike {
  return async () => new Response(body === undefined ? null : JSON.stringify(body), { status });
}

describe('bridge client', () => {
  it('turns the bridge error body into a BridgeError with its stable code', async () => {
    const client = createBridgeClient('', respond(503, { error: { code: 'printer-unavailable', message: '打印机缺纸' } }));
    const failure = await client.submitPrintJob('social-insurance-contribution').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(BridgeError);
    expect(failure).toMatchObject({ code: 'printer-unavailable', status: 503, message: '打印机缺纸' });
  });

  it('reports an unreachable bridge as "unreachable", not as a crash', async () => {
    const client = createBridgeClient('', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(client.fetchHealth()).rejects.toMatchObject({ code: 'unreachable', status: 0 });
  });

  it('reads "no session" as null so the UI can show attract', async () => {
    const client = createBridgeClient('', respond(404, { error: { code: 'no-session', message: 'no session' } }));
    expect(await client.getSession()).toBeNull();
  });

  it('sends the exit reason when ending the session and accepts 204', async () => {
    const calls: { url: string; init?: RequestInit }[] = [];
    const client = createBridgeClient('http://kiosk', async (url, init) => {
      calls.push({ url, init });
      return new Response(null, { status: 204 });
    });
    await client.endSession('timeout');
    expect(calls).toEqual([expect.objectContaining({ url: 'http://kiosk/api/session' })]);
    expect(calls[0]?.init?.method).toBe('DELETE');
    expect(JSON.parse(String(calls[0]?.init?.body))).toEqual({ reason: 'timeout' });
  });

  it('searches the catalogue with only the filters given, encoded', async () => {
    const urls: string[] = [];
    const client = createBridgeClient('', async (url) => {
      urls.push(url);
      return new Response(JSON.stringify({ items: [], categories: [] }), { status: 200 });
    });
    await client.searchCatalogue({ q: '社保 证明', category: undefined });
    await client.searchCatalogue({});
    expect(urls).toEqual(['/api/catalogue?q=%E7%A4%BE%E4%BF%9D+%E8%AF%81%E6%98%8E', '/api/catalogue']);
  });

  it('calls a body that is not the contract a bad response', async () => {
    const client = createBridgeClient('', async () => new Response('<html>proxy error</html>', { status: 502 }));
    await expect(client.listCertificates()).rejects.toMatchObject({ code: 'bad-response', status: 502 });
  });
});

describe('SSE event parsing', () => {
  it('accepts known events and drops garbage instead of breaking the flow', () => {
    expect(parseKioskEvent('{"type":"card-reading"}')).toEqual({ type: 'card-reading' });
    expect(parseKioskEvent('{"type":"nonsense"}')).toBeNull();
    expect(parseKioskEvent('not json')).toBeNull();
  });
});
