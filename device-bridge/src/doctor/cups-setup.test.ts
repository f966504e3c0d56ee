import { describe, expect, it } from 'vitest';
import { deviceUriAdvice, setUpCupsQueue, type ToolRunner } from './cups-setup.ts';

// The CUPS tools themselves run against a real cupsd in tests/integration/cups.test.ts; here, what
// the technician is told for each kind of queue.
describe('doctor cups-setup', () => {
  it('accepts ipp://, ipps:// and usb:// queues and warns about socket://, which reports completed on hand-off', () => {
    for (const uri of ['ipp://printer.local/ipp/print', 'ipps://10.0.0.5/ipp/print', 'usb://HP/LaserJet?serial=1']) {
      expect(deviceUriAdvice(uri).ok, uri).toBe(true);
    }
    const socket = deviceUriAdvice('socket://10.0.0.5:9100');
    expect(socket.ok).toBe(false);
    expect(socket.line).toMatch(/completed when the data reaches the printer.*ipp:\/\//);
  });

  it('runs lpadmin and cupsctl with the kiosk settings, and fails plainly when a tool is refused or the queue is missing', async () => {
    const calls: string[] = [];
    const run: ToolRunner = async (command, args) => {
      calls.push([command, ...args].join(' '));
      if (command === 'lpstat') return 'device for Other: ipp://x/ipp/print\n';
      if (command === 'cupsctl') throw Object.assign(new Error('exit 1'), { stderr: 'cupsctl: Forbidden\n' });
      return '';
    };
    const report = await setUpCupsQueue({ hostPort: '127.0.0.1:631', queue: 'Kiosk_A4' }, run);
    expect(calls).toEqual([
      'lpadmin -h 127.0.0.1:631 -p Kiosk_A4 -o printer-error-policy=abort-job',
      'cupsctl -h 127.0.0.1:631 MaxJobTime=300 PreserveJobFiles=No',
      'lpstat -h 127.0.0.1:631 -v Kiosk_A4',
    ]);
    expect(report.ok).toBe(false);
    expect(report.lines[1]).toMatch(/^FAIL cupsd: .*Forbidden/);
    expect(report.lines[2]).toMatch(/^FAIL Kiosk_A4: CUPS has no such queue/);
  });
});
