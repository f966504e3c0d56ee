import { afterEach, describe, expect, it } from 'vitest';
import { createReconnectingLine, type LinkState } from '../../device-bridge/src/devices/serial/reconnecting-line.ts';
import { serialPortOpener } from '../../device-bridge/src/devices/serial/serialport-line.ts';
import { systemClock } from '../../device-bridge/src/time/clock.ts';
import { createPtyPair, type PtyPair } from '../support/pty.ts';
import { waitFor } from '../support/wait.ts';

let pty: PtyPair | undefined;
afterEach(async () => {
  await pty?.close();
  pty = undefined;
});

describe('serial line over a socat pty with the real serialport binding', () => {
  it('carries bytes both ways, notices the adapter being pulled, and reopens when it returns', async () => {
    pty = await createPtyPair();
    const host = createReconnectingLine({
      open: serialPortOpener({ path: pty.hostPath, baudRate: 115200 }),
      clock: systemClock,
      backoff: { initialDelayMs: 50, maxDelayMs: 200 },
    });
    const states: LinkState['kind'][] = [];
    host.onState((state) => states.push(state.kind));
    host.start();
    const hostLine = await waitFor('the host end to open', async () => ({ value: host.line() ?? undefined }));

    const device = await serialPortOpener({ path: pty.devicePath, baudRate: 115200 })();
    const received: number[] = [];
    // a chunk is lent for the call (it may carry card data): zeroed once the listeners return
    const lent: Uint8Array[] = [];
    device.onData((chunk) => {
      received.push(...chunk);
      lent.push(chunk);
    });
    await hostLine.write(Uint8Array.from([0xaa, 0x00, 0x0d, 0x0a, 0xff]));
    await waitFor('bytes at the device end', async () => ({ value: received.length === 5 ? true : undefined }));
    expect(received).toEqual([0xaa, 0x00, 0x0d, 0x0a, 0xff]);
    expect(lent.every((chunk) => chunk.every((byte) => byte === 0))).toBe(true);

    await pty.unplug();
    await waitFor('the host to notice the loss', async () => ({
      value: host.state().kind === 'waiting' ? true : undefined,
      note: host.state().kind,
    }));
    await device.close();

    await pty.replug();
    const reopened = await waitFor('the host to reopen', async () => ({ value: host.line() ?? undefined }), 5_000);
    expect(reopened).not.toBe(hostLine);
    await host.stop();
    expect(states[0]).toBe('opening');
    expect(states).toContain('waiting');
    expect(states.at(-1)).toBe('stopped');
  });
});
