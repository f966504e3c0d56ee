import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPaths } from '../../device-bridge/src/api/routes.ts';
import { startBridge, type RunningBridge } from '../support/bridge-process.ts';
import { bridgeRequest } from '../support/http.ts';
import { waitFor } from '../support/wait.ts';

/** The slips come out of the real ESC/POS driver and the simulator because a citizen asked for a queue number. */
describe('receipts through the running bridge (real ESC/POS driver ⇄ simulator)', () => {
  let bridge: RunningBridge;
  beforeAll(async () => {
    bridge = await startBridge({ config: { devices: { 'id-reader': { driver: 'simulated', readMs: 0 } } } });
    await bridgeRequest(bridge.url, 'POST', apiPaths.simCard, { fixture: 'zhang-wei' });
    await waitFor(
      'a session',
      async () => ((await bridgeRequest(bridge.url, 'GET', apiPaths.session)).status === 200 ? { value: true } : {}),
      10_000,
    );
  }, 60_000);
  afterAll(async () => {
    await bridge?.stop();
  });

  const printedSlips = async () =>
    ((await bridgeRequest(bridge.url, 'GET', apiPaths.simReceipts)).json() as { receipts: Array<{ text: string; svg: string }> }).receipts;

  it('prints the queue ticket a citizen takes, which the simulator reads back as text and as a picture', async () => {
    const response = await bridgeRequest(bridge.url, 'POST', apiPaths.queue, { category: 'real-estate' });
    expect(response.status).toBe(201);
    const ticket = response.json() as { number: string; hallName: string; windows: string[]; printed: boolean };
    expect(ticket.printed).toBe(true);
    const slip = (await printedSlips()).at(-1)!;
    expect(slip.text).toContain([...ticket.number].join(' ')); // double size: one column apart
    expect(slip.text).toContain('不动产登记');
    expect(slip.text).toContain(ticket.hallName);
    expect(ticket.windows.length).toBeGreaterThan(0);
    expect(slip.text).toContain(`${ticket.windows[0]}号窗口`); // where the number will be called
    expect(slip.svg).toContain('<svg');
  });

  it('still gives the number when the paper is out, says it was not printed, and no longer takes slip text from the page', async () => {
    await bridgeRequest(bridge.url, 'POST', apiPaths.simPrinterState('receipt-printer'), { state: 'paper-out' });
    await waitFor('paper-out', async () => {
      const health = (await bridgeRequest(bridge.url, 'GET', apiPaths.health)).json() as {
        devices: Array<{ id: string; reason?: string }>;
      };
      return health.devices.find((device) => device.id === 'receipt-printer')?.reason === 'paper-out' ? { value: true } : {};
    });
    const response = await bridgeRequest(bridge.url, 'POST', apiPaths.queue, { category: 'tax' });
    expect(response.status).toBe(201);
    expect(response.json()).toMatchObject({ printed: false });
    const arbitrary = await bridgeRequest(bridge.url, 'POST', '/api/receipts', { kind: 'queue-ticket', number: 'B007' });
    expect(arbitrary.status).toBe(404);
  });
});
