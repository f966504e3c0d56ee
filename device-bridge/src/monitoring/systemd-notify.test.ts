import { afterEach, describe, expect, it, vi } from 'vitest';
import { startSystemdNotify } from './systemd-notify.ts';

describe('systemd notify', () => {
  afterEach(() => vi.useRealTimers());

  it('does nothing outside systemd', () => {
    const execFile = vi.fn();
    const notifier = startSystemdNotify({ env: {}, healthy: () => true, execFile });
    notifier.ready('up');
    notifier.stop();
    expect(execFile).not.toHaveBeenCalled();
  });

  it('says READY once, pings the watchdog at half its period only while healthy, says STOPPING at the end', () => {
    vi.useFakeTimers();
    const calls: string[] = [];
    let healthy = true;
    const notifier = startSystemdNotify({
      env: { NOTIFY_SOCKET: '/run/systemd/notify', WATCHDOG_USEC: '30000000' },
      healthy: () => healthy,
      execFile: (file, args, callback) => {
        calls.push(`${file} ${args.join(' ')}`);
        callback(null);
      },
    });
    notifier.ready('bridge up');
    expect(calls).toEqual(['systemd-notify --ready --status=bridge up']);
    vi.advanceTimersByTime(15_000);
    expect(calls.at(-1)).toBe('systemd-notify WATCHDOG=1');
    healthy = false;
    vi.advanceTimersByTime(45_000);
    expect(calls.filter((call) => call.endsWith('WATCHDOG=1'))).toHaveLength(1);
    notifier.stop();
    expect(calls.at(-1)).toBe('systemd-notify STOPPING=1');
  });
});
