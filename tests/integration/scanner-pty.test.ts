// The USB-CDC scanner driver through the real serialport binding on a socat pty, a scanner
// simulator on the far end: codes, bad input, and the scanner being unplugged and plugged back.
import { afterEach, describe, expect, it } from 'vitest';
import type { CodeScanner } from '../../device-bridge/src/devices/device.ts';
import { createSerialScannerSimulator } from '../../device-bridge/src/devices/scanner/serial-scanner-simulator.ts';
import { createSerialScanner } from '../../device-bridge/src/devices/scanner/serial-scanner.ts';
import type { SerialLine } from '../../device-bridge/src/devices/serial/serial-line.ts';
import { serialPortOpener } from '../../device-bridge/src/devices/serial/serialport-line.ts';
import { createMemoryLogger } from '../../device-bridge/src/log/logger.ts';
import { systemClock } from '../../device-bridge/src/time/clock.ts';
import { createPtyPair, type PtyPair } from '../support/pty.ts';
import { waitFor } from '../support/wait.ts';

let pty: PtyPair | undefined;
let scanner: CodeScanner | undefined;
let deviceLine: SerialLine | undefined;
afterEach(async () => {
  await scanner?.stop();
  if (deviceLine?.isOpen) await deviceLine.close();
  await pty?.close();
  pty = scanner = deviceLine = undefined;
});

describe('USB-CDC scanner on a pty', () => {
  it('delivers codes, drops bad ones with a log line, and reconnects after an unplug', async () => {
    pty = await createPtyPair();
    const logger = createMemoryLogger();
    scanner = createSerialScanner({
      driver: 'serial',
      open: serialPortOpener({ path: pty.hostPath, baudRate: 9600 }),
      clock: systemClock,
      suffix: 'crlf',
      logger,
      backoff: { initialDelayMs: 50, maxDelayMs: 500 },
    });
    const codes: string[] = [];
    scanner.onScan((code) => codes.push(code));
    await scanner.start();
    await waitFor('scanner ready', async () => ({ value: scanner!.status().state === 'ready' ? true : undefined }));

    const simulator = createSerialScannerSimulator({ suffix: 'crlf' });
    deviceLine = await serialPortOpener({ path: pty.devicePath, baudRate: 9600 })();
    simulator.attach(deviceLine);
    await simulator.scan('tongban:appointment:A-20250301-0007');
    await simulator.sendRaw(Uint8Array.from([...Buffer.from('evil\u001b[2J'), 0x0d, 0x0a]));
    await simulator.scan('身份核验二维码');
    await waitFor('two codes', async () => ({ value: codes.length === 2 ? true : undefined, note: codes.join('|') }));
    expect(codes).toEqual(['tongban:appointment:A-20250301-0007', '身份核验二维码']);
    expect(logger.lines.some((line) => line.includes('"scan-rejected"') && line.includes('control-characters'))).toBe(true);
    expect(logger.lines.join('\n')).not.toContain('evil');

    await pty.unplug();
    await waitFor('scanner disconnected', async () => ({ value: scanner!.status().state === 'disconnected' ? true : undefined }));
    await deviceLine.close();
    await pty.replug();
    await waitFor('scanner ready again', async () => ({ value: scanner!.status().state === 'ready' ? true : undefined }), 5_000);
    deviceLine = await serialPortOpener({ path: pty.devicePath, baudRate: 9600 })();
    simulator.attach(deviceLine);
    await simulator.scan('after-replug');
    await waitFor('code after replug', async () => ({ value: codes.includes('after-replug') ? true : undefined }));
  });
});
