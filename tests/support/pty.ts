// A pair of connected pseudo-terminals made by socat, standing in for a USB-serial cable: the
// bridge opens one end with the real `serialport` binding, a device simulator opens the other.
// `unplug()` kills socat so both ttys vanish (the driver sees its port die, as when an adapter is
// pulled); `replug()` starts socat again on the same paths (the adapter returns).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export interface PtyPair {
  /** path the bridge (driver) opens, a symlink to /dev/pts/N */
  hostPath: string;
  /** path the device simulator opens */
  devicePath: string;
  /** kills socat: both ends vanish; resolves once the paths are gone */
  unplug(): Promise<void>;
  /** starts socat again on the same paths; resolves once both exist */
  replug(): Promise<void>;
  /** stops socat and removes the temp directory */
  close(): Promise<void>;
}

async function waitUntil(what: string, condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`pty: timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export async function createPtyPair(): Promise<PtyPair> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tongban-pty-'));
  const hostPath = path.join(dir, 'host');
  const devicePath = path.join(dir, 'device');
  let socat: ChildProcess | null = null;
  let exited: Promise<void> = Promise.resolve();
  let stderr = '';

  async function plug(): Promise<void> {
    if (socat) return;
    stderr = '';
    // raw,echo=0: bytes pass unchanged (no line discipline, no CR/LF mapping, no echo back)
    const child = spawn('socat', [`pty,raw,echo=0,link=${hostPath}`, `pty,raw,echo=0,link=${devicePath}`], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    socat = child;
    exited = new Promise((resolve) => child.once('exit', () => resolve()));
    const spawnFailed = new Promise<never>((_resolve, reject) =>
      child.once('error', (error) => reject(new Error(`socat could not start (is it installed?): ${error.message}`))),
    );
    await Promise.race([
      waitUntil(`socat to create ${hostPath} and ${devicePath} (${stderr})`, () => existsSync(hostPath) && existsSync(devicePath)),
      spawnFailed,
    ]);
  }

  async function unplug(): Promise<void> {
    const child = socat;
    if (!child) return;
    socat = null;
    child.kill('SIGTERM');
    await exited;
    await waitUntil('the pty links to disappear', () => !existsSync(hostPath) && !existsSync(devicePath));
  }

  await plug();
  return {
    hostPath,
    devicePath,
    unplug,
    replug: plug,
    async close() {
      await unplug();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
