// The bridge's systemd notifications on the wire, without systemd: a datagram socket stands in for
// PID 1's NOTIFY_SOCKET (Node cannot open one, so a few lines of Python receive), and the real
// bridge process must say READY=1 once listening and keep pinging WATCHDOG=1.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge, type RunningBridge } from '../support/bridge-process.ts';
import { waitFor } from '../support/wait.ts';

const receiver = `
import socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(sys.argv[1])
print('bound', flush=True)
while True:
    # recv() without room for ancillary data closes the barrier fd systemd-notify passes: the barrier completes
    print(s.recv(4096).decode().replace('\\n', '|'), flush=True)
`;

describe('systemd Type=notify and watchdog', () => {
  let dir: string;
  let socketReceiver: ChildProcess;
  let received = '';
  let bridge: RunningBridge;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'tongban-notify-'));
    const socketPath = path.join(dir, 'notify.sock');
    socketReceiver = spawn('python3', ['-c', receiver, socketPath], { stdio: ['ignore', 'pipe', 'inherit'] });
    socketReceiver.stdout?.setEncoding('utf8').on('data', (chunk: string) => (received += chunk));
    await waitFor('the fake NOTIFY_SOCKET', async () => (received.includes('bound') ? { value: true } : {}));
    process.env.NOTIFY_SOCKET = socketPath;
    process.env.WATCHDOG_USEC = '1000000';
    try {
      bridge = await startBridge();
    } finally {
      delete process.env.NOTIFY_SOCKET;
      delete process.env.WATCHDOG_USEC;
    }
  });

  afterAll(async () => {
    await bridge?.stop();
    socketReceiver?.kill('SIGKILL');
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('says READY=1 with a status once listening, then pings WATCHDOG=1, then STOPPING=1 on stop', async () => {
    await waitFor('READY=1', async () => (received.includes('READY=1') ? { value: true } : {}), 10_000);
    expect(received).toMatch(/READY=1\|STATUS=listening on 127\.0\.0\.1:\d+/);
    await waitFor('two watchdog pings', async () => ((received.match(/WATCHDOG=1/g) ?? []).length >= 2 ? { value: true } : {}), 10_000);
    await bridge.stop();
    await waitFor('STOPPING=1', async () => (received.includes('STOPPING=1') ? { value: true } : {}), 10_000);
  });
});
