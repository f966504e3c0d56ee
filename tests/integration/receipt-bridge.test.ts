import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPaths } from '../../device-bridge/src/api/routes.ts';
import { startBridge, type RunningBridge } from '../support/bridge-process.ts';
import { bridgeRequest } from '../support/http.ts';
import { waitFor } from '../support/wait.ts';

describe('receipts through the running bridge (real ESC/POS driver ⇄ simulator)', () => {
  let bridge: RunningBridge;
  beforeAll(async () => {
    bridge = await startBridge();
  }, 60_000);
  afterAll(async () => {
    await bridge?.stop();
  });

  const ticket = {
    kind: 'queue-ticket',
    number: 'B007',
    category: '不动产业务',
    window: '8号窗口',
    waiting: 3,
    hallName: '通办示例政务服务中心',
    takenAt: '2026-11-22T02:15:00.000Z',
  };

  it('prints a queue ticket the simulator reads back as text and as a picture', async () => {
    const response = await bridgeRequest(bridge.url, 'POST', apiPaths.receipts, ticket);
    expect(response.status).toBe(202);
    expect(response.json()).toEqual({ printed: true });
    const { receipts } = (await bridgeRequest(bridge.url, 'GET', apiPaths.simReceipts)).json() as { receipts: Array<{ text: string; svg: string }> };
    expect(receipts.at(-1)!.text).toContain('B 0 0 7');
    expect(receipts.at(-1)!.text).toContain('8号窗口');
    expect(receipts.at(-1)!.svg).toContain('<svg');
  });

  it('reports the slip not printed when the paper is out, and refuses a malformed request with 400', async () => {
    await bridgeRequest(bridge.url, 'POST', apiPaths.simPrinterState('receipt-printer'), { state: 'paper-out' });
    await waitFor('paper-out', async () => {
      const health = (await bridgeRequest(bridge.url, 'GET', apiPaths.health)).json() as { devices: Array<{ id: string; reason?: string }> };
      return health.devices.find((device) => device.id === 'receipt-printer')?.reason === 'paper-out' ? { value: true } : {};
    });
    const response = await bridgeRequest(bridge.url, 'POST', apiPaths.receipts, ticket);
    expect(response.json()).toEqual({ printed: false, reason: 'paper-out' });
    const bad = await bridgeRequest(bridge.url, 'POST', apiPaths.receipts, { ...ticket, number: '<script>' });
    expect(bad.status).toBe(400);
  });
});
