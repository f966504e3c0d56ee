import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { KioskEvent } from './api/index.ts';
import { kioskEventSchema } from './api/index.ts';
import { composeBridge, type Bridge } from './compose.ts';
import { loadConfig } from './config/load.ts';
import { freePort } from './free-port.support.ts';
import { createMemoryLogger } from './log/logger.ts';

// The bridge wired as in production (simulated devices, embedded platform, SQLite, real HTTP),
// in-process so each step of a citizen's visit can be checked through the API alone.

const running: Array<{ bridge: Bridge; abort: AbortController }> = [];
afterEach(async () => {
  for (const { bridge, abort } of running.splice(0)) {
    abort.abort();
    await bridge.stop();
  }
});

async function start(session: Partial<{ uiDisconnectGraceSeconds: number }> = {}) {
  const base = loadConfig({});
  const port = await freePort();
  const config = {
    ...base,
    server: { ...base.server, port },
    session: { ...base.session, ...session },
    devices: {
      ...base.devices,
      'id-reader': { driver: 'simulated' as const, readMs: 5 },
      'a4-printer': { driver: 'simulated' as const, pageMs: 5 },
    },
  };
  const dataDir = mkdtempSync(join(tmpdir(), 'tongban-app-'));
  const logger = createMemoryLogger();
  const bridge = await composeBridge(config, { dataDir, logger, strictResponses: true });
  await bridge.listen();
  const abort = new AbortController();
  running.push({ bridge, abort });
  const url = `http://127.0.0.1:${port}`;
  const api = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(url + path, {
      method,
      signal: abort.signal,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };
  return { bridge, url, api, dataDir, logger, abort };
}

/** Reads the SSE stream and lets a test wait for the next event of a kind. */
async function openEvents(url: string, signal: AbortSignal) {
  const response = await fetch(`${url}/api/events`, { signal });
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const events: KioskEvent[] = [];
  let buffer = '';
  const waiters: Array<() => void> = [];
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const message = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = message.split('\n').find((line) => line.startsWith('data: '));
          if (data) events.push(kioskEventSchema.parse(JSON.parse(data.slice(6))));
          waiters.splice(0).forEach((wake) => wake());
        }
      }
    } catch {
      // aborted at the end of the test
    }
  })();
  return {
    events,
    async next<T extends KioskEvent['type']>(type: T, where: (event: Extract<KioskEvent, { type: T }>) => boolean = () => true) {
      for (let seen = 0; ;) {
        for (; seen < events.length; seen++) {
          const event = events[seen]!;
          if (event.type === type && where(event as Extract<KioskEvent, { type: T }>)) {
            events.splice(0, seen + 1);
            return event as Extract<KioskEvent, { type: T }>;
          }
        }
        await new Promise<void>((resolve) => waiters.push(resolve));
      }
    },
  };
}

describe('device bridge API', () => {
  it('serves a whole visit: card → masked session → preview → print → rating → exit wipes', async () => {
    const { url, api, dataDir, abort, logger } = await start();
    const stream = await openEvents(url, abort.signal);
    expect(await stream.next('hello')).toMatchObject({ session: null });

    expect((await api('POST', '/api/sim/id-reader/card', { fixture: 'zhang-wei' })).status).toBe(204);
    await stream.next('card-reading');
    const started = await stream.next('session-started');
    expect(started.session.maskedIdNumber).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);

    const session = await api('GET', '/api/session');
    expect(session.status).toBe(200);
    expect(session.body).toEqual(started.session);

    const preview = await api('POST', '/api/certificates/preview', { type: 'social-insurance-contribution' });
    expect(preview.status).toBe(200);
    expect(preview.body.rows).toHaveLength(12);
    expect(preview.body.maskedIdNumber).toBe(started.session.maskedIdNumber);

    const submitted = await api('POST', '/api/print-jobs', { type: 'social-insurance-contribution' });
    expect(submitted.status).toBe(202);
    const done = await stream.next('job', (event) => event.job.state === 'completed');
    expect(done.job.id).toBe(submitted.body.id);
    expect(existsSync(join(dataDir, 'print-out', `${submitted.body.id}.pdf`))).toBe(true);

    const rating = await api('POST', '/api/ratings', {
      grade: 5,
      serviceCode: 'social-insurance-contribution',
      caseId: submitted.body.certificateNumber,
    });
    expect(rating.status).toBe(201);

    expect((await api('DELETE', '/api/session', { reason: 'exit' })).status).toBe(204);
    expect(await stream.next('session-ended')).toEqual({ type: 'session-ended', reason: 'exit' });
    expect((await api('GET', '/api/session')).body).toMatchObject({ error: { code: 'no-session' } });
    expect((await api('POST', '/api/certificates/preview', { type: 'social-insurance-contribution' })).status).toBe(404);

    const fixture = (await api('GET', '/api/sim/fixtures')).body.find((f: { id: string }) => f.id === 'zhang-wei');
    const logText = logger.lines.join('\n');
    expect(logText).not.toContain(fixture.card.idNumber);
    expect(logText).not.toContain(fixture.card.name);
  });

  it('tells the UI about an expired card and opens no session', async () => {
    const { url, api, abort } = await start();
    const stream = await openEvents(url, abort.signal);
    await api('POST', '/api/sim/id-reader/card', { fixture: 'chen-expired' });
    expect(await stream.next('card-rejected')).toEqual({ type: 'card-rejected', reason: 'expired' });
    expect((await api('GET', '/api/session')).status).toBe(404);
  });

  it('ignores a second card while a citizen is being served', async () => {
    const { url, api, abort } = await start();
    const stream = await openEvents(url, abort.signal);
    await api('POST', '/api/sim/id-reader/card', { fixture: 'li-na' });
    const first = await stream.next('session-started');
    await api('DELETE', '/api/sim/id-reader/card');
    await api('POST', '/api/sim/id-reader/card', { fixture: 'zhang-wei' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await api('GET', '/api/session')).body.id).toBe(first.session.id);
  });

  it('ends the session when the UI goes away and does not come back', async () => {
    const { url, api, abort } = await start({ uiDisconnectGraceSeconds: 0.05 });
    const watcher = new AbortController();
    const stream = await openEvents(url, watcher.signal);
    await api('POST', '/api/sim/id-reader/card', { fixture: 'li-na' });
    await stream.next('session-started');
    watcher.abort();
    const deadline = Date.now() + 2000;
    while ((await api('GET', '/api/session')).status !== 404 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect((await api('GET', '/api/session')).status).toBe(404);
    void abort;
  });

  it('answers bad bodies with 400 and a message naming the field', async () => {
    const { api } = await start();
    const response = await api('POST', '/api/sim/a4-printer/state', { state: 'on-fire' });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('bad-request');
    expect(response.body.error.message).toContain('state');
    expect((await api('POST', '/api/ratings', { grade: 9 })).status).toBe(400);
  });

  it('stops offering certificate printing when the printer runs out of paper', async () => {
    const { api } = await start();
    await api('POST', '/api/sim/a4-printer/state', { state: 'paper-out' });
    const health = (await api('GET', '/api/health')).body;
    expect(health.capabilities).toMatchObject({ identify: true, printCertificate: false });
    expect(health.status).toBe('degraded');
    await api('POST', '/api/sim/devices/id-reader/disconnect');
    // a 网证 code on the scanner still identifies (the simulated kiosk has an e-ID verifier) …
    expect((await api('GET', '/api/health')).body).toMatchObject({ status: 'degraded', capabilities: { identify: true, eIdLogin: true } });
    // … until the scanner goes too
    await api('POST', '/api/sim/devices/scanner/disconnect');
    expect((await api('GET', '/api/health')).body.status).toBe('out-of-service');
  });
});
