import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import type { KioskEvent } from '../api/index.ts';
import { createManualClock } from '../devices/testing/manual-clock.ts';
import { createEventBus } from '../events/event-bus.ts';
import { endpointRouter } from '../http/endpoint-router.ts';
import { errorHandler } from '../http/error-handler.ts';
import { createMemoryLogger } from '../log/logger.ts';
import { callStaffHandlers } from './call-staff.ts';

const servers: Array<{ close: () => void }> = [];
afterEach(() => servers.splice(0).forEach((server) => server.close()));

/** The call-staff endpoint alone, registered from the endpoint table as the bridge does, with a session switch. */
async function start(options: { session: boolean }) {
  const bus = createEventBus();
  const events: KioskEvent[] = [];
  bus.subscribe((event) => events.push(event));
  const logger = createMemoryLogger();
  let ids = 0;
  const handlers = callStaffHandlers({
    bus,
    logger,
    clock: createManualClock(new Date('2025-03-01T09:00:00.000Z')),
    newId: () => `call-${++ids}`,
    inSession: () => options.session,
  });
  const app = express();
  app.use(express.json());
  app.use(
    endpointRouter(handlers, {
      guards: { currentSession: () => null, technicianActor: () => null },
      logger,
      strictResponses: true,
    }),
  );
  app.use(errorHandler(logger));
  const server = app.listen(0, '127.0.0.1');
  servers.push(server);
  await new Promise((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/call-staff`;
  const post = async (body: unknown) => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as { id?: string; calledAt?: string; error?: { code: string } } };
  };
  return { post, events, logger };
}

describe('POST /api/call-staff', () => {
  it('raises staff-called on the bus with the screen, and logs it', async () => {
    const { post, events, logger } = await start({ session: true });
    const reply = await post({ screen: 'certificate-preview' });
    expect(reply).toEqual({ status: 201, body: { id: 'call-1', calledAt: '2025-03-01T09:00:00.000Z' } });
    expect(events).toEqual([
      { type: 'staff-called', callId: 'call-1', screen: 'certificate-preview', inSession: true, calledAt: '2025-03-01T09:00:00.000Z' },
    ]);
    expect(logger.lines.join('')).toContain('"event":"staff-called"');
  });

  it('works before anyone is identified (someone stuck on the attract screen)', async () => {
    const { post, events } = await start({ session: false });
    expect((await post({ screen: 'attract' })).status).toBe(201);
    expect(events[0]).toMatchObject({ type: 'staff-called', inSession: false });
  });

  it('refuses a screen name that is not one (free text could carry personal data)', async () => {
    const { post, events } = await start({ session: true });
    const reply = await post({ screen: '张伟 110105199001011234' });
    expect(reply.status).toBe(400);
    expect(reply.body.error?.code).toBe('bad-request');
    expect(events).toEqual([]);
  });
});
