// /api/sim/id-reader/* under npm start: the real SAM driver against the in-process SAM simulator,
// driven like the dev panel does — four card types, damaged cards and SAM fault injection.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPaths } from '@tongban/device-bridge/api';
import { startBridge, type RunningBridge } from '../support/bridge-process.ts';
import { bridgeRequest, expectStatus } from '../support/http.ts';
import { firstEvent } from '../support/sse.ts';
import { waitFor } from '../support/wait.ts';

let bridge: RunningBridge;
beforeAll(async () => {
  bridge = await startBridge({ config: { devices: { 'id-reader': { driver: 'simulated', readMs: 30 } } } });
});
afterAll(async () => {
  await bridge?.stop();
});

async function readerStatus() {
  const body = (await bridgeRequest(bridge.url, 'GET', apiPaths.health)).json() as {
    devices: { id: string; state: string; reason?: string }[];
  };
  return body.devices.find((device) => device.id === 'id-reader')!;
}

const post = (path: string, body: object) => expectStatus(bridgeRequest(bridge.url, 'POST', path, body), 204, `POST ${path}`);
const removeCard = () => expectStatus(bridgeRequest(bridge.url, 'DELETE', apiPaths.simCard), 204, 'remove card');

describe('simulated ID reader controls', () => {
  it('both foreign permanent residence cards open a session (18- and 15-character numbers, masked 6 + 4); a damaged card is rejected as unreadable', async () => {
    for (const [cardType, masked] of [
      ['foreign-permanent-2023', /^9\d{5}\*{8}\d{3}[\dX]$/],
      ['foreign-permanent-2017', /^CAN110\*{5}0112$/],
    ] as const) {
      const started = firstEvent(bridge.url, 'session-started', 10_000);
      await post(apiPaths.simCard, { cardType });
      expect((await started).session.maskedIdNumber).toMatch(masked);
      await expectStatus(bridgeRequest(bridge.url, 'DELETE', apiPaths.session), 204, 'end session');
      await removeCard();
    }

    const rejected = firstEvent(bridge.url, 'card-rejected', 10_000);
    await post(apiPaths.simCard, { damaged: true });
    expect((await rejected).reason).toBe('unreadable');
    await removeCard();
  });

  it.each([
    ['self-test-failure', 'sam-self-test-failed'],
    ['not-authorised', 'sam-not-authorised'],
  ] as const)('SAM fault %s shows in health as fault (%s) and clears again', async (fault, reason) => {
    await post(apiPaths.simIdReaderFault, { fault });
    await waitFor(
      'fault in health',
      async () => {
        const status = await readerStatus();
        return { value: status.state === 'fault' ? status : undefined, note: JSON.stringify(status) };
      },
      10_000,
    );
    expect((await readerStatus()).reason).toBe(reason);
    await post(apiPaths.simIdReaderFault, { fault: null });
    await waitFor('ready in health', async () => ({ value: (await readerStatus()).state === 'ready' ? true : undefined }), 10_000);
  });

  it('refuses an unknown fault with a message naming the field', async () => {
    const response = await bridgeRequest(bridge.url, 'POST', apiPaths.simIdReaderFault, { fault: 'on-fire' });
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.json())).toContain('fault');
  });
});
