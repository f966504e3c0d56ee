// The bridge drives an ID card reader and printers on a machine with a browser on it. These tests
// play a hostile web page (DNS rebinding via a foreign Host, cross-site POSTs via a foreign Origin)
// against the real bridge process and check that only the kiosk's own page gets through.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPaths, errorBodySchema, healthResponseSchema, sessionViewSchema, simFixtureSchema } from '@tongban/device-bridge/api';
import { startBridge, type RunningBridge } from '../support/bridge-process.ts';
import { bridgeRequest, rawRequest } from '../support/http.ts';
import { waitFor } from '../support/wait.ts';

let bridge: RunningBridge;

beforeAll(async () => {
  bridge = await startBridge({ config: { devices: { 'id-reader': { driver: 'simulated', readMs: 20 } } } });
});

afterAll(async () => {
  await bridge?.stop();
});

function errorCodeOf(text: string): string {
  return errorBodySchema.parse(JSON.parse(text)).error.code;
}

describe('Host check (DNS rebinding)', () => {
  it('answers 421 misdirected-host with a JSON error to a foreign Host header', async () => {
    for (const apiPath of [apiPaths.health, apiPaths.session, apiPaths.simFixtures]) {
      const response = await rawRequest(bridge.url + apiPath, { headers: { host: `evil.example:${bridge.port}` } });
      expect(response.status, `${apiPath} with Host evil.example`).toBe(421);
      const body = errorBodySchema.parse(response.json());
      expect(body.error.code).toBe('misdirected-host');
      expect(body.error.message.length).toBeGreaterThan(0);
    }
  });

  it('does not serve the kiosk page to a foreign Host either', async () => {
    const response = await rawRequest(`${bridge.url}/`, { headers: { host: `evil.example:${bridge.port}` } });
    expect(response.status).toBe(421);
    expect(response.text).not.toContain('<script');
  });

  it('accepts the loopback names the kiosk browser uses', async () => {
    for (const host of [`localhost:${bridge.port}`, `127.0.0.1:${bridge.port}`]) {
      const response = await rawRequest(bridge.url + apiPaths.health, { headers: { host } });
      expect(response.status, `Host ${host}`).toBe(200);
    }
  });
});

describe('Origin check (cross-site requests)', () => {
  const harmlessScan = { data: 'SECURITY-TEST-QR' };

  it('refuses a state-changing request from a foreign page with 403 forbidden-origin', async () => {
    const response = await rawRequest(bridge.url + apiPaths.simScan, {
      method: 'POST',
      headers: { origin: 'http://evil.example' },
      body: harmlessScan,
    });
    expect(response.status).toBe(403);
    expect(errorCodeOf(response.text)).toBe('forbidden-origin');
  });

  it('refuses another local web server on a different port (it is a different origin)', async () => {
    const response = await rawRequest(bridge.url + apiPaths.simScan, {
      method: 'POST',
      headers: { origin: `http://127.0.0.1:${bridge.port === 1 ? 2 : 1}` },
      body: harmlessScan,
    });
    expect(response.status).toBe(403);
  });

  it('refuses a foreign page ending the citizen session (DELETE)', async () => {
    const response = await rawRequest(bridge.url + apiPaths.session, {
      method: 'DELETE',
      headers: { origin: 'http://evil.example' },
      body: { reason: 'exit' },
    });
    expect(response.status).toBe(403);
  });

  it("accepts a POST from the bridge's own origin", async () => {
    const response = await rawRequest(bridge.url + apiPaths.simScan, {
      method: 'POST',
      headers: { origin: bridge.url },
      body: harmlessScan,
    });
    expect(response.status).toBe(204);
  });

  it('never grants CORS, so a foreign page cannot read an answer either', async () => {
    const response = await rawRequest(bridge.url + apiPaths.health, { headers: { origin: 'http://evil.example' } });
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await rawRequest(bridge.url + apiPaths.simCard, {
      method: 'OPTIONS',
      headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('accepts a GET without an Origin header (the browser omits it for same-origin GETs)', async () => {
    const response = await rawRequest(bridge.url + apiPaths.health);
    expect(response.status).toBe(200);
  });
});

describe('request validation', () => {
  it('answers malformed JSON with 400 bad-request and a message a person can act on', async () => {
    const response = await rawRequest(bridge.url + apiPaths.simScan, {
      method: 'POST',
      headers: { origin: bridge.url },
      body: '{"data": "unterminated',
    });
    expect(response.status).toBe(400);
    const body = errorBodySchema.parse(response.json());
    expect(body.error.code).toBe('bad-request');
    expect(body.error.message.trim().length).toBeGreaterThan(0);
  });

  it('answers a well-formed body of the wrong shape with 400 bad-request', async () => {
    const response = await bridgeRequest(bridge.url, 'POST', apiPaths.simPrinterState('a4-printer'), {
      state: 'on-fire',
    });
    expect(response.status).toBe(400);
    expect(errorCodeOf(response.text)).toBe('bad-request');
  });
});

describe('simulation control (devices are simulated here)', () => {
  it('lists the fixture citizens', async () => {
    const response = await bridgeRequest(bridge.url, 'GET', apiPaths.simFixtures);
    expect(response.status).toBe(200);
    const fixtures = simFixtureSchema.array().parse(response.json());
    expect(fixtures.map((fixture) => fixture.id)).toEqual(
      expect.arrayContaining(['zhang-wei', 'li-na', 'wang-xiaoyu', 'zhao-guilan', 'ouyang-mingyuan', 'chen-expired']),
    );
  });

  it('opens a masked session when a fixture card is placed, and ends it on exit', async () => {
    const fixtures = simFixtureSchema.array().parse((await bridgeRequest(bridge.url, 'GET', apiPaths.simFixtures)).json());
    const zhangWei = fixtures.find((fixture) => fixture.id === 'zhang-wei');
    expect(zhangWei).toBeDefined();

    const placed = await bridgeRequest(bridge.url, 'POST', apiPaths.simCard, { fixture: 'zhang-wei' });
    expect(placed.status).toBe(204);

    const session = await waitForSession(bridge.url);
    expect(session.maskedIdNumber).toBe(`${zhangWei!.card.idNumber.slice(0, 6)}********${zhangWei!.card.idNumber.slice(-4)}`);
    expect(session.maskedName).not.toBe(zhangWei!.card.name);
    expect(session.salutation).toBe('male');
    // the session view is for the screen: the raw card never leaves the bridge
    const raw = (await bridgeRequest(bridge.url, 'GET', apiPaths.session)).text;
    expect(raw).not.toContain(zhangWei!.card.idNumber);
    expect(raw).not.toContain(zhangWei!.card.name);

    expect((await bridgeRequest(bridge.url, 'DELETE', apiPaths.simCard)).status).toBe(204);
    expect((await bridgeRequest(bridge.url, 'DELETE', apiPaths.session, { reason: 'exit' })).status).toBe(204);
    expect((await bridgeRequest(bridge.url, 'GET', apiPaths.session)).status).toBe(404);
  });

  it('sets a printer condition that /api/health then reports', async () => {
    const set = await bridgeRequest(bridge.url, 'POST', apiPaths.simPrinterState('a4-printer'), { state: 'paper-out' });
    expect(set.status).toBe(204);
    const health = await waitFor('health to show printing unavailable', async () => {
      const response = await bridgeRequest(bridge.url, 'GET', apiPaths.health);
      const parsed = healthResponseSchema.parse(response.json());
      return parsed.capabilities.printCertificate ? { note: response.text } : { value: parsed };
    });
    expect(health.capabilities.identify).toBe(true);
    expect(health.devices.find((device) => device.id === 'a4-printer')).toMatchObject({ state: 'fault', reason: 'paper-out' });
    expect((await bridgeRequest(bridge.url, 'POST', apiPaths.simPrinterState('a4-printer'), { state: 'ready' })).status).toBe(204);
  });
});

function waitForSession(baseUrl: string) {
  return waitFor('a session after placing the card', async () => {
    const response = await bridgeRequest(baseUrl, 'GET', apiPaths.session);
    return response.status === 200
      ? { value: sessionViewSchema.parse(response.json()) }
      : { note: `GET /api/session ${response.status} ${response.text}` };
  });
}
