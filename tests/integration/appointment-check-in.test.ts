// 预约签到 through the real bridge: a scanned appointment code is looked up without a session (only
// the appointment, nothing about the person), checked in once for a queue number printed on the
// receipt printer, and refused plainly when unknown, not today or already checked in; the same
// through the HTTP platform adapter against the standalone platform server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPaths } from '../../device-bridge/src/api/routes.ts';
import type { AppointmentCheckInView, QueueTicket } from '../../device-bridge/src/api/index.ts';
import { fixtureCitizen } from '../../device-bridge/src/platform/embedded/fixtures.ts';
import { createHttpPlatform } from '../../device-bridge/src/platform/http/http-platform.ts';
import { startBridge, type RunningBridge } from '../support/bridge-process.ts';
import { rawRequest } from '../support/http.ts';
import { bookAppointmentForNow } from '../support/today-appointment.ts';
import { startPlatformServer } from './platform-server.support.ts';

const zhang = fixtureCitizen('zhang-wei').card;

async function call(bridge: RunningBridge, method: string, url: string) {
  const response = await rawRequest(`${bridge.url}${url}`, { method, ...(method === 'POST' ? { body: {} } : {}) });
  return { status: response.status, body: response.text ? (response.json() as Record<string, unknown>) : {} };
}

describe('appointment check-in at the kiosk (no session)', () => {
  let bridge: RunningBridge;
  beforeAll(async () => {
    bridge = await startBridge();
    bookAppointmentForNow(bridge.dataDir, { id: 'YY-TEST-NOW-1', idNumber: zhang.idNumber });
  });
  afterAll(async () => {
    await bridge?.stop();
  });

  it('shows the appointment without the person, checks it in once and prints its queue number', async () => {
    const shown = await call(bridge, 'GET', apiPaths.appointmentCheckIn('YY-TEST-NOW-1'));
    expect(shown.status).toBe(200);
    const view = shown.body as unknown as AppointmentCheckInView;
    expect(view).toMatchObject({
      checkIn: 'open',
      appointment: { id: 'YY-TEST-NOW-1', itemName: '居民身份证换领', window: 'B05', state: 'booked' },
    });
    expect(JSON.stringify(view)).not.toContain(zhang.idNumber);
    expect(JSON.stringify(view)).not.toContain(zhang.name);
    const checked = await call(bridge, 'POST', apiPaths.appointmentCheckIn('YY-TEST-NOW-1'));
    expect(checked.status, JSON.stringify(checked.body)).toBe(201);
    const ticket = checked.body as unknown as QueueTicket;
    expect(ticket.number).toMatch(/^[A-Z]\d{3}$/);
    expect(ticket.printed).toBe(true);
    expect((await call(bridge, 'GET', apiPaths.queueTicket(ticket.number))).status).toBe(200);
    // a second scan of the same code gives no second number
    const again = await call(bridge, 'POST', apiPaths.appointmentCheckIn('YY-TEST-NOW-1'));
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'appointment-checked-in' } } });
    expect((await call(bridge, 'GET', apiPaths.appointmentCheckIn('YY-TEST-NOW-1'))).body).toMatchObject({ checkIn: 'checked-in' });
    expect(bridge.logs()).toContain('appointment-checked-in');
    expect(bridge.logs()).not.toContain(zhang.idNumber);
  });

  it('says plainly why not: an unknown code, an appointment for another day, a malformed code', async () => {
    expect(await call(bridge, 'GET', apiPaths.appointmentCheckIn('YY-NO-SUCH'))).toMatchObject({
      status: 404,
      body: { error: { code: 'appointment-not-found' } },
    });
    expect(await call(bridge, 'POST', apiPaths.appointmentCheckIn('YY-NO-SUCH'))).toMatchObject({
      status: 404,
      body: { error: { code: 'appointment-not-found' } },
    });
    // the demo appointment the platform seeds is on a working day from tomorrow on
    expect((await call(bridge, 'GET', apiPaths.appointmentCheckIn('YY000000000001'))).body).toMatchObject({ checkIn: 'not-today' });
    expect(await call(bridge, 'POST', apiPaths.appointmentCheckIn('YY000000000001'))).toMatchObject({
      status: 409,
      body: { error: { code: 'appointment-not-today' } },
    });
    expect((await call(bridge, 'GET', apiPaths.appointmentCheckIn('a b'))).status).toBe(400);
  });
});

describe('appointment check-in over the HTTP platform adapter', () => {
  it('finds and checks in through the standalone server; an unknown code is null', async () => {
    const server = await startPlatformServer();
    try {
      bookAppointmentForNow(server.dataDir, { id: 'YY-TEST-HTTP-1', idNumber: zhang.idNumber });
      const platform = createHttpPlatform({ baseUrl: server.url, kioskId: 'TB-CHK', timeoutMs: 5_000, readRetries: 1 });
      expect(await platform.findAppointment('YY-NO-SUCH')).toBeNull();
      expect(await platform.findAppointment('YY-TEST-HTTP-1')).toMatchObject({ checkIn: 'open' });
      const ticket = await platform.checkInAppointment('YY-TEST-HTTP-1');
      expect(ticket.category).toBe('household');
      await expect(platform.checkInAppointment('YY-TEST-HTTP-1')).rejects.toMatchObject({ code: 'appointment-checked-in' });
    } finally {
      await server.stop();
    }
  });
});
