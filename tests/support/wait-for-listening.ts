import type { ChildProcess } from 'node:child_process';
import net from 'node:net';
import { waitFor } from './wait.ts';

/**
 * Waits until `child` accepts TCP connections on 127.0.0.1:`port`; fails at once, with the tail of
 * its output, if it exits first (a bad config file says why there).
 */
export function waitForListening(what: string, child: ChildProcess, port: number, output: () => string, timeoutMs = 10_000): Promise<true> {
  return waitFor(
    what,
    () =>
      new Promise<{ value?: true; note?: string }>((resolve) => {
        if (child.exitCode !== null) {
          resolve({ note: `exited ${child.exitCode}: ${output()}` });
          return;
        }
        const socket = net.connect(port, '127.0.0.1');
        socket.once('connect', () => {
          socket.destroy();
          resolve({ value: true });
        });
        socket.once('error', (error) => resolve({ note: error.message }));
      }),
    timeoutMs,
    50,
  );
}
